package dev.bulwark.secrets.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.core.Severity;
import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Signed JSON Web Tokens: three base64url parts whose first decodes to a JSON header with an
 * {@code alg} other than {@code none}, whose second decodes to a JSON object, and whose signature
 * is long enough to be one. A token that expired before the scan is reported as low.
 */
final class JsonWebTokens implements Detector {

  private static final List<Anchor> ANCHORS = List.of(Anchor.exact("eyJ"));

  private static final int MAX_TOKEN = 16 * 1024;

  private static final Pattern ALG = Pattern.compile("\"alg\"\\s*:\\s*\"([A-Za-z0-9+_-]{1,20})\"");
  private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*([0-9]{1,12})[,}\\s]");

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.JWT);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    if (Bytes.isBase64Url(scan.at(start - 1))) {
      return;
    }
    int cap = Math.min(scan.limit(), start + MAX_TOKEN);
    int headerEnd = run(scan, start, cap);
    if (headerEnd - start < 10 || scan.at(headerEnd) != '.') {
      return;
    }
    int payloadEnd = run(scan, headerEnd + 1, cap);
    if (payloadEnd - headerEnd - 1 < 4 || scan.at(payloadEnd) != '.') {
      return;
    }
    int signatureEnd = run(scan, payloadEnd + 1, cap);
    if (signatureEnd - payloadEnd - 1 < 16 || scan.at(signatureEnd) == '.') {
      return; // unsigned, or five parts (an encrypted JWE, whose payload is not readable anyway)
    }
    String header = decode(scan.string(start, headerEnd));
    String payload = decode(scan.string(headerEnd + 1, payloadEnd));
    if (header == null || payload == null || !header.trim().startsWith("{")
        || !payload.trim().startsWith("{")) {
      return;
    }
    Matcher alg = ALG.matcher(header);
    if (!alg.find() || alg.group(1).equalsIgnoreCase("none")) {
      return;
    }
    if (isDocumentationExample(payload)
        || Allowances.isPlaceholderToken(scan.string(payloadEnd + 1, signatureEnd))) {
      return;
    }
    Scan.Report r = scan.report(SecretKind.JWT)
        .value(start, signatureEnd)
        .describe("JSON Web Token (" + alg.group(1) + ")")
        .property("alg", alg.group(1));
    Matcher exp = EXP.matcher(payload + " ");
    if (exp.find()) {
      Instant expires = Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
      r.property("expires", expires.toString());
      if (expires.isBefore(scan.settings.clock.instant())) {
        r.severity(Severity.LOW).note("it expired on " + expires);
      }
    }
    r.emit();
  }

  private static int run(Scan scan, int from, int cap) {
    int i = from;
    while (i < cap && Bytes.isBase64Url(scan.buf[i])) {
      i++;
    }
    return i;
  }

  private static @Nullable String decode(String part) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(part.replace("=", ""));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The token of the jwt.io debugger and of countless tutorials (subject 1234567890, John Doe), and
   * PyJWT's documented {@code {"some": "payload"}}.
   */
  private static boolean isDocumentationExample(String payload) {
    return payload.contains("\"1234567890\"") && payload.contains("John Doe")
        || payload.replace(" ", "").equals("{\"some\":\"payload\"}");
  }
}
