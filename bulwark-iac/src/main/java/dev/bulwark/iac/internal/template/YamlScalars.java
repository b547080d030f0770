package dev.bulwark.iac.internal.template;

import dev.bulwark.model.Node.Scalar.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Types of plain (unquoted, untagged) YAML scalars, following YAML 1.1 as CloudFormation and the
 * SAM CLI read it: {@code yes}/{@code no}/{@code on}/{@code off} are booleans, {@code ~} and the
 * empty value are null, decimal, octal, hexadecimal and float forms are numbers. Dates and
 * everything else are strings. No regular expressions: plain character tests.
 */
final class YamlScalars {

  private YamlScalars() {}

  static Kind kindOf(String s) {
    if (isNull(s)) {
      return Kind.NULL;
    }
    if (booleanValue(s) != null) {
      return Kind.BOOLEAN;
    }
    if (isNumber(s)) {
      return Kind.NUMBER;
    }
    return Kind.STRING;
  }

  static boolean isNull(String s) {
    switch (s) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return true;
      default:
        return false;
    }
  }

  /** "true"/"false" for a YAML 1.1 boolean, else null. */
  static @Nullable String booleanValue(String s) {
    switch (s) {
      case "true":
      case "True":
      case "TRUE":
      case "yes":
      case "Yes":
      case "YES":
      case "on":
      case "On":
      case "ON":
        return "true";
      case "false":
      case "False":
      case "FALSE":
      case "no":
      case "No":
      case "NO":
      case "off":
      case "Off":
      case "OFF":
        return "false";
      default:
        return null;
    }
  }

  static boolean isNumber(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return false;
    }
    int i = 0;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      i++;
    }
    if (i == n) {
      return false;
    }
    String rest = s.substring(i);
    switch (rest) {
      case ".inf":
      case ".Inf":
      case ".INF":
        return true;
      default:
        break;
    }
    if (i == 0 && (s.equals(".nan") || s.equals(".NaN") || s.equals(".NAN"))) {
      return true;
    }
    if (rest.length() > 2 && rest.charAt(0) == '0' && (rest.charAt(1) == 'x' || rest.charAt(1) == 'X')) {
      return allMatch(rest, 2, YamlScalars::isHexOrUnderscore);
    }
    if (rest.length() > 2 && rest.charAt(0) == '0' && (rest.charAt(1) == 'o')) {
      return allMatch(rest, 2, c -> c >= '0' && c <= '7');
    }
    // decimal integer or float: digits[_digits][.digits][e[+-]digits]
    int j = 0;
    int len = rest.length();
    int intDigits = 0;
    while (j < len && (isDigit(rest.charAt(j)) || (rest.charAt(j) == '_' && intDigits > 0))) {
      if (isDigit(rest.charAt(j))) {
        intDigits++;
      }
      j++;
    }
    int fracDigits = 0;
    if (j < len && rest.charAt(j) == '.') {
      j++;
      while (j < len && (isDigit(rest.charAt(j)) || rest.charAt(j) == '_')) {
        if (isDigit(rest.charAt(j))) {
          fracDigits++;
        }
        j++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (j < len && (rest.charAt(j) == 'e' || rest.charAt(j) == 'E')) {
      j++;
      if (j < len && (rest.charAt(j) == '+' || rest.charAt(j) == '-')) {
        j++;
      }
      int expDigits = 0;
      while (j < len && isDigit(rest.charAt(j))) {
        expDigits++;
        j++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return j == len;
  }

  private interface CharTest {
    boolean test(char c);
  }

  private static boolean allMatch(String s, int from, CharTest t) {
    for (int i = from; i < s.length(); i++) {
      if (!t.test(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexOrUnderscore(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
  }
}
