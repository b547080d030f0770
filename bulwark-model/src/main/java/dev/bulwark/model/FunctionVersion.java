package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An alias (`AWS::Lambda::Alias`) or published version (`AWS::Lambda::Version`) of a function;
 permissions, URLs and triggers may target these instead of the function itself. {@code aliasName}
 is absent for a version.
 */
public record FunctionVersion(
    ResourceMeta meta, Attr<Ref> function, Attr<String> aliasName) implements Resource {

}
