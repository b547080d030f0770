package dev.bulwark.model;

import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every model resource has.
 *
 * @param id logical id, unique within the model
 * @param type the source type ({@code AWS::Serverless::Function}, {@code AWS::Lambda::Function}, …)
 * @param location the resource's span in the source
 * @param tags tags by key
 * @param ignores suppressions declared on the resource (generated resources inherit the ones of
 *     the resource that generated them)
 * @param generatedFrom id of the resource that implies this one (a SAM function generates its
 *     role, permissions, API, URL), or null when declared directly
 */
public record ResourceMeta(
    String id,
    String type,
    SourceLocation location,
    Map<String, Attr<String>> tags,
    List<Ignore> ignores,
    @Nullable String generatedFrom) {

  public ResourceMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    ignores = List.copyOf(ignores);
  }

  public static ResourceMeta of(String id, String type, SourceLocation location) {
    return new ResourceMeta(id, type, location, Map.of(), List.of(), null);
  }

  public ResourceRef ref() {
    return new ResourceRef(id, type);
  }
}
