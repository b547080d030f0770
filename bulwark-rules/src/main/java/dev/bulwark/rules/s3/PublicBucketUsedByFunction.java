package dev.bulwark.rules.s3;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Map;
import java.util.Set;

/**
 * A bucket that triggers a function or that a function writes, reads or names, and that is open
 * to the public: a bucket policy statement for everyone, a public canned ACL, or public access
 * block settings turned off. A public write into a bucket that triggers a function lets anyone
 * feed that function.
 */
@RuleInfo(
    id = "S3-001",
    title = "S3 bucket used by a function allows public access",
    severity = Severity.HIGH,
    remediation = "Turn on all four public access block settings and remove public ACLs and"
        + " bucket policy statements for everyone.",
    tags = {"s3", "exposure", "data"})
public final class PublicBucketUsedByFunction implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    if (model.buckets().isEmpty()) {
      return;
    }
    Map<String, Set<String>> uses = BucketUsers.of(model);
    for (Bucket bucket : model.buckets()) {
      if (!uses.containsKey(bucket.id())) {
        continue;
      }
      BucketExposure exposure = BucketExposure.of(model, bucket);
      if (exposure.isPublic()) {
        findings.on(bucket).at(exposure.location()).severity(exposure.severity())
            .report("Bucket " + bucket.id() + " (" + String.join("; ", uses.get(bucket.id()))
                + ") is open to the public: " + String.join("; ", exposure.reasons()));
      }
    }
  }
}
