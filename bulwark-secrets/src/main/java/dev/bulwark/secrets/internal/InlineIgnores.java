package dev.bulwark.secrets.internal;

import dev.bulwark.core.InlineDirective;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import org.jspecify.annotations.Nullable;

/**
 * Inline suppressions in the scanned text itself, so they work in archive entries and template
 * snippets too: {@code # bulwark:ignore SECRET-015 reason} (or after {@code //}, {@code /*},
 * {@code <!--}) on the finding's line or in the comment lines directly above it. A directive
 * without a reason suppresses nothing (the engine reports it as {@code META-001} for files).
 */
final class InlineIgnores {

  private static final String TOKEN = InlineDirective.TOKEN;
  private static final byte[] TOKEN_BYTES =
      TOKEN.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_COMMENT_LINES_ABOVE = 8;

  private InlineIgnores() {}

  /** The suppression for a finding of {@code ruleId} at window position {@code p}, if any. */
  static @Nullable Suppression find(Scan scan, int p, String ruleId, String file, int line) {
    int start = scan.lineStart(p);
    Suppression s = parse(scan, start, scan.lineEnd(p), ruleId, file, line);
    int l = line;
    for (int n = 0; s == null && n < MAX_COMMENT_LINES_ABOVE && start > 0; n++) {
      int end = start - 1;
      if (end > 0 && scan.buf[end - 1] == '\r') {
        end--;
      }
      start = scan.lineStart(start - 1);
      l--;
      if (!isComment(scan, start, end)) {
        break;
      }
      s = parse(scan, start, end, ruleId, file, l);
    }
    return s;
  }

  private static boolean isComment(Scan scan, int from, int to) {
    int i = from;
    while (i < to && Bytes.isBlank(scan.buf[i])) {
      i++;
    }
    return Bytes.startsWith(scan.buf, i, to, "#", false)
        || Bytes.startsWith(scan.buf, i, to, "//", false)
        || Bytes.startsWith(scan.buf, i, to, "/*", false)
        || Bytes.startsWith(scan.buf, i, to, "*", false)
        || Bytes.startsWith(scan.buf, i, to, "<!--", false)
        || Bytes.startsWith(scan.buf, i, to, "--", false);
  }

  private static @Nullable Suppression parse(
      Scan scan, int from, int to, String ruleId, String file, int line) {
    int at = Bytes.indexOf(scan.buf, from, to, TOKEN_BYTES, true);
    if (at < 0) {
      return null;
    }
    // the grammar is the one every pillar shares; only finding the token works on bytes
    InlineDirective d = InlineDirective.parse(scan.string(from, to)).orElse(null);
    if (d == null || !d.names(ruleId) || d.reason().isEmpty()) {
      return null;
    }
    return new Suppression(Suppression.Kind.INLINE, d.reason(), SourceLocation.of(file, line));
  }
}
