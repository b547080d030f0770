package dev.bulwark.secrets.internal;

import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords written into connection details: URLs with a password in their user info ({@code
 * postgres://app:pw@db.internal/orders}, {@code mongodb+srv://…}, {@code redis://:pw@…}),
 * key-value connection strings ({@code Server=…;User Id=…;Password=…}, JDBC and URL query
 * parameters {@code ?user=…&password=…}), and {@code Authorization: Basic} headers. Hosts that
 * only exist on a developer's machine or in documentation (localhost, {@code example.com}) are
 * not reported.
 */
final class Credentials implements Detector {

  private static final List<Anchor> ANCHORS = List.of(
      Anchor.exact("://"), Anchor.anyCase("password"), Anchor.anyCase("pwd"),
      Anchor.anyCase("basic "));

  private static final int MAX_AUTHORITY = 512;

  /** Keys that make a {@code key=value;…} string a connection string. */
  private static final List<String> CONNECTION_KEYS = List.of(
      "server=", "data source=", "host=", "hostname=", "user id=", "userid=", "uid=", "user=",
      "username=", "database=", "initial catalog=", "dsn=", "jdbc:", "://", "port=");

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.URL_CREDENTIALS, SecretKind.CONNECTION_STRING_PASSWORD,
        SecretKind.BASIC_AUTH_CREDENTIALS);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    switch (anchor) {
      case 0:
        url(scan, start, end);
        break;
      case 3:
        basic(scan, start, end);
        break;
      default:
        keyValue(scan, start, end);
        break;
    }
  }

  private static void url(Scan scan, int start, int end) {
    byte[] buf = scan.buf;
    int s = start;
    while (s > 0 && start - s < 32 && (Bytes.isAlnum(buf[s - 1]) || buf[s - 1] == '+'
        || buf[s - 1] == '.' || buf[s - 1] == '-')) {
      s--;
    }
    if (s == start || !(Bytes.isLower(buf[s]) || Bytes.isUpper(buf[s]))) {
      return;
    }
    int cap = Math.min(scan.limit(), end + MAX_AUTHORITY);
    if (!scan.spend(cap - end)) {
      return;
    }
    int at = -1;
    int i = end;
    for (; i < cap; i++) {
      int b = buf[i];
      if (b == '/' || b == '?' || b == '#' || b == '"' || b == '\'' || b == '`' || b == '<'
          || b == '>' || b == '\\' || b == '\n' || b == '\r' || Bytes.isBlank(b)) {
        break;
      }
      if (b == '@') {
        at = i;
      }
    }
    if (at < 0) {
      return;
    }
    int colon = -1;
    for (int j = end; j < at; j++) {
      if (buf[j] == ':') {
        colon = j;
        break;
      }
    }
    if (colon < 0 || at - colon - 1 < 3) {
      return;
    }
    int hostEnd = at + 1;
    while (hostEnd < i && buf[hostEnd] != ':') {
      hostEnd++;
    }
    String host = scan.string(at + 1, hostEnd).toLowerCase(Locale.ROOT);
    String user = scan.string(end, colon);
    String password = scan.string(colon + 1, at);
    if (host.isEmpty() || isDevelopmentHost(host) || !plausiblePassword(password, user)) {
      return;
    }
    String scheme = scan.string(s, start).toLowerCase(Locale.ROOT);
    scan.report(SecretKind.URL_CREDENTIALS)
        .value(colon + 1, at)
        .describe("Password in a " + scheme + " URL for host " + host)
        .property("scheme", scheme)
        .property("host", host)
        .emit();
  }

  /** {@code password=…} or {@code pwd=…} in a connection string or URL query. */
  private static void keyValue(Scan scan, int start, int end) {
    byte[] buf = scan.buf;
    int before = scan.at(start - 1);
    boolean separator = before == ';' || before == '&' || before == '?' || before == '"'
        || before == '\'';
    boolean lineStart = before < 0 || Bytes.isBlank(before) || before == '\n';
    // in code, "password=" after a blank is a keyword argument, not part of a connection string
    if (!(separator || (lineStart && !scan.ctx.code()))) {
      return;
    }
    int i = end;
    while (i < scan.limit() && Bytes.isBlank(buf[i])) {
      i++;
    }
    if (scan.at(i) != '=' || scan.at(i + 1) == '=') {
      return;
    }
    i++;
    while (i < scan.limit() && Bytes.isBlank(buf[i])) {
      i++;
    }
    int valueFrom = i;
    int cap = Math.min(scan.limit(), valueFrom + 256);
    while (i < cap) {
      int b = buf[i];
      if (b == ';' || b == '&' || b == '"' || b == '\'' || b == '\n' || b == '\r' || b == ','
          || b == ')' || Bytes.isBlank(b)) {
        break;
      }
      i++;
    }
    if (i == cap || i - valueFrom < 3) {
      return;
    }
    int lineFrom = scan.lineStart(start, 1024);
    int lineTo = scan.lineEnd(start, 1024);
    if (!scan.spend((CONNECTION_KEYS.size() + 3) * (lineTo - lineFrom))
        || !connectionString(scan, lineFrom, lineTo, start)) {
      return;
    }
    String password = scan.string(valueFrom, i);
    if (!plausiblePassword(password, "") || hostIsDevelopment(scan, lineFrom, lineTo)) {
      return;
    }
    scan.report(SecretKind.CONNECTION_STRING_PASSWORD).value(valueFrom, i).emit();
  }

  private static boolean connectionString(Scan scan, int from, int to, int except) {
    for (String key : CONNECTION_KEYS) {
      int at = Bytes.indexOf(scan.buf, from, to, key.getBytes(StandardCharsets.US_ASCII), true);
      if (at >= 0 && at != except) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostIsDevelopment(Scan scan, int from, int to) {
    for (String key : new String[] {"server=", "data source=", "host="}) {
      int at = Bytes.indexOf(scan.buf, from, to, key.getBytes(StandardCharsets.US_ASCII), true);
      if (at >= 0) {
        int i = at + key.length();
        int e = i;
        while (e < to && scan.buf[e] != ';' && scan.buf[e] != ',' && scan.buf[e] != '"'
            && scan.buf[e] != '\'' && !Bytes.isBlank(scan.buf[e])) {
          e++;
        }
        String host = scan.string(i, e).toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        if (colon > 0) {
          host = host.substring(0, colon);
        }
        if (host.startsWith("tcp:")) {
          host = host.substring(4);
        }
        return isDevelopmentHost(host) || host.equals("(localdb)") || host.startsWith("(localdb)")
            || host.equals(".");
      }
    }
    return false;
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  private static void basic(Scan scan, int start, int end) {
    if (Bytes.isAlnum(scan.at(start - 1))) {
      return;
    }
    int i = end;
    int cap = Math.min(scan.limit(), end + 512);
    while (i < cap && (Bytes.isBase64(scan.buf[i]) || scan.buf[i] == '=')) {
      i++;
    }
    if (i - end < 8 || Bytes.isAlnum(scan.at(i))) {
      return;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(scan.string(end, i)),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return;
    }
    int colon = decoded.indexOf(':');
    if (colon < 1 || !printable(decoded)
        || !plausiblePassword(decoded.substring(colon + 1), decoded.substring(0, colon))) {
      return;
    }
    scan.report(SecretKind.BASIC_AUTH_CREDENTIALS)
        .value(end, i)
        .describe("Credentials in a Basic authorization header")
        .emit();
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  /**
   * Not a placeholder, not a template reference, not the user name again, not a well-known
   * default such as {@code password} or {@code secret}.
   */
  static boolean plausiblePassword(String password, String user) {
    if (password.length() < 3 || Allowances.isPlaceholder(password)
        || password.equalsIgnoreCase(user)) {
      return false;
    }
    if (password.indexOf('{') >= 0 || password.indexOf('}') >= 0) {
      return false; // a format template such as {password} or {0}
    }
    String lower = password.toLowerCase(Locale.ROOT);
    return !(lower.equals("pass") || lower.equals("pw") || lower.equals("pwd")
        || lower.startsWith("password") || lower.startsWith("passwd") || lower.equals("secret")
        || lower.equals("admin") || lower.equals("root") || lower.equals("postgres")
        || lower.equals("guest") || lower.equals("user") || lower.equals("mysql"));
  }

  static boolean isDevelopmentHost(String host) {
    String h = host.startsWith("[") ? host.substring(1, Math.max(1, host.indexOf(']'))) : host;
    return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.")
        || h.equals("0.0.0.0") || h.equals("::1") || h.equals("host.docker.internal")
        || h.equals("example.com") || h.endsWith(".example.com") || h.equals("example.org")
        || h.endsWith(".example.org") || h.equals("example.net") || h.endsWith(".example.net")
        || h.endsWith(".example") || h.endsWith(".test") || h.endsWith(".invalid")
        || h.equals("host") || h.equals("hostname") || h.equals("server") || h.equals("your-host")
        || h.equals("db-host") || h.equals("dbhost");
  }
}
