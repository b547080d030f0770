package dev.bulwark.secrets.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.secrets.SecretKind;
import java.util.List;
import java.util.Set;

/** Slack incoming webhook and workflow trigger URLs: anyone holding one can post to the channel. */
final class SlackWebhooks implements Detector {

  private static final List<Anchor> ANCHORS = List.of(Anchor.exact("hooks.slack.com/"));

  private static final Pattern PATH = Pattern.compile(
      "^(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/([A-Za-z0-9]{20,32})"
          + "|workflows/T[A-Z0-9]{6,12}/A[A-Z0-9]{6,12}/[0-9]{6,24}/([A-Za-z0-9]{20,32})"
          + "|triggers/T[A-Z0-9]{6,12}/[0-9]{6,24}/([A-Za-z0-9]{20,40}))");

  @Override
  public List<Anchor> anchors() {
    return ANCHORS;
  }

  @Override
  public Set<SecretKind> kinds() {
    return Set.of(SecretKind.SLACK_WEBHOOK);
  }

  @Override
  public void onAnchor(Scan scan, int anchor, int start, int end) {
    int to = Math.min(scan.limit(), end + 160);
    Matcher m = PATH.matcher(scan.text(end, to));
    if (!m.find()) {
      return;
    }
    int pathEnd = end + m.end();
    if (Bytes.isAlnum(scan.at(pathEnd))) {
      return;
    }
    int group = m.start(1) >= 0 ? 1 : m.start(2) >= 0 ? 2 : 3;
    String secret = m.group(group);
    if (Allowances.isPlaceholderToken(secret)) {
      return;
    }
    scan.report(SecretKind.SLACK_WEBHOOK).value(start, pathEnd).emit();
  }
}
