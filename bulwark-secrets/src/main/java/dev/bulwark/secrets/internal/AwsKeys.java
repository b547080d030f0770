package dev.bulwark.secrets.internal;

import dev.bulwark.core.Severity;
import dev.bulwark.secrets.SecretKind;
import java.util.List;
import java.util.Set;

/**
 * AWS access key ids ({@code AKIA}, {@code ASIA}, {@code ABIA}, {@code ACCA} and 16 upper-case
 * letters or digits) and the 40-character secret access key next to them. A pair is reported once,
 * at the secret; an id with no secret nearby is reported on its own, since the secret is usually
 * elsewhere in the same repository.
 */
final class AwsKeys implements Detector {

  private static final List<Anchor> ANCHORS = List.of(
      Anchor.exact("AKIA"), Anchor.exact("ASIA"), Anchor.exact("ABIA"), Anchor.exact("ACCA"));

  static final int ID_LENGTH = 20;
  static final int SECRET_LENGTH = 40;

  /** Lines above and below the id searched for its secret. */
  private static final int NEARBY_LINES = 5;

  private static final int NEARBY_BYTES = 2048;

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.AWS_ACCESS_KEY_PAIR, SecretKind.AWS_ACCESS_KEY_ID);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    byte[] buf = scan.buf;
    int idEnd = start + ID_LENGTH;
    if (idEnd > scan.limit() || Bytes.isAlnum(scan.at(start - 1))
        || Bytes.isAlnum(scan.at(idEnd))) {
      return;
    }
    for (int i = end; i < idEnd; i++) {
      if (!(Bytes.isUpper(buf[i]) || Bytes.isDigit(buf[i]))) {
        return;
      }
    }
    String id = scan.string(start, idEnd);
    if (Allowances.isDocumentedExample(id) || Allowances.isPlaceholderToken(id.substring(4))
        || scan.inBase64Blob(start, idEnd)) {
      return;
    }
    int from = scan.linesBefore(start, NEARBY_LINES, NEARBY_BYTES);
    int to = scan.linesAfter(start, NEARBY_LINES, NEARBY_BYTES);
    int secret = scan.spend(to - from) ? nearestSecret(scan, from, to, start) : -1;
    String prefix = id.substring(0, 4);
    if (secret >= 0) {
      int secretEnd = secret + SECRET_LENGTH;
      scan.report(SecretKind.AWS_ACCESS_KEY_PAIR)
          .value(secret, secretEnd)
          .span(Math.min(start, secret), Math.max(idEnd, secretEnd))
          .alsoClaim(start, idEnd)
          .describe("AWS access key pair: secret access key next to id '" + prefix + "…'")
          .property("accessKeyIdSha256", Redaction.hashLatin1(id))
          .emit();
      return;
    }
    boolean temporary = !prefix.equals("AKIA");
    scan.report(SecretKind.AWS_ACCESS_KEY_ID)
        .value(start, idEnd)
        .severity(temporary ? Severity.MEDIUM : Severity.HIGH)
        .describe(temporary
            ? "AWS temporary access key id"
            : "AWS long-term access key id (its secret key is not nearby)")
        .emit();
  }

  /**
   * Start of the 40-character secret key closest to {@code near} in {@code [from, to)}, or -1. A
   * candidate is a run of exactly 40 base64 characters, not all hex (a SHA-1), with upper case,
   * lower case and a digit or symbol, and random enough.
   */
  static int nearestSecret(Scan scan, int from, int to, int near) {
    byte[] buf = scan.buf;
    int best = -1;
    int i = from;
    while (i < to) {
      if (!Bytes.isBase64(buf[i])) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < to && Bytes.isBase64(buf[i])) {
        i++;
      }
      if (i - runStart == SECRET_LENGTH && !Bytes.isBase64(scan.at(runStart - 1))
          && scan.at(i) != '=' && looksLikeSecretKey(scan.text(runStart, i))) {
        if (best < 0 || Math.abs(runStart - near) < Math.abs(best - near)) {
          best = runStart;
        }
      }
    }
    return best;
  }

  static boolean looksLikeSecretKey(CharSequence v) {
    if (v.length() != SECRET_LENGTH || ValueStats.isAllHex(v) || !ValueStats.hasLower(v)
        || !ValueStats.hasUpper(v) || ValueStats.classes(v) < 3) {
      return false;
    }
    int slashes = 0;
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '/') {
        slashes++;
      }
    }
    String s = v.toString();
    return slashes <= 6 && !s.contains("//") && ValueStats.entropy(v) >= 4.0
        && !Allowances.isDocumentedExample(s) && !Allowances.isPlaceholder(s);
  }
}
