package dev.bulwark.secrets.internal;

import dev.bulwark.core.Severity;
import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Private keys: PEM blocks ({@code -----BEGIN … PRIVATE KEY-----}: PKCS#1 RSA, PKCS#8, EC, DSA,
 * OpenSSH, encrypted PKCS#8, PGP private key blocks), also inside JSON strings with {@code \n}
 * escapes, and PuTTY key files. A key inside a Google service-account JSON file is reported as
 * that. Encrypted keys are reported at medium severity.
 */
final class PrivateKeys implements Detector {

  private static final List<Anchor> ANCHORS =
      List.of(Anchor.exact("-----BEGIN "), Anchor.exact("PuTTY-User-Key-File-"));

  private static final int MAX_BLOCK = 64 * 1024;
  private static final int MIN_BODY = 64;

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.PRIVATE_KEY, SecretKind.GOOGLE_SERVICE_ACCOUNT_KEY);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    if (anchor == 0) {
      pem(scan, start, end);
    } else {
      putty(scan, start, end);
    }
  }

  private static void pem(Scan scan, int start, int labelStart) {
    byte[] buf = scan.buf;
    int labelEnd = Bytes.indexOf(buf, labelStart, Math.min(scan.limit(), labelStart + 64),
        "-----".getBytes(StandardCharsets.US_ASCII), false);
    if (labelEnd < 0) {
      return;
    }
    String label = scan.string(labelStart, labelEnd);
    if (!(label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK"))
        || !upperWords(label)) {
      return;
    }
    int bodyFrom = labelEnd + 5;
    if (!scan.spend(Math.min(scan.limit() - bodyFrom, MAX_BLOCK) + 16384)) {
      return;
    }
    byte[] endMarker = ("-----END " + label + "-----").getBytes(StandardCharsets.US_ASCII);
    int endAt = Bytes.indexOf(buf, bodyFrom, Math.min(scan.limit(), bodyFrom + MAX_BLOCK),
        endMarker, false);
    int bodyTo = endAt >= 0 ? endAt : Math.min(scan.limit(), bodyFrom + 8192);
    String body = body(scan, bodyFrom, bodyTo, endAt < 0);
    if (body.length() < MIN_BODY || !randomEnough(body)
        || Bytes.indexOf(buf, bodyFrom, bodyTo, "...".getBytes(StandardCharsets.US_ASCII), false)
            >= 0) {
      return;
    }
    int blockEnd = endAt >= 0 ? endAt + endMarker.length : bodyFrom + bodyLength(scan, bodyFrom);
    boolean encrypted = label.contains("ENCRYPTED")
        || Bytes.indexOf(buf, bodyFrom, bodyTo, "ENCRYPTED".getBytes(StandardCharsets.US_ASCII),
            false) >= 0
        || (label.equals("OPENSSH PRIVATE KEY") && opensshEncrypted(body));
    boolean google = serviceAccount(scan, start, blockEnd);
    Scan.Report r = scan.report(google ? SecretKind.GOOGLE_SERVICE_ACCOUNT_KEY
            : SecretKind.PRIVATE_KEY)
        .value(bodyFrom, bodyTo)
        .canonical(body)
        .span(start, blockEnd)
        .claim(start, blockEnd)
        .property("format", label);
    r.describe(google ? "Google service-account private key" : "Private key (" + label + ")");
    if (encrypted) {
      r.severity(Severity.MEDIUM).note("encrypted: whoever has it also needs the passphrase")
          .property("encrypted", "true");
    }
    if (endAt < 0) {
      r.property("truncated", "true");
    }
    r.emit();
  }

  /**
   * The base64 characters of a PEM body, without line breaks, {@code \n} escapes, quotes and
   * armor headers ({@code Proc-Type:}, {@code Version:}). Without an end marker, stops at the
   * first character that cannot be part of the body.
   */
  private static String body(Scan scan, int from, int to, boolean open) {
    byte[] buf = scan.buf;
    StringBuilder out = new StringBuilder(Math.min(to - from, 8192));
    int lineStartInOut = 0;
    boolean header = false;
    for (int i = from; i < to; i++) {
      int b = buf[i] & 0xff;
      boolean lineBreak = b == '\n' || b == '\r';
      if (b == '\\' && i + 1 < to && (buf[i + 1] == 'n' || buf[i + 1] == 'r')) {
        lineBreak = true;
        i++;
      }
      if (lineBreak) {
        if (header) {
          out.setLength(lineStartInOut);
        }
        header = false;
        lineStartInOut = out.length();
        continue;
      }
      if (b == ':') {
        header = true;
      } else if (Bytes.isBase64(b) || b == '=') {
        out.append((char) b);
      } else if (open && b == '-') {
        break;
      }
    }
    if (header) {
      out.setLength(lineStartInOut);
    }
    return out.toString();
  }

  private static int bodyLength(Scan scan, int from) {
    int i = from;
    int cap = Math.min(scan.limit(), from + 8192);
    while (i < cap && scan.buf[i] != '-') {
      i++;
    }
    return i - from;
  }

  private static boolean upperWords(String label) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(Bytes.isUpper(c) || Bytes.isDigit(c) || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  private static boolean randomEnough(String body) {
    double min = body.length() >= 200 ? 4.5 : 4.0;
    return ValueStats.entropy(body) >= min && ValueStats.longestRun(body) < 8;
  }

  /** An OpenSSH key names its cipher right after the magic; {@code none} means unencrypted. */
  private static boolean opensshEncrypted(String body) {
    int n = Math.min(body.length(), 64) / 4 * 4;
    try {
      byte[] head = Base64.getDecoder().decode(body.substring(0, n));
      String s = new String(head, StandardCharsets.ISO_8859_1);
      if (!s.startsWith("openssh-key-v1\0") || s.length() < 23) {
        return false;
      }
      return !s.startsWith("none", 19);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean serviceAccount(Scan scan, int start, int end) {
    int from = Math.max(0, start - 4096);
    int to = Math.min(scan.limit(), end + 4096);
    return Bytes.indexOf(scan.buf, from, to,
            "service_account".getBytes(StandardCharsets.US_ASCII), false) >= 0
        || Bytes.indexOf(scan.buf, from, to,
            "gserviceaccount.com".getBytes(StandardCharsets.US_ASCII), false) >= 0;
  }

  /**
   * A PuTTY key file: {@code PuTTY-User-Key-File-N: type}, {@code Encryption:}, then after {@code
   * Private-Lines: n} the base64 private part.
   */
  private static void putty(Scan scan, int start, int end) {
    byte[] buf = scan.buf;
    int cap = Math.min(scan.limit(), start + 16384);
    if (!scan.spend(2 * (cap - start))) {
      return;
    }
    int priv = Bytes.indexOf(buf, start, cap,
        "Private-Lines:".getBytes(StandardCharsets.US_ASCII), false);
    if (priv < 0 || Bytes.isAlnum(scan.at(start - 1))) {
      return;
    }
    int bodyFrom = scan.lineEnd(priv);
    int mac = Bytes.indexOf(buf, bodyFrom, cap, "Private-MAC:".getBytes(StandardCharsets.US_ASCII),
        false);
    int bodyTo = mac < 0 ? Math.min(cap, bodyFrom + 4096) : mac;
    String body = body(scan, bodyFrom, bodyTo, false);
    if (body.length() < MIN_BODY || !randomEnough(body)) {
      return;
    }
    boolean encrypted = Bytes.indexOf(buf, start, priv,
        "Encryption: none".getBytes(StandardCharsets.US_ASCII), false) < 0;
    Scan.Report r = scan.report(SecretKind.PRIVATE_KEY)
        .value(bodyFrom, bodyTo)
        .canonical(body)
        .span(start, bodyTo)
        .claim(start, bodyTo)
        .describe("PuTTY private key")
        .property("format", "PuTTY");
    if (encrypted) {
      r.severity(Severity.MEDIUM).note("encrypted: whoever has it also needs the passphrase")
          .property("encrypted", "true");
    }
    r.emit();
  }
}
