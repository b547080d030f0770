package dev.bulwark.secrets.internal;

import dev.bulwark.secrets.SecretKind;
import java.util.List;
import java.util.Set;

/**
 * OpenAI API keys. Every format ({@code sk-…} legacy keys, {@code sk-proj-…} project keys, {@code
 * sk-svcacct-…} service-account keys, {@code sk-admin-…}) carries {@code T3BlbkFJ}, the base64 of
 * "OpenAI", in its body; that marker is the anchor, and the key runs from the {@code sk-} before
 * it to the end of the token characters after it.
 */
final class OpenAiKeys implements Detector {

  private static final List<Anchor> ANCHORS = List.of(Anchor.exact("T3BlbkFJ"));

  private static final int MAX_KEY = 256;

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.OPENAI_API_KEY);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    int from = start;
    while (from > 0 && start - from < MAX_KEY && Bytes.isBase64Url(scan.buf[from - 1])) {
      from--;
    }
    int to = end;
    int cap = Math.min(scan.limit(), end + MAX_KEY);
    while (to < cap && Bytes.isBase64Url(scan.buf[to])) {
      to++;
    }
    if (!Bytes.startsWith(scan.buf, from, to, "sk-", false) || start - from < 20
        || to - end < 20 || to - from > MAX_KEY || scan.inBase64Blob(from, to)) {
      return;
    }
    String key = scan.string(from, to);
    if (Allowances.isPlaceholderToken(key.substring(3))) {
      return;
    }
    int dash = key.indexOf('-', 3);
    String type = dash > 3 && dash < 12 ? key.substring(0, dash + 1) : "sk-";
    scan.report(SecretKind.OPENAI_API_KEY).value(from, to)
        .describe("OpenAI API key (" + type + ")")
        .property("tokenType", type)
        .emit();
  }
}
