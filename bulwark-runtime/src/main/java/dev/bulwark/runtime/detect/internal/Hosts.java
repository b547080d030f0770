package dev.bulwark.runtime.detect.internal;

import java.text.Normalizer;

/**
 * Classifies the host of a URL the way a resolver and an HTTP client would see it: IPv4 in every
 * notation {@code inet_aton} and WHATWG URL parsers accept (decimal {@code 2130706433}, hex {@code
 * 0x7f000001}, octal {@code 0177.0.0.1}, short {@code 127.1}, mixed), IPv6 with zones, embedded
 * IPv4 (mapped, compatible, NAT64, 6to4), percent-encoded and full-width characters, and the names
 * that mean "this machine", "the metadata service" or "whatever IP is written in me".
 */
public final class Hosts {

  /** A public address or an unknown name. */
  public static final int PUBLIC = 0;
  /** Loopback, unspecified ({@code 0.0.0.0}, {@code ::}) or a localhost name. */
  public static final int LOOPBACK = 1;
  /** RFC 1918, CGNAT, unique-local IPv6. */
  public static final int PRIVATE = 2;
  /** 169.254/16, fe80::/10 (other than the metadata addresses). */
  public static final int LINK_LOCAL = 3;
  /** A cloud metadata endpoint. */
  public static final int METADATA = 4;
  /** A name only an internal resolver answers: *.internal, *.svc.cluster.local. */
  public static final int INTERNAL_NAME = 5;
  /** An out-of-band interaction domain (Burp Collaborator, interactsh, …). */
  public static final int OUT_OF_BAND = 6;

  private Hosts() {}

  /** The result of {@link #classify}: a class, and whether the address was written obliquely. */
  public static final class Verdict {
    public int kind = PUBLIC;
    public boolean obfuscated;
    public boolean isAddress;
  }

  private static final WordTable LOOPBACK_NAMES =
      WordTable.set(
          "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "localtest.me",
          "lvh.me", "vcap.me", "lacolhost.com", "spoofed.burpcollaborator.net");

  private static final WordTable METADATA_NAMES =
      WordTable.set(
          "metadata.google.internal", "metadata.goog", "metadata", "instance-data",
          "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com",
          "metadata.platformequinix.com");

  private static final String[] LOOPBACK_SUFFIXES = {".localhost", ".localtest.me", ".lvh.me",
    ".vcap.me"};
  private static final String[] INTERNAL_SUFFIXES = {".internal", ".svc.cluster.local",
    ".cluster.local", ".svc", ".consul", ".local"};
  private static final String[] REBINDING_SUFFIXES = {".nip.io", ".xip.io", ".sslip.io",
    ".traefik.me", ".localdomain.pw", ".rbndr.us", ".1u.ms"};
  private static final String[] OUT_OF_BAND_SUFFIXES = {".burpcollaborator.net", ".oastify.com",
    ".interact.sh", ".oast.pro", ".oast.live", ".oast.site", ".oast.online", ".oast.fun",
    ".oast.me", ".dnslog.cn", ".ceye.io", ".requestbin.net", ".canarytokens.com"};

  /** Classifies {@code rawHost} (no scheme, user info or port; brackets allowed). */
  public static Verdict classify(String rawHost) {
    Verdict v = new Verdict();
    String host = normalise(rawHost);
    if (host.isEmpty()) {
      return v;
    }
    if (host.startsWith("[") || host.indexOf(':') >= 0) {
      String h = host.startsWith("[") ? host.substring(1, host.endsWith("]") ? host.length() - 1
          : host.length()) : host;
      int zone = h.indexOf('%');
      if (zone >= 0) {
        h = h.substring(0, zone);
      }
      byte[] a = ipv6(h);
      if (a != null) {
        v.isAddress = true;
        classify6(a, v);
      }
      return v;
    }
    long ip = ipv4(host);
    if (ip >= 0) {
      v.isAddress = true;
      v.obfuscated = !isCanonicalDotted(host);
      v.kind = classify4(ip);
      return v;
    }
    classifyName(host, v);
    return v;
  }

