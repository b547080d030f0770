package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Refs;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "LAMBDA-007",
    title = "Function URL CORS allows any origin",
    severity = Severity.MEDIUM,
    remediation = "List the exact origins of your web front ends in the URL's Cors AllowOrigins.",
    tags = {"exposure", "cors", "function-url"})
public final class FunctionUrlCorsAnyOrigin implements Rule {

  /** Origins that admit every site ({@code null} is sent by sandboxed frames and files). */
  private static final Set<String> ANY = Set.of("*", "http://*", "https://*", "null");

  @Override
  public void check(CloudModel model, Findings findings) {
    for (FunctionUrl url : model.functionUrls()) {
      for (FunctionUrl.Cors cors : url.cors().values()) {
        Attr<String> origin = cors.allowOrigins().stream()
            .filter(o -> o.is(v -> ANY.contains(v.trim().toLowerCase(Locale.ROOT))))
            .findFirst().orElse(null);
        if (origin == null) {
          continue;
        }
        boolean credentials = cors.allowCredentials().isEqualTo(true);
        Severity severity = credentials ? Severity.HIGH
            : url.authType().isEqualTo("AWS_IAM") ? Severity.LOW : Severity.MEDIUM;
        findings.on(url).at(origin).severity(severity).report("Function URL " + url.id()
            + " of function " + Refs.name(url.function()) + " accepts CORS requests from any"
            + " origin (AllowOrigins " + origin.shape() + ")" + (credentials
                ? " and allows credentials: any web site can call it in its visitors' name"
                : ": any web site can call it from its visitors' browsers"));
        break;
      }
    }
  }
}
