package dev.bulwark.rules.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.Function;
import dev.bulwark.model.Resource;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.Role;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S3-001 on hand-built models: which buckets count as used, and what makes them public. */
class PublicBucketUsedByFunctionTest {

  private final ModelKit k = new ModelKit();
  private final PublicBucketUsedByFunction rule = new PublicBucketUsedByFunction();

  private Bucket bucket(String id, Attr<String> acl, List<Attr<Boolean>> block) {
    return new Bucket(k.meta(id, "AWS::S3::Bucket"), k.absent(), block.get(0), block.get(1),
        block.get(2), block.get(3), acl);
  }

  private List<Attr<Boolean>> noBlockConfiguration() {
    return List.of(k.absent(), k.absent(), k.absent(), k.absent());
  }

  private List<Attr<Boolean>> block(
      Boolean acls, Boolean ignore, Boolean policy, Boolean restrict) {
    List<Attr<Boolean>> out = new ArrayList<>();
    for (Boolean b : new Boolean[] {acls, ignore, policy, restrict}) {
      out.add(b == null ? k.absent() : k.of(b));
    }
    return out;
  }

  private Trigger s3Trigger(String bucketId, String functionId) {
    return new Trigger(k.meta(bucketId + functionId, "AWS::S3::Bucket"), TriggerKind.S3,
        k.ref(functionId), k.ref(bucketId), k.absent(), k.absent(), k.defaulted(true));
  }

  private Function consumer(String id) {
    return k.function(id, k.absent());
  }

  private ResourcePolicy publicPolicy(String bucketId, String action) {
    return new ResourcePolicy(k.meta(bucketId + "Policy", "AWS::S3::BucketPolicy"),
        k.policy(k.map("Sid", "Open", "Effect", "Allow", "Principal", "*", "Action", action,
            "Resource", "*")),
        List.of(k.ref(bucketId)));
  }

  private List<Finding> run(Resource... resources) {
    return ModelKit.run(rule, resources);
  }

  @Test
  void reportsAPublicReadAclOnATriggerBucketWithoutBlockConfiguration() {
    Attr<String> acl = k.of("PublicRead");
    Bucket b = bucket("Uploads", acl, noBlockConfiguration());
    List<Finding> found = run(b, consumer("Resize"), s3Trigger("Uploads", "Resize"));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("Bucket Uploads (triggers function Resize)")
          .contains("AccessControl PublicRead (no PublicAccessBlockConfiguration)");
      assertThat(f.location()).isEqualTo(acl.location());
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
    });
  }

  @Test
  void raisesToCriticalWhenAnyoneCanWriteIntoATriggerBucket() {
    Bucket b = bucket("Uploads", k.absent(), block(true, true, false, false));
    ResourcePolicy policy = publicPolicy("Uploads", "s3:PutObject");
    List<Finding> found = run(b, policy, consumer("Resize"), s3Trigger("Uploads", "Resize"));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).contains("bucket policy UploadsPolicy statement 'Open' allows"
          + " s3:PutObject to everyone")
          .contains("public access block off (BlockPublicPolicy false,"
              + " RestrictPublicBuckets false)");
      assertThat(f.location()).isEqualTo(
          policy.document().get().statements().get(0).location());
    });
  }

  @Test
  void ignoresPublicGrantsThatTheBlockSettingsStop() {
    Bucket acl = bucket("A", k.of("PublicReadWrite"), block(true, true, true, true));
    Bucket pol = bucket("B", k.absent(), block(true, true, true, true));
    assertThat(run(acl, pol, publicPolicy("B", "s3:GetObject"), consumer("F"),
        s3Trigger("A", "F"), s3Trigger("B", "F"))).isEmpty();
  }

  @Test
  void treatsAnUnresolvedBlockSettingAsOn() {
    Bucket b = bucket("Uploads", k.of("PublicRead"),
        List.of(k.unknown("BlockAcls"), k.of(false), k.of(true), k.of(true)));
    assertThat(run(b, consumer("F"), s3Trigger("Uploads", "F"))).singleElement()
        .satisfies(f -> {
          assertThat(f.message()).doesNotContain("AccessControl")
              .endsWith("public access block off (IgnorePublicAcls false)");
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        });
  }

  @Test
  void staysSilentOnABucketWithoutBlockConfigurationOrPublicGrant() {
    Bucket b = bucket("Uploads", k.absent(), noBlockConfiguration());
    assertThat(run(b, consumer("F"), s3Trigger("Uploads", "F"))).isEmpty();
  }

  @Test
  void reportsSettingsLeftOutOfAWrittenConfigurationAsOffWithMediumSeverity() {
    Bucket b = bucket("Uploads", k.absent(), block(true, null, null, null));
    assertThat(run(b, consumer("F"), s3Trigger("Uploads", "F"))).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
          assertThat(f.message()).contains("IgnorePublicAcls not set, BlockPublicPolicy not set,"
              + " RestrictPublicBuckets not set");
          assertThat(f.location()).isEqualTo(b.location());
        });
  }

  @Test
  void ignoresPublicBucketsNoFunctionUses() {
    Bucket b = bucket("Site", k.of("PublicRead"), block(false, false, false, false));
    assertThat(run(b, consumer("F"))).isEmpty();
  }

  @Test
  void countsABucketTheRoleWritesByLiteralArn() {
    Bucket b = new Bucket(k.meta("Reports", "AWS::S3::Bucket"), k.of("acme-reports"),
        k.of(false), k.of(false), k.of(false), k.of(false), k.absent());
    Role role = k.role("ReportRole", k.map("Effect", "Allow", "Action", "s3:PutObject",
        "Resource", "arn:aws:s3:::acme-reports/*"));
    Function fn = k.function("Report", k.ref("ReportRole"));
    assertThat(run(b, role, fn)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("written by function Report"));
  }

  @Test
  void countsEveryBucketWhenTheRoleWritesToAllResources() {
    Bucket b = bucket("Any", k.absent(), block(false, false, false, false));
    Role role = k.role("R", k.map("Effect", "Allow", "Action", "s3:*", "Resource", "*"));
    assertThat(run(b, role, k.function("Worker", k.ref("R")))).singleElement()
        .satisfies(f -> assertThat(f.message())
            .contains("written by function Worker (s3:* on *)"));
  }

  @Test
  void doesNotCountReadsOnAllResources() {
    Bucket b = bucket("Any", k.absent(), block(false, false, false, false));
    Role role = k.role("R", k.map("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*"));
    assertThat(run(b, role, k.function("Worker", k.ref("R")))).isEmpty();
  }

  @Test
  void countsABucketNamedInAnEnvironmentVariable() {
    Bucket b = bucket("Shared", k.absent(), noBlockConfiguration());
    Function fn = k.function("Api", k.absent(),
        k.env("SHARED", Attr.unknown(k.at(), "${Shared}", List.of("Shared"))));
    assertThat(run(b, publicPolicy("Shared", "s3:GetObject"), fn)).singleElement()
        .satisfies(f -> {
          assertThat(f.message()).contains("named by function Api in SHARED");
          assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
  }
}
