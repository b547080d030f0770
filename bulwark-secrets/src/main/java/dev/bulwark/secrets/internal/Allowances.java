package dev.bulwark.secrets.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values that look like secrets but are documented examples or obvious placeholders.
 *
 * <p>Documented examples: every value containing {@code EXAMPLE} (AWS documents its example keys
 * that way, e.g. {@code AKIAIOSFODNN7EXAMPLE}; random tokens never contain the word), the publicly
 * documented key of the Azure storage emulator, and the example tokens of the OAuth RFCs.
 */
final class Allowances {

  private static final Set<String> EXAMPLES = Set.of(
      // Azurite / Azure storage emulator account key, published in Microsoft's documentation
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
      // the examples of the OAuth 2.0 specification (RFC 6749): access and refresh token, and
      // the Basic credentials of its client s6BhdRkqt3
      "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
      // the examples of the OAuth 1.0 specification (RFC 5849): consumer key and token
      "0685bd9184jfhq22", "ad180jjd733klru7", "dkp6l3nj5hzh0nqv");

  /** Lower-case fragments that mark a value as a placeholder. */
  private static final List<String> PLACEHOLDER_FRAGMENTS = List.of(
      "xxxx", "****", "....", "${", "{{", "$(", "%(", "#{", "%s", "example", "changeme",
      "change_me", "change-me", "changeit", "placeholder", "dummy", "redacted", "your_", "your-",
      "yourtoken", "yoursecret", "yourkey", "yourpassword", "replace", "insert_", "insert-",
      "sample", "fake", "notreal", "not_real", "not-real", "notasecret", "not_a_secret",
      "not-a-secret", "todo", "fixme", "_here", "-here", "here>", "mock", "lorem", "secret123",
      "password123", "123456", "abcdef", "qwerty");

  /**
   * The fragments long enough that a random token contains one by chance less than once in a
   * million; the others ({@code todo}, {@code mock}) would hide real tokens now and then.
   */
  private static final List<String> TOKEN_PLACEHOLDER_FRAGMENTS =
      PLACEHOLDER_FRAGMENTS.stream().filter(f -> f.length() >= 5).toList();

  private static final Set<String> WORDS = Set.of(
      "null", "none", "nil", "undefined", "true", "false", "empty", "required", "optional",
      "string", "secret", "password", "token", "value", "default", "unknown", "hidden", "masked",
      "n/a", "na", "tbd", "test", "foo", "bar", "baz", "qux", "foobar", "secret1", "pass123");

  private Allowances() {}

  /** True for a documented example value (never reported, whatever the detector). */
  static boolean isDocumentedExample(String value) {
    return value.contains("EXAMPLE") || EXAMPLES.contains(value);
  }

  /**
   * True for an obvious placeholder or template reference: {@code xxxx}, {@code changeme}, {@code
   * ${VAR}}, {@code {{resolve:…}}}, {@code <your-token>}, {@code $VAR}, {@code %VAR%}, a value of
   * one repeated character, and the like.
   */
  static boolean isPlaceholder(String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (WORDS.contains(lower)) {
      return true;
    }
    for (String f : PLACEHOLDER_FRAGMENTS) {
      if (lower.contains(f)) {
        return true;
      }
    }
    char first = v.charAt(0);
    char last = v.charAt(v.length() - 1);
    if (first == '$' || (first == '%' && last == '%') || (first == '<' && last == '>')
        || (first == '[' && last == ']') || (first == '{' && last == '}')) {
      return true;
    }
    return ValueStats.longestRun(v) * 2 > v.length();
  }

  /**
   * True when the random part of a prefixed token is a placeholder: a long repeated character, a
   * placeholder word, or far too little entropy for a random string of its length.
   */
  static boolean isPlaceholderToken(String body) {
    if (body.isEmpty() || ValueStats.longestRun(body) >= 5 || body.contains("EXAMPLE")) {
      return true;
    }
    String lower = body.toLowerCase(Locale.ROOT);
    for (String f : TOKEN_PLACEHOLDER_FRAGMENTS) {
      if (lower.contains(f)) {
        return true;
      }
    }
    double minimum = ValueStats.isAllHex(body)
        ? (body.length() >= 32 ? 3.0 : 2.5)
        : (body.length() >= 32 ? 3.5 : body.length() >= 16 ? 3.0 : 2.5);
    return ValueStats.entropy(body) < minimum;
  }
}
