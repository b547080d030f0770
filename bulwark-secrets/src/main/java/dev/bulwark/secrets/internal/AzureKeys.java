package dev.bulwark.secrets.internal;

import dev.bulwark.core.Severity;
import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Azure credentials: storage account keys in connection strings ({@code AccountKey=} + 88 base64
 * characters), Service Bus and Event Hubs shared access keys ({@code SharedAccessKey=} + 44), SAS
 * tokens (a {@code sig=} signature with {@code sv=} and {@code se=}/{@code sp=} next to it), and
 * Entra ID (Azure AD) application client secrets ({@code …Q~…}).
 */
final class AzureKeys implements Detector {

  private static final List<Anchor> ANCHORS = List.of(
      Anchor.anyCase("AccountKey="), Anchor.anyCase("SharedAccessKey="), Anchor.exact("sig="),
      Anchor.exact("Q~"));

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.AZURE_STORAGE_KEY, SecretKind.AZURE_SHARED_ACCESS_KEY,
        SecretKind.AZURE_SAS_TOKEN, SecretKind.AZURE_CLIENT_SECRET);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    switch (anchor) {
      case 0:
        key(scan, start, end, 88, SecretKind.AZURE_STORAGE_KEY);
        break;
      case 1:
        key(scan, start, end, 44, SecretKind.AZURE_SHARED_ACCESS_KEY);
        break;
      case 2:
        sas(scan, start, end);
        break;
      default:
        clientSecret(scan, start);
        break;
    }
  }

  /** A base64 key of exactly {@code length} characters, padding included, after the anchor. */
  private static void key(Scan scan, int start, int end, int length, SecretKind kind) {
    if (Bytes.isAlnum(scan.at(start - 1))) {
      return;
    }
    int i = end;
    int cap = Math.min(scan.limit(), end + length + 1);
    while (i < cap && (Bytes.isBase64(scan.buf[i]) || scan.buf[i] == '=')) {
      i++;
    }
    if (i - end != length || scan.buf[i - 1] != '=' || Bytes.isBase64(scan.at(i))) {
      return;
    }
    String key = scan.string(end, i);
    if (Allowances.isPlaceholderToken(key.replace("=", "")) || !decodes(key, length / 4 * 3 - 2,
        length / 4 * 3)) {
      return;
    }
    scan.report(kind).value(end, i).emit();
  }

  private static void sas(Scan scan, int start, int end) {
    int before = scan.at(start - 1);
    if (!(before == '&' || before == '?' || before == '"' || before == '\'' || before == ';')) {
      return;
    }
    int i = end;
    int cap = Math.min(scan.limit(), end + 200);
    while (i < cap && (Bytes.isBase64(scan.buf[i]) || scan.buf[i] == '%' || scan.buf[i] == '=')) {
      i++;
    }
    String raw = scan.string(end, i);
    String sig = percentDecode(raw);
    if (sig.length() != 44 || !sig.endsWith("=") || !decodes(sig, 32, 32)
        || Allowances.isPlaceholderToken(sig.substring(0, 43))) {
      return;
    }
    int lineFrom = scan.lineStart(start, 1024);
    int lineTo = scan.lineEnd(start, 1024);
    if (!scan.spend(4 * (lineTo - lineFrom))) {
      return;
    }
    if (Bytes.indexOf(scan.buf, lineFrom, lineTo, bytes("sv=20"), false) < 0
        || (Bytes.indexOf(scan.buf, lineFrom, lineTo, bytes("se="), false) < 0
            && Bytes.indexOf(scan.buf, lineFrom, lineTo, bytes("sp="), false) < 0)) {
      return;
    }
    Scan.Report r = scan.report(SecretKind.AZURE_SAS_TOKEN).value(end, i);
    Instant expiry = expiry(scan, lineFrom, lineTo);
    if (expiry != null) {
      r.property("expires", expiry.toString());
      if (expiry.isBefore(scan.settings.clock.instant())) {
        r.severity(Severity.LOW).note("it expired on " + expiry);
      }
    }
    r.emit();
  }

  private static @org.jspecify.annotations.Nullable Instant expiry(Scan scan, int from, int to) {
    int at = Bytes.indexOf(scan.buf, from, to, bytes("se="), false);
    if (at < 0) {
      return null;
    }
    int i = at + 3;
    while (i < to && scan.buf[i] != '&' && scan.buf[i] != '"' && scan.buf[i] != '\''
        && !Bytes.isBlank(scan.buf[i])) {
      i++;
    }
    String text = percentDecode(scan.string(at + 3, i));
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * An Entra ID client secret: three characters, a digit, {@code Q~}, then 31 to 34 characters
   * from {@code [A-Za-z0-9_~.-]}.
   */
  private static void clientSecret(Scan scan, int q) {
    int start = q - 4;
    if (start < 0 || secretChar(scan.at(start - 1)) || !Bytes.isDigit(scan.buf[q - 1])) {
      return;
    }
    for (int i = start; i < q - 1; i++) {
      if (!secretChar(scan.buf[i])) {
        return;
      }
    }
    int i = q + 2;
    int cap = Math.min(scan.limit(), q + 2 + 35);
    while (i < cap && secretChar(scan.buf[i])) {
      i++;
    }
    int tail = i - q - 2;
    if (tail < 31 || tail > 34) {
      return;
    }
    String value = scan.string(start, i);
    if (Allowances.isPlaceholderToken(value) || ValueStats.classes(value) < 3) {
      return;
    }
    scan.report(SecretKind.AZURE_CLIENT_SECRET).value(start, i).emit();
  }

  private static boolean secretChar(int b) {
    return Bytes.isAlnum(b) || b == '_' || b == '~' || b == '.' || b == '-';
  }

  private static boolean decodes(String base64, int minBytes, int maxBytes) {
    try {
      int n = Base64.getDecoder().decode(base64).length;
      return n >= minBytes && n <= maxBytes;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String percentDecode(String s) {
    return s.replace("%2B", "+").replace("%2b", "+").replace("%2F", "/").replace("%2f", "/")
        .replace("%3D", "=").replace("%3d", "=");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
