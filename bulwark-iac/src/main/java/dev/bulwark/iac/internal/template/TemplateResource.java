package dev.bulwark.iac.internal.template;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Node;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One resource of a {@link Template}, with intrinsics resolved.
 *
 * @param logicalId the logical id
 * @param type the {@code Type} value
 * @param location span of the whole resource entry
 * @param typeLocation the {@code Type} line
 * @param properties resolved {@code Properties} (empty map when absent)
 * @param metadata resolved {@code Metadata} (empty map when absent)
 * @param dependsOn {@code DependsOn} ids
 * @param condition the resource's {@code Condition} when it could not be evaluated (null when the
 *     resource is unconditional or its condition is known true; resources whose condition is known
 *     false are not in the template)
 */
public record TemplateResource(
    String logicalId,
    String type,
    SourceLocation location,
    SourceLocation typeLocation,
    Node.MapNode properties,
    Node.MapNode metadata,
    List<String> dependsOn,
    @Nullable String condition) {

  public TemplateResource {
    dependsOn = List.copyOf(dependsOn);
  }
}
