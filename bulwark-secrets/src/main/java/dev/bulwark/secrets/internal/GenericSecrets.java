package dev.bulwark.secrets.internal;

import dev.bulwark.secrets.SecretKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Values assigned to secret-like names ({@code password = "…"}, {@code apiKey: '…'}, {@code
 * DB_PASSWORD=…}, {@code <password>…</password>}) that look like real secrets rather than
 * placeholders, references or words; and opaque bearer tokens in {@code Authorization} headers.
 *
 * <p>In source code only quoted literals count (an unquoted value is an expression); in
 * configuration files bare values count too. Lock files, minified bundles and SVG images are not
 * examined: their random-looking strings are hashes, identifiers and path data.
 */
final class GenericSecrets implements Detector {

  private static final List<Anchor> ANCHORS = List.of(
      Anchor.anyCase("pass"), Anchor.anyCase("pwd"), Anchor.anyCase("secret"),
      Anchor.anyCase("token"), Anchor.anyCase("key"), Anchor.anyCase("credential"),
      Anchor.anyCase("bearer "), Anchor.anyCase("value"));

  private static final int BEARER = 6;
  private static final int VALUE = 7;
  private static final int MAX_NAME = 128;
  private static final int MAX_VALUE = 512;

  private static final List<String> FILE_SUFFIXES = List.of(
      ".pem", ".key", ".json", ".txt", ".p12", ".pfx", ".crt", ".cer", ".jks", ".keystore",
      ".yaml", ".yml", ".env", ".properties", ".xml", ".conf", ".cfg", ".ini", ".js", ".py",
      ".gpg", ".asc", ".der", ".ppk", ".pub");

