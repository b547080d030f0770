package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A resource of a type the model does not interpret; kept so inventories and counts are complete.
 */
public record OtherResource(
    ResourceMeta meta) implements Resource {

}
