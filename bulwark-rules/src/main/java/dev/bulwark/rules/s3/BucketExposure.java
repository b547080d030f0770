package dev.bulwark.rules.s3;

import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.rules.internal.data.PublicStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a bucket is open to the public, from its policies, canned ACL and public access block:
 * the reasons for a message, where the first one is written, and how bad it is (anyone can
 * write: critical; anyone can read: high; only the block settings are off: medium).
 */
final class BucketExposure {

  private static final Set<String> PUBLIC_ACLS =
      Set.of("PublicRead", "PublicReadWrite", "AuthenticatedRead");

  private final List<String> reasons = new ArrayList<>();
  private final List<SourceLocation> where = new ArrayList<>();
  private boolean publicWrite;
  private boolean publicGrant;

  private BucketExposure() {}

  static BucketExposure of(CloudModel model, Bucket bucket) {
    BucketExposure e = new BucketExposure();
    PublicAccessBlock block = PublicAccessBlock.of(bucket);
    if (!block.stopsPublicPolicies()) {
      for (ResourcePolicy policy : model.resourcePoliciesOf(bucket)) {
        for (PublicStatements.Open open : PublicStatements.of(policy.document())) {
          e.add("bucket policy " + policy.id() + " " + open.label() + " allows " + open.actions()
              + " to everyone", open.statement().location(), open.grants("s3:PutObject"));
        }
      }
    }
    Attr<String> acl = bucket.accessControl();
    if (acl.is(PUBLIC_ACLS::contains) && !block.stopsPublicAcls()) {
      e.add("AccessControl " + acl.get() + block.aclNote(), acl.location(),
          acl.isEqualTo("PublicReadWrite"));
    }
    if (!block.disabled().isEmpty()) {
      e.reasons.add("public access block off (" + String.join(", ", block.disabled()) + ")");
      e.where.add(block.firstDisabledLocation());
    }
    return e;
  }

  private void add(String reason, SourceLocation at, boolean write) {
    reasons.add(reason);
    where.add(at);
    publicGrant = true;
    publicWrite |= write;
  }

  boolean isPublic() {
    return !reasons.isEmpty();
  }

  List<String> reasons() {
    return reasons;
  }

  SourceLocation location() {
    return where.get(0);
  }

  Severity severity() {
    return publicWrite ? Severity.CRITICAL : publicGrant ? Severity.HIGH : Severity.MEDIUM;
  }
}
