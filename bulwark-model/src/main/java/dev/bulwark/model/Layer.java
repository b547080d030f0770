package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A Lambda layer version (`AWS::Lambda::LayerVersion`, `AWS::Serverless::LayerVersion`).
 */
public record Layer(
    ResourceMeta meta, Attr<String> name, Function.Code content, List<Attr<String>> compatibleRuntimes) implements Resource {

  public Layer {
    compatibleRuntimes = List.copyOf(compatibleRuntimes);
  }
}
