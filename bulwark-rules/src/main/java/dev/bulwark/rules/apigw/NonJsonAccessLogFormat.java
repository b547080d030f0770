package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** An access log whose format is not a JSON object (CLF, CSV, XML, free text). */
@RuleInfo(
    id = "APIGW-011",
    title = "API access log format is not JSON",
    severity = Severity.LOW,
    remediation = "Write the access log format as a JSON object of $context variables.",
    tags = {"api", "logging"})
public final class NonJsonAccessLogFormat implements Rule {

  private static final int SHOWN = 40;

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      Attr<String> format = stage.accessLogFormat();
      if (!stage.accessLogDestination().isAbsent() && format.is(f -> !isJsonObject(f))) {
        String text = format.get().strip();
        String shown = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
        findings.report(stage, Where.of(stage, format), ApiStages.describe(model, stage)
            + ": access log format is not JSON (\"" + shown + "\")");
      }
    }
  }

  private static boolean isJsonObject(String format) {
    String f = format.strip();
    return f.startsWith("{") && f.endsWith("}");
  }
}
