package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Ref;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
    id = "LAMBDA-018",
    title = "Function uses a layer published by an account outside the allowlist",
    severity = Severity.MEDIUM,
    remediation =
        "Build the layer in your own account, or add its publisher with --trusted-accounts.",
    tags = {"supply-chain", "layers"})
public final class UntrustedLayer implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    Set<String> trusted = findings.settings().trustedAccounts();
    for (Function fn : model.functions()) {
      for (Attr<Ref> layer : fn.layers()) {
        Optional<LayerOrigin> origin = LayerOrigin.of(layer);
        if (origin.isEmpty() || origin.get().ownAccount()) {
          continue;
        }
        String account = origin.get().account();
        if (trusted.contains(account) || LayerPublishers.byAccount(account).isPresent()) {
          continue;
        }
        findings.on(fn).at(layer).key(account + ":" + origin.get().name())
            .report("Function " + fn.id() + ": layer " + origin.get().display()
                + " is published by account " + account
                + ", which is neither this stack's, a trusted account nor a known publisher");
      }
    }
  }
}
