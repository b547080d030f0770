package dev.bulwark.rules.s3;

import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.PublicStatements;
import java.util.ArrayList;
import java.util.List;
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

  private static final Set<String> PUBLIC_ACLS =
      Set.of("PublicRead", "PublicReadWrite", "AuthenticatedRead");

  @Override
  public void check(CloudModel model, Findings findings) {
    Map<String, Set<String>> uses = BucketUsers.of(model);
    for (Bucket bucket : model.buckets()) {
      if (!uses.containsKey(bucket.id())) {
        continue;
      }
      PublicAccessBlock block = PublicAccessBlock.of(bucket);
      List<String> reasons = new ArrayList<>();
      List<SourceLocation> where = new ArrayList<>();
      boolean publicWrite = false;
      if (!block.stopsPublicPolicies()) {
        for (ResourcePolicy policy : model.resourcePoliciesOf(bucket)) {
          for (PublicStatements.Open open : PublicStatements.of(policy.document())) {
            reasons.add("bucket policy " + policy.id() + " " + open.label() + " allows "
                + open.actions() + " to everyone");
            where.add(open.statement().location());
            publicWrite |= open.grants("s3:PutObject");
          }
        }
      }
      Attr<String> acl = bucket.accessControl();
      if (acl.is(PUBLIC_ACLS::contains) && !block.stopsPublicAcls()) {
        reasons.add("AccessControl " + acl.get() + block.aclNote());
        where.add(acl.location());
        publicWrite |= acl.isEqualTo("PublicReadWrite");
      }
      boolean onlyBlockOff = reasons.isEmpty();
      if (!block.disabled().isEmpty()) {
        reasons.add("public access block off (" + String.join(", ", block.disabled()) + ")");
        where.add(block.firstDisabledLocation());
      }
      if (reasons.isEmpty()) {
        continue;
      }
      Severity severity =
          publicWrite ? Severity.CRITICAL : onlyBlockOff ? Severity.MEDIUM : Severity.HIGH;
      findings.on(bucket).at(where.get(0)).severity(severity)
          .report("Bucket " + bucket.id() + " (" + String.join("; ", uses.get(bucket.id()))
              + ") is open to the public: " + String.join("; ", reasons));
    }
  }
}
