package dev.bulwark.rules.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Key;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.rules.internal.testing.ModelKit;
import org.junit.jupiter.api.Test;

class KeyRulesTest {

  private final ModelKit k = new ModelKit();

  private Key key(String id, Attr<PolicyDocument> policy, Attr<Boolean> rotation,
      Attr<String> spec, Attr<Boolean> enabled) {
    return new Key(k.meta(id, "AWS::KMS::Key"), policy, rotation, spec, enabled);
  }

  @Test
  void reportsKeyPoliciesOpenToEveryoneButNotCallerAccountAndViaService() {
    Attr<PolicyDocument> policy = k.policy(
        k.map("Sid", "Root", "Effect", "Allow",
            "Principal", k.map("AWS", "arn:aws:iam::111122223333:root"), "Action", "kms:*"),
        k.map("Sid", "ViaSqs", "Effect", "Allow", "Principal", k.map("AWS", "*"),
            "Action", "kms:Decrypt", "Condition", k.map("StringEquals",
                k.map("kms:CallerAccount", "111122223333",
                    "kms:ViaService", "sqs.eu-west-1.amazonaws.com"))),
        k.map("Sid", "Everyone", "Effect", "Allow", "Principal", "*", "Action", "kms:*"));
    assertThat(ModelKit.run(new PublicKeyPolicy(),
        key("DataKey", policy, k.of(true), k.defaulted("SYMMETRIC_DEFAULT"), k.absent())))
        .extracting(Finding::message)
        .containsExactly("Key DataKey: statement 'Everyone' of its key policy allows kms:* to"
            + " everyone without a condition on the caller");
  }

  @Test
  void reportsSymmetricEnabledKeysWithoutRotationOnly() {
    assertThat(ModelKit.run(new KeyWithoutRotation(),
        key("Default", k.absent(), k.defaulted(false), k.defaulted("SYMMETRIC_DEFAULT"),
            k.defaulted(true)),
        key("Off", k.absent(), k.of(false), k.absent(), k.absent()),
        key("On", k.absent(), k.of(true), k.defaulted("SYMMETRIC_DEFAULT"), k.absent()),
        key("Rsa", k.absent(), k.defaulted(false), k.of("RSA_2048"), k.absent()),
        key("Hmac", k.absent(), k.defaulted(false), k.of("HMAC_256"), k.absent()),
        key("Disabled", k.absent(), k.defaulted(false), k.defaulted("SYMMETRIC_DEFAULT"),
            k.of(false)),
        key("Param", k.absent(), k.unknown("Rotate"), k.defaulted("SYMMETRIC_DEFAULT"),
            k.absent())))
        .extracting(f -> f.resource().id()).containsExactly("Default", "Off");
  }

  @Test
  void saysWhetherRotationIsOffByDefaultOrAsWritten() {
    assertThat(ModelKit.run(new KeyWithoutRotation(),
        key("Default", k.absent(), k.defaulted(false), k.defaulted("SYMMETRIC_DEFAULT"),
            k.absent()),
        key("Off", k.absent(), k.of(false), k.defaulted("SYMMETRIC_DEFAULT"), k.absent())))
        .extracting(Finding::message)
        .containsExactly(
            "Key Default (symmetric) does not rotate its key material (EnableKeyRotation is not"
                + " set; rotation is off by default)",
            "Key Off (symmetric) does not rotate its key material (EnableKeyRotation is false)");
  }
}
