package dev.bulwark.rules.kms;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Key;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/**
 * An enabled symmetric encryption key without automatic rotation. Asymmetric and HMAC keys cannot
 * rotate automatically and are exempt.
 */
@RuleInfo(
    id = "KMS-002",
    title = "KMS key has automatic rotation disabled",
    severity = Severity.LOW,
    remediation = "Set EnableKeyRotation to true.",
    tags = {"kms", "encryption-at-rest"})
public final class KeyWithoutRotation implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Key key : model.keys()) {
      if (key.keySpec().isAbsentOr(s -> s.equalsIgnoreCase("SYMMETRIC_DEFAULT"))
          && !key.enabled().is(e -> !e)
          && key.rotation().isAbsentOr(r -> !r)) {
        String setting = !key.rotation().isExplicit()
            ? "EnableKeyRotation is not set; rotation is off by default"
            : "EnableKeyRotation is " + key.rotation().shape();
        findings.report(key, Where.of(key, key.rotation()), "Key " + key.id()
            + " (symmetric) does not rotate its key material (" + setting + ")");
      }
    }
  }
}
