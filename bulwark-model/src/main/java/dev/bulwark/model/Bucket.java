package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An S3 bucket (`AWS::S3::Bucket`). Public access block settings are absent when not written;
 the service default for new buckets blocks public access.
 */
public record Bucket(
    ResourceMeta meta,
    Attr<String> name,
    Attr<Boolean> blockPublicAcls,
    Attr<Boolean> ignorePublicAcls,
    Attr<Boolean> blockPublicPolicy,
    Attr<Boolean> restrictPublicBuckets,
    Attr<String> accessControl) implements Resource {

}