  /** Lower case, percent escapes decoded, full-width and ideographic forms folded, no final dot. */
  static String normalise(String raw) {
    if (isPlain(raw)) {
      return raw; // lower-case ASCII letters, digits, '.', '-', '_' and no final dot: as is
    }
    String h = raw;
    if (h.indexOf('%') >= 0 && !h.startsWith("[")) {
      String d = ExtraDecoding.urlAndUnicode(h);
      if (d != null) {
        h = d;
      }
    }
    boolean ascii = true;
    for (int i = 0; i < h.length(); i++) {
      if (h.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      h = Normalizer.normalize(h, Normalizer.Form.NFKC)
          .replace('\u3002', '.')
          .replace('\uff0e', '.')
          .replace('\uff61', '.');
    }
    h = Ascii.lower(h.trim());
    while (h.endsWith(".") && h.length() > 1) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  private static boolean isPlain(String h) {
    int n = h.length();
    if (n == 0 || h.charAt(n - 1) == '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = h.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static void classifyName(String host, Verdict v) {
    if (LOOPBACK_NAMES.contains(host) || endsWithAny(host, LOOPBACK_SUFFIXES)) {
      v.kind = LOOPBACK;
      return;
    }
    if (METADATA_NAMES.contains(host)) {
      v.kind = METADATA;
      return;
    }
    if (host.equals("0")) {
      v.kind = LOOPBACK;
      v.obfuscated = true;
      v.isAddress = true;
      return;
    }
    for (String suffix : REBINDING_SUFFIXES) {
      if (host.endsWith(suffix)) {
        // 127.0.0.1.nip.io, 10-0-0-1.sslip.io, 7f000001.…: the name spells its address
        String label = host.substring(0, host.length() - suffix.length());
        int dot = label.lastIndexOf('.');
        String lastLabel = dot >= 0 ? label.substring(dot + 1) : label;
        long ip = ipv4(label.replace('-', '.'));
        if (ip < 0) {
          ip = ipv4(lastLabel.replace('-', '.'));
        }
        if (ip < 0 && lastLabel.length() == 8) {
          ip = hex8(lastLabel);
        }
        if (ip < 0) {
          // name-first forms: app-10-0-0-1.nip.io, app.10.0.0.1.nip.io
          int k = label.length();
          for (int parts = 0, i = label.length() - 1; i >= 0 && parts < 4; i--) {
            char c = label.charAt(i);
            if (c == '.' || c == '-') {
              parts++;
              if (parts == 4) {
                break;
              }
            } else if (!Ascii.isDigit(c)) {
              break;
            }
            k = i;
          }
          ip = ipv4(label.substring(k).replace('-', '.'));
        }
        if (ip >= 0) {
          v.kind = classify4(ip);
          v.obfuscated = true;
        } else {
          v.kind = OUT_OF_BAND;
        }
        return;
      }
    }
    if (endsWithAny(host, OUT_OF_BAND_SUFFIXES)) {
      v.kind = OUT_OF_BAND;
      return;
    }
    if (endsWithAny(host, INTERNAL_SUFFIXES) || host.equals("kubernetes.default")
        || host.equals("kubernetes")) {
      v.kind = INTERNAL_NAME;
    }
  }

  private static boolean endsWithAny(String host, String[] suffixes) {
    for (String s : suffixes) {
      if (host.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  private static long hex8(String s) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      int h = Ascii.hexValue(s.charAt(i));
      if (h < 0) {
        return -1;
      }
      v = v << 4 | h;
    }
    return v;
  }

  static int classify4(long ip) {
    int a = (int) (ip >>> 24);
    int b = (int) (ip >>> 16 & 0xff);
    if (ip == 0xA9FEA9FEL // 169.254.169.254 (AWS, GCP, Azure, OpenStack …)
        || ip == 0xA9FEAA02L // 169.254.170.2 (ECS task metadata)
        || ip == 0xA9FEA9FDL // 169.254.169.253 (Amazon DNS)
        || ip == 0x646464C8L // 100.100.100.200 (Alibaba Cloud)
        || ip == 0xC00000C0L // 192.0.0.192 (Oracle Cloud)
        || ip == 0xA83F8110L) { // 168.63.129.16 (Azure platform)
      return METADATA;
    }
    if (a == 127 || a == 0) {
      return LOOPBACK;
    }
    if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
        || (a == 100 && b >= 64 && b <= 127)) {
      return PRIVATE;
    }
    if (a == 169 && b == 254) {
      return LINK_LOCAL;
    }
    return PUBLIC;
  }

  private static void classify6(byte[] a, Verdict v) {
    boolean zeroPrefix80 = true;
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        zeroPrefix80 = false;
        break;
      }
    }
    int w5 = (a[10] & 0xff) << 8 | (a[11] & 0xff);
    long v4 = (a[12] & 0xffL) << 24 | (a[13] & 0xffL) << 16 | (a[14] & 0xffL) << 8 | (a[15] & 0xffL);
    if (zeroPrefix80 && w5 == 0) {
      if (v4 == 0) {
        v.kind = LOOPBACK; // ::
        return;
      }
      if (v4 == 1) {
        v.kind = LOOPBACK; // ::1
        return;
      }
      v.kind = classify4(v4); // ::a.b.c.d (IPv4-compatible)
      v.obfuscated = true;
      return;
    }
    if (zeroPrefix80 && w5 == 0xffff) {
      v.kind = classify4(v4); // ::ffff:a.b.c.d (IPv4-mapped)
      v.obfuscated = true;
      return;
    }
    int w0 = (a[0] & 0xff) << 8 | (a[1] & 0xff);
    int w1 = (a[2] & 0xff) << 8 | (a[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b) {
      v.kind = classify4(v4); // 64:ff9b::/96 NAT64
      v.obfuscated = true;
      return;
    }
    if (w0 == 0x2002) {
      long embedded = (a[2] & 0xffL) << 24 | (a[3] & 0xffL) << 16 | (a[4] & 0xffL) << 8
          | (a[5] & 0xffL);
      int k = classify4(embedded); // 2002:AABB:CCDD::/48 6to4
      if (k != PUBLIC) {
        v.kind = k;
        v.obfuscated = true;
      }
      return;
    }
    if (w0 == 0xfd00 && w1 == 0x0ec2) {
      boolean rest = true;
      for (int i = 4; i < 14; i++) {
        if (a[i] != 0) {
          rest = false;
          break;
        }
      }
      if (rest && a[14] == 0x02 && (a[15] & 0xff) == 0x54) {
        v.kind = METADATA; // fd00:ec2::254
        return;
      }
    }
    if ((w0 & 0xfe00) == 0xfc00) {
      v.kind = PRIVATE;
      return;
    }
    if ((w0 & 0xffc0) == 0xfe80) {
      v.kind = LINK_LOCAL;
    }
  }

  /** An IPv4 address as inet_aton reads it (1 to 4 parts, decimal, octal or hex), or -1. */
  static long ipv4(String s) {
    if (s.isEmpty() || s.length() > 64 || !Ascii.isDigit(s.charAt(0))) {
      return -1; // every notation starts with a digit (0x… too)
    }
    long[] parts = new long[4];
    int count = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      if (count == 4) {
        return -1;
      }
      int start = i;
      while (i < n && s.charAt(i) != '.') {
        i++;
      }
      long p = part(s, start, i);
      if (p < 0) {
        return -1;
      }
      parts[count++] = p;
      if (i < n) {
        i++; // the dot
        if (i == n) {
          break; // one trailing dot is allowed
        }
      }
    }
    if (count == 0) {
      return -1;
    }
    for (int k = 0; k < count - 1; k++) {
      if (parts[k] > 255) {
        return -1;
      }
    }
    long last = parts[count - 1];
    long limit = 1L << (8 * (5 - count));
    if (last >= limit) {
      return -1;
    }
    long ip = 0;
    for (int k = 0; k < count - 1; k++) {
      ip |= parts[k] << (8 * (3 - k));
    }
    return ip | last;
  }

  private static long part(String s, int from, int to) {
    if (from >= to || to - from > 34) {
      return -1;
    }
    int radix = 10;
    int i = from;
    if (to - from >= 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
      radix = 16;
      i += 2;
      if (i == to) {
        return 0;
      }
    } else if (to - from >= 2 && s.charAt(i) == '0') {
      radix = 8;
      i++;
    }
    long v = 0;
    for (; i < to; i++) {
      int d = Character.digit(s.charAt(i), radix);
      if (d < 0 || s.charAt(i) >= 0x80) {
        return -1;
      }
      v = v * radix + d;
      if (v > 0xffffffffL) {
        return -1;
      }
    }
    return v;
  }

  private static boolean isCanonicalDotted(String s) {
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
        if (i + 2 < s.length() && s.charAt(i + 1) == '0' && Ascii.isDigit(s.charAt(i + 2))) {
          return false;
        }
      } else if (!Ascii.isDigit(c)) {
        return false;
      }
    }
    return dots == 3 && !(s.length() > 1 && s.charAt(0) == '0' && Ascii.isDigit(s.charAt(1)));
  }

  /** 16 bytes of an IPv6 address (optionally ending in dotted IPv4), or null. */
  static byte[] ipv6(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    byte[] out = new byte[16];
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = s.length();
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == n) {
        return out;
      }
    } else if (s.startsWith(":")) {
      return null;
    }
    while (i < n) {
      if (count == 8) {
        return null;
      }
      int start = i;
      while (i < n && Ascii.isHex(s.charAt(i))) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // trailing dotted IPv4
        long v4 = ipv4Strict(s.substring(start));
        if (v4 < 0 || count > 6) {
          return null;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xffff);
        i = n;
        break;
      }
      if (i == start || i - start > 4) {
        return null;
      }
      groups[count++] = Integer.parseInt(s.substring(start, i), 16);
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return null;
      }
    }
    int[] full = new int[8];
    if (gap >= 0) {
      int tail = count - gap;
      if (count >= 8) {
        return null;
      }
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    } else {
      if (count != 8) {
        return null;
      }
      System.arraycopy(groups, 0, full, 0, 8);
    }
    for (int k = 0; k < 8; k++) {
      out[2 * k] = (byte) (full[k] >>> 8);
      out[2 * k + 1] = (byte) full[k];
    }
    return out;
  }

  /** Dotted-decimal IPv4 with exactly four parts (the form IPv6 embeds), or -1. */
  private static long ipv4Strict(String s) {
    long ip = 0;
    int parts = 0;
    int v = 0;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || v > 255 || ++parts > 4) {
          return -1;
        }
        ip = ip << 8 | v;
        v = 0;
        digits = 0;
      } else if (Ascii.isDigit(c) && digits < 3) {
        v = v * 10 + c - '0';
        digits++;
      } else {
        return -1;
      }
    }
    return parts == 4 ? ip : -1;
  }
}
