package dev.bulwark.secrets.internal;

import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Twilio credentials: an account SID ({@code AC} + 32 hex) with its 32-hex auth token nearby, or an
 * API key SID ({@code SK} + 32 hex) with its 32-character secret nearby. A SID alone identifies an
 * account or key but grants nothing, so it is not reported.
 */
final class TwilioKeys implements Detector {

  private static final List<Anchor> ANCHORS = List.of(Anchor.exact("AC"), Anchor.exact("SK"));

  private static final int SID_LENGTH = 34;
  private static final int SECRET_LENGTH = 32;

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.TWILIO_CREDENTIALS);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    int sidEnd = start + SID_LENGTH;
    if (sidEnd > scan.limit() || Bytes.isAlnum(scan.at(start - 1))
        || Bytes.isAlnum(scan.at(sidEnd))) {
      return;
    }
    for (int i = end; i < sidEnd; i++) {
      int b = scan.buf[i];
      if (!(Bytes.isDigit(b) || (b >= 'a' && b <= 'f'))) {
        return;
      }
    }
    boolean account = anchor == 0;
    int from = scan.linesBefore(start, 5, 1024);
    int to = scan.linesAfter(start, 5, 1024);
    if (!scan.spend(3 * (to - from)) || !context(scan, from, to, account ? "token" : "secret")) {
      return;
    }
    int secret = nearestSecret(scan, from, to, start, account);
    if (secret < 0) {
      return;
    }
    int secretEnd = secret + SECRET_LENGTH;
    scan.report(SecretKind.TWILIO_CREDENTIALS)
        .value(secret, secretEnd)
        .span(Math.min(start, secret), Math.max(sidEnd, secretEnd))
        .alsoClaim(start, sidEnd)
        .describe(account
            ? "Twilio auth token next to account SID '" + scan.string(start, start + 2) + "…'"
            : "Twilio API key secret next to API key SID '" + scan.string(start, start + 2) + "…'")
        .emit();
  }

  private static boolean context(Scan scan, int from, int to, String word) {
    return Bytes.indexOf(scan.buf, from, to, "twilio".getBytes(StandardCharsets.US_ASCII), true)
        >= 0
        || Bytes.indexOf(scan.buf, from, to, word.getBytes(StandardCharsets.US_ASCII), true) >= 0;
  }

  /**
   * The closest 32-character run that is not itself a SID: lower-case hex for an auth token,
   * mixed-case alphanumerics for an API key secret.
   */
  private static int nearestSecret(Scan scan, int from, int to, int near, boolean account) {
    byte[] buf = scan.buf;
    int best = -1;
    int i = from;
    while (i < to) {
      if (!Bytes.isAlnum(buf[i])) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < to && Bytes.isAlnum(buf[i])) {
        i++;
      }
      if (i - runStart != SECRET_LENGTH || scan.at(runStart - 1) == '_') {
        continue;
      }
      String run = scan.string(runStart, i);
      boolean shape = account
          ? lowerHex(run)
          : ValueStats.hasLower(run) && ValueStats.hasUpper(run) && ValueStats.hasDigit(run);
      if (shape && !Allowances.isPlaceholderToken(run)
          && (best < 0 || Math.abs(runStart - near) < Math.abs(best - near))) {
        best = runStart;
      }
    }
    return best;
  }

  private static boolean lowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Bytes.isDigit(c) || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
