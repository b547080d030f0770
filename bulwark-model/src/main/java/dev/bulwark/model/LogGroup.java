package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A CloudWatch Logs log group (`AWS::Logs::LogGroup`). {@code name} is usually partly unknown
 ({@code /aws/lambda/${MyFunction}}); {@link CloudModel#logGroupsOf(Function)} matches it.
 */
public record LogGroup(
    ResourceMeta meta, Attr<String> name, Attr<Integer> retentionDays, Attr<Ref> kmsKey) implements Resource {

}
