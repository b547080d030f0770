package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * Server-side request forgery. Parses every URL in the text (after {@code scheme://}, and a
 * protocol-relative {@code //host} at the start) like a WHATWG parser: user info dropped at the last
 * {@code @}, {@code \} taken as {@code /}, brackets for IPv6, port removed; then classifies the host
 * with {@link Hosts}. Reports metadata endpoints in any notation, internal and loopback addresses
 * and names (more confidently when written obliquely), DNS-rebinding and out-of-band domains, and
 * schemes a fetcher should never follow ({@code file:}, {@code gopher:}, {@code dict:}, {@code
 * jar:}, {@code netdoc:}, {@code ldap:}, {@code tftp:}). A bare value that is a metadata address is
 * reported too; a bare {@code 127.0.0.1} (as in {@code X-Forwarded-For}) is not.
 */
public final class SsrfAnalyser extends Analyser {

  private static final int MAX_AUTHORITY = 512;

  private static final WordTable DANGEROUS_SCHEMES =
      WordTable.set("file", "gopher", "dict", "jar", "netdoc", "ldap", "ldaps", "tftp", "ldapi",
          "jdbc", "rmi", "iiop");
  private static final WordTable UNCOMMON_SCHEMES =
      WordTable.set("ftp", "sftp", "ftps", "smb", "ssh", "telnet", "scp", "nfs", "redis",
          "mysql", "postgres", "postgresql", "mongodb", "memcache", "zookeeper");
  private static final WordTable FETCHED_SCHEMES =
      WordTable.set("http", "https", "ws", "wss", "ftp", "gopher", "dict", "ldap", "ldaps",
          "tftp", "sftp", "ftps", "smb", "telnet", "ssh", "redis", "mysql", "postgres",
          "postgresql", "mongodb", "memcache", "jar", "netdoc", "rmi", "iiop", "scp", "nfs",
          "zookeeper", "jdbc");

  @Override
  public int triggers() {
    return Subject.COLON | Subject.SLASH | Subject.DOT;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.SSRF;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.COLON | Subject.SLASH | Subject.DOT)) == 0) {
        continue;
      }
      String t = subject.text(v);
      boolean url = subject.hasPair(v, Subject.P_SCHEME) && t.indexOf("://") > 0;
      boolean scheme = (f & Subject.COLON) != 0 && startsWithScheme(t);
      boolean bare = mayBeBareMetadata(t);
      boolean protocolRelative = (f & Subject.SLASH) != 0 && t.startsWith("//", skipBlanks(t, 0));
      if (!url && !scheme && !bare && !protocolRelative) {
        continue;
      }
      String l = subject.lower(v);
      if (url || protocolRelative) {
        urls(l, v, out);
      }
      if (scheme) {
        schemeOnly(l, v, out);
      }
      if (bare) {
        bareMetadata(l, v, out);
      }
    }
  }

  /** Every {@code scheme://authority} in the text. */
  private static void urls(String l, int v, Findings out) {
    int n = l.length();
    int i = l.indexOf("://");
    while (i > 0) {
      int s = i;
      while (s > 0 && isSchemeChar(l.charAt(s - 1))) {
        s--;
      }
      // the scheme starts with a letter
      while (s < i && !Ascii.isLetter(l.charAt(s))) {
        s++;
      }
      if (s < i) {
        String scheme = l.substring(s, i);
        int authStart = i + 3;
        // file:///etc/passwd and friends: the scheme alone says enough
        if (DANGEROUS_SCHEMES.contains(scheme)) {
          out.report(AttackClass.SSRF, "ssrf.dangerous-scheme", 0.9, v, s,
              Math.min(n, authStart + 32));
        }
        host(l, s, authStart, scheme, v, out);
      }
      i = l.indexOf("://", i + 3);
    }
    // protocol-relative //host at the start
    int start = skipBlanks(l, 0);
    if (l.startsWith("//", start) && !l.startsWith("///", start)) {
      host(l, start, start + 2, "http", v, out);
    }
  }

  /** {@code file:/etc/passwd}, {@code netdoc:/…}, {@code jar:file:…} at the start of the value. */
  private static void schemeOnly(String l, int v, Findings out) {
    int s = skipBlanks(l, 0);
    int c = s;
    while (c < l.length() && isSchemeChar(l.charAt(c)) && c - s < 16) {
      c++;
    }
    if (c >= l.length() || l.charAt(c) != ':' || c == s) {
      return;
    }
    String scheme = l.substring(s, c);
    if (!DANGEROUS_SCHEMES.contains(scheme) || l.startsWith("//", c + 1)) {
      return;
    }
    char next = c + 1 < l.length() ? l.charAt(c + 1) : ' ';
    if (next == '/' || next == '\\' || (scheme.equals("jar") && Ascii.isLetter(next))) {
      out.report(AttackClass.SSRF, "ssrf.dangerous-scheme", 0.9, v, s,
          Math.min(l.length(), c + 32));
    }
  }

  private static void host(String l, int urlStart, int authStart, String scheme, int v,
      Findings out) {
    int n = l.length();
    int e = authStart;
    while (e < n && e - authStart < MAX_AUTHORITY) {
      char c = l.charAt(e);
      if (c == '/' || c == '?' || c == '#' || c == '\\' || Ascii.isSpaceOrControl(c) || c == '"'
          || c == '\'' || c == '<' || c == '>' || c == '`' || c == '|' || c == '{' || c == '}') {
        break;
      }
      e++;
    }
    if (e == authStart) {
      return;
    }
    String authority = l.substring(authStart, e);
    int at = authority.lastIndexOf('@');
    String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
    String host = stripPort(hostPort);
    if (host.isEmpty()) {
      return;
    }
    Hosts.Verdict verdict = Hosts.classify(host);
    int to = Math.min(n, e + 16);
    switch (verdict.kind) {
      case Hosts.METADATA ->
          out.report(AttackClass.SSRF, "ssrf.metadata-endpoint", 0.95, v, urlStart, to);
      case Hosts.LOOPBACK, Hosts.PRIVATE, Hosts.LINK_LOCAL -> {
        if (verdict.obfuscated) {
          out.report(AttackClass.SSRF, "ssrf.obfuscated-address", 0.95, v, urlStart, to);
        } else {
          out.report(AttackClass.SSRF, "ssrf.internal-address", 0.85, v, urlStart, to);
        }
      }
      case Hosts.INTERNAL_NAME ->
          out.report(AttackClass.SSRF, "ssrf.internal-address", 0.8, v, urlStart, to);
      case Hosts.OUT_OF_BAND ->
          out.report(AttackClass.SSRF, "ssrf.out-of-band-domain", 0.8, v, urlStart, to);
      default -> {
        if (verdict.isAddress && verdict.obfuscated && FETCHED_SCHEMES.contains(scheme)) {
          out.report(AttackClass.SSRF, "ssrf.obfuscated-address", 0.6, v, urlStart, to);
        } else if (UNCOMMON_SCHEMES.contains(scheme)) {
          out.report(AttackClass.SSRF, "ssrf.uncommon-scheme", 0.6, v, urlStart, to);
        }
      }
    }
  }

  /** Host without the port: {@code [::1]:80} gives {@code [::1]}; {@code a:b:c} stays IPv6. */
  private static String stripPort(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close < 0 ? hostPort : hostPort.substring(0, close + 1);
    }
    int first = hostPort.indexOf(':');
    if (first < 0) {
      return hostPort;
    }
    if (hostPort.indexOf(':', first + 1) >= 0) {
      return hostPort; // more than one colon: an unbracketed IPv6 literal
    }
    return hostPort.substring(0, first);
  }

  /** A value that is just a metadata address, with an optional port and path. */
  private static void bareMetadata(String l, int v, Findings out) {
    int s = skipBlanks(l, 0);
    int e = s;
    while (e < l.length() && e - s < 80 && l.charAt(e) != '/' && !Ascii.isSpaceOrControl(l.charAt(e))) {
      e++;
    }
    if (e == s) {
      return;
    }
    String host = stripPort(l.substring(s, e));
    if (host.indexOf('.') < 0 && host.indexOf(':') < 0 && !host.startsWith("[")) {
      return;
    }
    Hosts.Verdict verdict = Hosts.classify(host);
    if (verdict.kind == Hosts.METADATA) {
      out.report(AttackClass.SSRF, "ssrf.metadata-endpoint", 0.9, v, s, Math.min(l.length(), e + 24));
    }
  }

  /** Letters then ':' at the start: a candidate for file:/…, jar:…, netdoc:/…. */
  private static boolean startsWithScheme(String t) {
    int s = skipBlanks(t, 0);
    int c = s;
    while (c < t.length() && Ascii.isLetter(t.charAt(c)) && c - s < 8) {
      c++;
    }
    return c > s && c < t.length() && t.charAt(c) == ':';
  }

  private static final String[] METADATA_PREFIXES = {
    "169.254.", "100.100.100.200", "168.63.129.16", "192.0.0.192", "[fd00:ec2::254]",
    "fd00:ec2::254", "metadata", "instance-data"
  };

  /** Whether the value starts like a metadata host written plainly (169.254., metadata…). */
  private static boolean mayBeBareMetadata(String t) {
    int s = skipBlanks(t, 0);
    if (s >= t.length() || t.length() - s > 300) {
      return false;
    }
    for (String p : METADATA_PREFIXES) {
      if (t.regionMatches(true, s, p, 0, p.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSchemeChar(char c) {
    return Ascii.isAlnum(c) || c == '+' || c == '-' || c == '.';
  }

  private static int skipBlanks(String l, int i) {
    while (i < l.length() && (Ascii.isSpaceOrControl(l.charAt(i)) || l.charAt(i) == '"'
        || l.charAt(i) == '\'')) {
      i++;
    }
    return i;
  }
}
