package dev.bulwark.rules.s3;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bucket's public access block as S3 applies it. When {@code PublicAccessBlockConfiguration} is
 * written, a setting it leaves out is off; when the whole configuration is absent, only the
 * account's settings and the default of buckets created since April 2023 protect the bucket, which
 * a template cannot rely on for an existing bucket. An unresolved setting counts as on.
 */
final class PublicAccessBlock {

  private final Bucket bucket;
  private final boolean configured;
  private final Map<String, Attr<Boolean>> settings = new LinkedHashMap<>();

  private PublicAccessBlock(Bucket bucket) {
    this.bucket = bucket;
    settings.put("BlockPublicAcls", bucket.blockPublicAcls());
    settings.put("IgnorePublicAcls", bucket.ignorePublicAcls());
    settings.put("BlockPublicPolicy", bucket.blockPublicPolicy());
    settings.put("RestrictPublicBuckets", bucket.restrictPublicBuckets());
    this.configured = settings.values().stream().anyMatch(a -> !a.isAbsent());
  }

  static PublicAccessBlock of(Bucket bucket) {
    return new PublicAccessBlock(bucket);
  }

  private static boolean on(Attr<Boolean> setting) {
    return setting.mayBe(v -> v);
  }

  boolean stopsPublicPolicies() {
    return on(bucket.blockPublicPolicy()) || on(bucket.restrictPublicBuckets());
  }

  boolean stopsPublicAcls() {
    return on(bucket.blockPublicAcls()) || on(bucket.ignorePublicAcls());
  }

  /** Why a public ACL is not stopped, for messages. */
  String aclNote() {
    return configured
        ? " (BlockPublicAcls and IgnorePublicAcls off)"
        : " (no PublicAccessBlockConfiguration)";
  }

  /** Settings of a written configuration that are off: {@code BlockPublicPolicy false}. */
  List<String> disabled() {
    List<String> out = new ArrayList<>();
    if (configured) {
      settings.forEach((name, a) -> {
        if (a.isAbsent()) {
          out.add(name + " not set");
        } else if (a.is(v -> !v)) {
          out.add(name + " false");
        }
      });
    }
    return out;
  }

  SourceLocation firstDisabledLocation() {
    for (Attr<Boolean> a : settings.values()) {
      if (a.is(v -> !v)) {
        return a.location();
      }
    }
    return bucket.location();
  }
}
