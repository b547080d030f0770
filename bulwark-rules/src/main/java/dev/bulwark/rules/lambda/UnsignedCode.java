package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;

@RuleInfo(
    id = "LAMBDA-017",
    title = "Function has no code-signing configuration",
    severity = Severity.LOW,
    remediation =
        "Create an AWS::Lambda::CodeSigningConfig and set CodeSigningConfigArn on the function.",
    tags = {"supply-chain", "integrity"})
public final class UnsignedCode implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      // code signing does not apply to container images
      boolean image = fn.packageType().is(t -> t.equalsIgnoreCase("Image"))
          || fn.code().kind() == Function.Code.Kind.IMAGE;
      if (!image && fn.codeSigningConfig().isAbsent()) {
        findings.report(fn, fn.codeSigningConfig(), "Function " + fn.id()
            + " has no code-signing configuration: any package uploaded with deploy rights runs"
            + " unchecked");
      }
    }
  }
}
