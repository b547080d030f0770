package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Stage;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/**
 * A REST stage that caches responses (a cache cluster and {@code CachingEnabled: true} for every
 * method) without encrypting the cache.
 */
@RuleInfo(
    id = "APIGW-012",
    title = "REST API cache is not encrypted",
    severity = Severity.MEDIUM,
    remediation = "Set CacheDataEncrypted to true in the stage's MethodSettings.",
    tags = {"api", "encryption-at-rest"})
public final class UnencryptedApiCache implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Stage stage : model.stages()) {
      if (ApiStages.isRest(model, stage)
          && stage.cacheClusterEnabled().is(c -> c)
          && stage.cachingEnabled().is(c -> c)
          && stage.cacheDataEncrypted().isAbsentOr(e -> !e)) {
        findings.report(stage, Where.of(stage, stage.cacheDataEncrypted()),
            ApiStages.describe(model, stage)
            + " caches responses unencrypted (CacheDataEncrypted is "
            + (stage.cacheDataEncrypted().isExplicit()
                ? stage.cacheDataEncrypted().shape() : "not set; off by default") + ")");
      }
    }
  }
}
