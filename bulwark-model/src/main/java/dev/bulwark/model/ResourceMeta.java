package dev.bulwark.model;

import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every model resource has.
 *
 * @param id logical id, unique within the model
 * @param type the source type ({@code AWS::Serverless::Function}, {@code AWS::Lambda::Function}, …)
 * @param location the resource's span in the source
 * @param tags tags by key
 * @param ignores suppressions declared on the resource (generated resources inherit the ones of the
 *     resource that generated them)
 * @param generatedFrom id of the resource that implies this one (a SAM function generates its role,
 *     permissions, API, URL), or null when declared directly
 * @param condition the name of the template condition the resource depends on when that condition
 *     could not be evaluated (the resource may or may not exist), else null
 * @param sourcePath where the resource comes from in the tool that produced the template: the CDK
 *     construct path ({@code Metadata["aws:cdk:path"]}, e.g. {@code MyStack/Api/Handler/Resource}),
 *     or null
 */
public record ResourceMeta(
    String id,
    String type,
    SourceLocation location,
    Map<String, Attr<String>> tags,
    List<Ignore> ignores,
    @Nullable String generatedFrom,
    @Nullable String condition,
    @Nullable String sourcePath) {

  public ResourceMeta {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    ignores = List.copyOf(ignores);
  }

  /** A resource that is unconditional and has no construct path. */
  public ResourceMeta(
      String id,
      String type,
      SourceLocation location,
      Map<String, Attr<String>> tags,
      List<Ignore> ignores,
      @Nullable String generatedFrom) {
    this(id, type, location, tags, ignores, generatedFrom, null, null);
  }

  public static ResourceMeta of(String id, String type, SourceLocation location) {
    return new ResourceMeta(id, type, location, Map.of(), List.of(), null, null, null);
  }

  public ResourceRef ref() {
    return new ResourceRef(id, type);
  }

  /** The tag with this key, when set. */
  public Optional<Attr<String>> tag(String key) {
    return Optional.ofNullable(tags.get(key));
  }

  /** A name for messages: the CDK construct path when known, else the id. */
  public String displayName() {
    return sourcePath != null ? sourcePath : id;
  }
}