  private static final List<String> DIGEST_PREFIXES =
      List.of("sha1-", "sha256-", "sha384-", "sha512-", "sha1:", "sha256:", "sha512:", "md5:");

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.GENERIC_SECRET, SecretKind.BEARER_TOKEN,
        SecretKind.AWS_SECRET_ACCESS_KEY, SecretKind.TWILIO_CREDENTIALS,
        SecretKind.AZURE_STORAGE_KEY);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    if (scan.ctx.lockFile() || scan.ctx.svg() || scan.minified) {
      return;
    }
    if (anchor == BEARER) {
      bearer(scan, start, end);
    } else if (anchor == VALUE && scan.ctx.code()) {
      return; // name/value pairs are a configuration idiom; "value" is everywhere in code
    } else {
      assignment(scan, start, end);
    }
  }

  private static void assignment(Scan scan, int start, int end) {
    if (scan.base + start < scan.genericIdentEnd) {
      return; // inside the name looked at last, reached through another of its words
    }
    byte[] buf = scan.buf;
    int from = start;
    while (from > 0 && start - from < MAX_NAME && Bytes.isIdent(buf[from - 1])) {
      from--;
    }
    int to = end;
    int cap = Math.min(scan.limit(), end + MAX_NAME);
    while (to < cap && Bytes.isIdent(buf[to])) {
      to++;
    }
    while (from < to && (buf[from] == '.' || buf[from] == '-' || buf[from] == '$')) {
      from++;
    }
    while (to > from && (buf[to - 1] == '.' || buf[to - 1] == '-')) {
      to--;
    }
    if (scan.base + from <= scan.genericIdentEnd) {
      return; // the same name, reached through another of its words
    }
    scan.genericIdentEnd = scan.base + to;
    int i = to;
    int opener = scan.at(from - 1);
    if (opener == ';' || opener == '&' || opener == '?') {
      return; // a key of a connection string or URL query: Credentials judges those with context
    }
    boolean quotedName = false;
    if ((opener == '"' || opener == '\'' || opener == '`') && scan.at(i) == opener) {
      i++;
      quotedName = true;
    }
    if (opener == '<' && scan.at(i) == '>') {
      String name = scan.string(from, to);
      if (SecretNames.classify(name) != SecretNames.Strength.NONE) {
        xmlElement(scan, name, i + 1);
      }
      return;
    }
    i = skipBlanks(scan, i);
    int op = scan.at(i);
    int next = scan.at(i + 1);
    boolean colon = false;
    if (op == ',' && quotedName) {
      i += 1; // setdefault("DB_PASSWORD", "…"), setProperty("api.key", "…")
      if (!twoArgumentCall(scan, from - 1, skipBlanks(scan, i))) {
        return;
      }
    } else if (op == ':' && next == '=') {
      i += 2;
    } else if (op == '=' && next == '>') {
      i += 2;
    } else if (op == '?' && next == '=') {
      i += 2;
    } else if (op == '=' && next != '=') {
      i += 1;
    } else if (op == ':' && next != ':') {
      i += 1;
      colon = true;
    } else {
      return;
    }
    i = skipBlanks(scan, i);
    if (colon && scan.ctx.code() && isLetter(scan.at(i))) {
      i = skipTypeAnnotation(scan, i);
      if (i < 0) {
        return;
      }
    }
    if (scan.ctx.code() && !literalStarts(scan, i)) {
      return; // an expression: most assignments in code, decided before the name is judged
    }
    String name = scan.string(from, to);
    if (name.equalsIgnoreCase("value")) {
      name = siblingName(scan, from);
      if (name == null) {
        return;
      }
    }
    if (SecretNames.classify(name) == SecretNames.Strength.NONE) {
      return;
    }
    value(scan, name, i);
  }

  /**
   * The name of a name/value pair ({@code {"name": "DB_PASSWORD", "value": "…"}}, a YAML list
   * item with {@code name:} or {@code Key:} and {@code value:}): the value of the closest {@code
   * name} or {@code key} entry in the three lines above {@code valueAt}, or null.
   */
  private static @Nullable String siblingName(Scan scan, int valueAt) {
    int floor = scan.linesBefore(valueAt, 3, 512);
    if (!scan.spend(2 * (valueAt - floor))) {
      return null;
    }
    for (int p = valueAt - 4; p >= floor; p--) {
      int len = Bytes.startsWith(scan.buf, p, valueAt, "name", true) ? 4
          : Bytes.startsWith(scan.buf, p, valueAt, "key", true) ? 3 : 0;
      if (len == 0 || Bytes.isIdent(scan.at(p - 1))) {
        continue;
      }
      int i = p + len;
      if (scan.at(i) == '"' || scan.at(i) == '\'') {
        i++;
      }
      i = skipBlanks(scan, i);
      if (scan.at(i) != ':' && scan.at(i) != '=') {
        continue;
      }
      i = skipBlanks(scan, i + 1);
      if (scan.at(i) == '"' || scan.at(i) == '\'') {
        i++;
      }
      int j = i;
      while (j < valueAt && Bytes.isIdent(scan.buf[j])) {
        j++;
      }
      return j > i ? scan.string(i, j) : null;
    }
    return null;
  }

  /**
   * {@code ("NAME", "value")}: the quoted name at {@code nameQuote} opens a call's arguments and
   * the string literal at {@code value} closes them. Lists and tables of strings ({@code {"a",
   * "b"}}, {@code ['a', 'b', 'c']}) are not name and value.
   */
  private static boolean twoArgumentCall(Scan scan, int nameQuote, int value) {
    int p = nameQuote - 1;
    while (p >= 0 && Bytes.isBlank(scan.buf[p])) {
      p--;
    }
    int q = scan.at(value);
    if (scan.at(p) != '(' || !(q == '"' || q == '\'')) {
      return false;
    }
    int j = value + 1;
    int cap = Math.min(scan.limit(), j + MAX_VALUE);
    while (j < cap && scan.buf[j] != q && scan.buf[j] != '\n') {
      j += scan.buf[j] == '\\' ? 2 : 1;
    }
    return scan.at(j) == q && scan.at(skipBlanks(scan, j + 1)) == ')';
  }

  /** A string literal starts at {@code i}: a quote, or a prefix as in {@code b"} or {@code rb'}. */
  private static boolean literalStarts(Scan scan, int i) {
    int c = scan.at(i);
    return isQuote(c) || (isLetter(c) && (isQuote(scan.at(i + 1))
        || (isLetter(scan.at(i + 1)) && isQuote(scan.at(i + 2)))));
  }

  /** {@code password: string = "…"} (TypeScript, Kotlin): returns where the value starts, or -1. */
  private static int skipTypeAnnotation(Scan scan, int i) {
    int j = i;
    int cap = Math.min(scan.limit(), i + 64);
    while (j < cap && (Bytes.isIdent(scan.buf[j]) || scan.buf[j] == '<' || scan.buf[j] == '>'
        || scan.buf[j] == '?' || scan.buf[j] == '[' || scan.buf[j] == ']')) {
      j++;
    }
    j = skipBlanks(scan, j);
    if (scan.at(j) != '=' || scan.at(j + 1) == '=') {
      return -1;
    }
    return skipBlanks(scan, j + 1);
  }

  private static void value(Scan scan, String name, int i) {
    int c = scan.at(i);
    if (isLetter(c)) {
      int q = scan.at(i + 1);
      int q2 = scan.at(i + 2);
      boolean prefixed = isQuote(q) || (isLetter(q) && isQuote(q2));
      if (prefixed && scan.ctx.code() && stringPrefix(scan, i)) {
        if (Character.toLowerCase((char) c) == 'f' || Character.toLowerCase((char) q) == 'f') {
          return; // an interpolated f-string
        }
        i += isQuote(q) ? 1 : 2;
        c = scan.at(i);
      }
    }
    if (isQuote(c)) {
      int j = i + 1;
      int cap = Math.min(scan.limit(), j + MAX_VALUE);
      while (j < cap && scan.buf[j] != c && scan.buf[j] != '\n') {
        j += scan.buf[j] == '\\' ? 2 : 1;
      }
      if (j >= cap || scan.buf[j] != c) {
        return;
      }
      judge(scan, name, i + 1, j, true);
      return;
    }
    if (scan.ctx.code() || c < 0) {
      return;
    }
    if (c == '|' || c == '>' || c == '&' || c == '*' || c == '!') {
      return; // YAML block scalar, anchor, alias or tag
    }
    int j = i;
    int cap = Math.min(scan.limit(), i + MAX_VALUE);
    while (j < cap) {
      int b = scan.buf[j];
      if (Bytes.isBlank(b) || b == '\n' || b == '\r' || b == ',' || b == ';' || b == ')'
          || b == '}' || b == ']' || b == '"' || b == '\'' || b == '<') {
        break;
      }
      if (b == '(') {
        return; // a call: code in a file whose type we do not know
      }
      j++;
    }
    judge(scan, name, i, j, false);
  }

  private static boolean stringPrefix(Scan scan, int i) {
    for (int j = i; j < i + 2; j++) {
      int b = Character.toLowerCase((char) scan.at(j));
      if (isQuote(scan.at(j))) {
        return true;
      }
      if (!(b == 'b' || b == 'r' || b == 'u' || b == 'f')) {
        return false;
      }
    }
    return true;
  }

  private static void xmlElement(Scan scan, String name, int i) {
    int j = i;
    int cap = Math.min(scan.limit(), i + MAX_VALUE);
    while (j < cap && scan.buf[j] != '<' && scan.buf[j] != '\n') {
      j++;
    }
    if (scan.at(j) == '<') {
      judge(scan, name, i, j, false);
    }
  }

  /**
   * Reports the value at {@code [from, to)} when it passes the checks for {@code name}; the
   * entry point for values whose name the caller already knows (an environment variable).
   */
  static void judge(Scan scan, String name, int from, int to, boolean quoted) {
    SecretNames.Strength strength = SecretNames.classify(name);
    if (strength == SecretNames.Strength.NONE || to <= from) {
      return;
    }
    String value = scan.string(from, to);
    if (!quoted && value.endsWith("\r")) {
      value = value.substring(0, value.length() - 1);
      to--;
    }
    if (!plausible(value, strength)) {
      return;
    }
    List<String> words = SecretNames.words(name);
    SecretKind kind = SecretKind.GENERIC_SECRET;
    boolean awsName = words.contains("secret") && words.contains("key")
        && (words.contains("access") || words.contains("aws") || words.size() == 2)
        || words.contains("secretaccesskey");
    if (awsName && AwsKeys.looksLikeSecretKey(value)) {
      // 40 random base64 characters named a secret access key: AWS's format and names
      // (aws_secret_access_key, secretAccessKey, the Terraform provider's secret_key)
      kind = SecretKind.AWS_SECRET_ACCESS_KEY;
    } else if (words.contains("twilio") && value.length() == 32 && ValueStats.hasDigit(value)) {
      kind = SecretKind.TWILIO_CREDENTIALS;
    } else if (words.contains("key") && (words.contains("account") || words.contains("storage"))
        && value.length() == 88 && value.endsWith("==")) {
      kind = SecretKind.AZURE_STORAGE_KEY;
    }
    Scan.Report r = scan.report(kind).value(from, to).property("name", name);
    if (kind == SecretKind.GENERIC_SECRET) {
      r.describe(strength == SecretNames.Strength.PASSWORD
          ? "Password assigned to '" + name + "'"
          : "Secret-looking value assigned to '" + name + "'");
    } else {
      r.describe(kind.label() + " assigned to '" + name + "'");
    }
    r.emit();
  }

  /** Could {@code v} be a real secret of the given strength? */
  static boolean plausible(String v, SecretNames.Strength strength) {
    int n = v.length();
    if (n < 8 || n > MAX_VALUE || Allowances.isPlaceholder(v)) {
      return false;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("\\u") || v.indexOf('{') >= 0 && v.indexOf('}') >= 0) {
      return false; // text with unicode escapes, or a message template such as "{0} keys"
    }
    boolean windowsPath = v.indexOf('\\') >= 0;
    if (lower.contains("://") || lower.startsWith("arn:") || isPath(v) || windowsPath
        || lower.contains("password") || lower.contains("passwd") || lower.contains("secret")
        || lower.contains("token")) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || c >= 0x80) {
        return false; // words of a sentence, or of a language other than English: not generated
      }
    }
    for (String s : FILE_SUFFIXES) {
      if (lower.endsWith(s)) {
        return false;
      }
    }
    for (String p : DIGEST_PREFIXES) {
      if (lower.startsWith(p)) {
        return false;
      }
    }
    if (isReference(v) || isWords(v)) {
      return false;
    }
    double entropy = ValueStats.entropy(v);
    int classes = ValueStats.classes(v);
    if (strength == SecretNames.Strength.PASSWORD) {
      return classes >= 2 && entropy >= 2.5;
    }
    boolean hex = ValueStats.isAllHex(v);
    return n >= 16 && classes >= 2 && entropy >= (hex ? 3.0 : 3.3)
        && (ValueStats.hasDigit(v) || ValueStats.hasUpper(v) && ValueStats.hasLower(v) && n >= 20);
  }

  /**
   * {@code /run/secrets/db}, {@code ./certs/key}: a path, made of path characters only and with
   * more than one separator (a random base64 value may start with a slash too).
   */
  private static boolean isPath(String v) {
    if (!(v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/"))) {
      return false;
    }
    int slashes = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '/') {
        slashes++;
      } else if (!(Bytes.isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '~')) {
        return false;
      }
    }
    return slashes >= 2;
  }

  /** {@code var.db_password}, {@code config.secrets.api}: a dotted reference, not a value. */
  private static boolean isReference(String v) {
    if (v.indexOf('.') < 0) {
      return false;
    }
    int partStart = 0;
    for (int dot = v.indexOf('.'); partStart <= v.length(); dot = v.indexOf('.', partStart)) {
      String part = v.substring(partStart, dot < 0 ? v.length() : dot);
      partStart = dot < 0 ? v.length() + 1 : dot + 1;
      if (part.isEmpty() || !(Bytes.isLower(part.charAt(0)) || Bytes.isUpper(part.charAt(0))
          || part.charAt(0) == '_')) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        char c = part.charAt(i);
        if (!(Bytes.isAlnum(c) || c == '_' || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Words, not a secret: no digits, and the parts (split at separators and camelCase) are words
   * of three or more letters but for an acronym or two, as in {@code my-service-name} or {@code
   * PKAddPassButton}. Random strings split into many short parts.
   */
  private static boolean isWords(String v) {
    List<String> words = SecretNames.words(v);
    if (words.isEmpty()) {
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      if (Bytes.isDigit(v.charAt(i))) {
        return false;
      }
    }
    int shortWords = 0;
    for (String w : words) {
      if (w.length() < 3) {
        shortWords++;
      }
    }
    return shortWords * 3 <= words.size(); // an acronym or two, as in PKAddPassButton
  }

  private static void bearer(Scan scan, int start, int end) {
    if (Bytes.isAlnum(scan.at(start - 1))) {
      return;
    }
    int i = end;
    int cap = Math.min(scan.limit(), end + MAX_VALUE);
    while (i < cap && (Bytes.isBase64Url(scan.buf[i]) || scan.buf[i] == '.'
        || scan.buf[i] == '~' || scan.buf[i] == '+' || scan.buf[i] == '/')) {
      i++;
    }
    while (i < cap && scan.buf[i] == '=') {
      i++;
    }
    int n = i - end;
    if (n < 20 || n >= MAX_VALUE || Bytes.startsWith(scan.buf, end, i, "eyJ", false)) {
      return;
    }
    String token = scan.string(end, i);
    boolean hex = ValueStats.isAllHex(token);
    if (Allowances.isPlaceholderToken(token) || Allowances.isPlaceholder(token)
        || !ValueStats.hasDigit(token) || ValueStats.classes(token) < 2
        || ValueStats.entropy(token) < (hex ? 3.0 : 3.5)) {
      return;
    }
    scan.report(SecretKind.BEARER_TOKEN).value(end, i)
        .describe("Bearer token in an Authorization header").emit();
  }

  private static boolean isLetter(int c) {
    return Bytes.isLower(c) || Bytes.isUpper(c);
  }

  private static boolean isQuote(int c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static int skipBlanks(Scan scan, int i) {
    while (i < scan.limit() && Bytes.isBlank(scan.buf[i])) {
      i++;
    }
    return i;
  }
}
