package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A function URL (`AWS::Lambda::Url` or SAM {@code FunctionUrlConfig}).
 */
public record FunctionUrl(
    ResourceMeta meta,
    Attr<Ref> function,
    Attr<String> qualifier,
    Attr<String> authType,
    Attr<Cors> cors) implements Resource {

  /** CORS settings of a function URL. */
  public record Cors(
      List<Attr<String>> allowOrigins, Attr<Boolean> allowCredentials, SourceLocation location) {
    public Cors {
      allowOrigins = List.copyOf(allowOrigins);
    }
  }
}
