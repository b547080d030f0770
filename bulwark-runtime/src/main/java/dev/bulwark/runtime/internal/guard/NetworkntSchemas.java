package dev.bulwark.runtime.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.runtime.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema validation with networknt. Loaded only when a route has a schema; each schema is
 * compiled on first use and cached.
 */
public final class NetworkntSchemas {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Map<Route, SchemaCheck> compiled = new ConcurrentHashMap<>();

  public SchemaCheck forRoute(Route route) {
    return compiled.computeIfAbsent(route, NetworkntSchemas::compile);
  }

  private static SchemaCheck compile(Route route) {
    String text = route.schema();
    if (text == null) {
      return body -> List.of();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("schema of route '" + route.pattern() + "' is not JSON", e);
    }
    SpecVersion.VersionFlag version =
        SpecVersionDetector.detectOptionalVersion(node, false).orElse(SpecVersion.VersionFlag.V202012);
    JsonSchema schema = JsonSchemaFactory.getInstance(version).getSchema(node);
    return body -> {
      Set<ValidationMessage> messages = schema.validate(MAPPER.valueToTree(body));
      List<String> out = new ArrayList<>(Math.min(3, messages.size()));
      for (ValidationMessage m : messages) {
        if (out.size() == 3) {
          break;
        }
        out.add(m.getMessage());
      }
      return out;
    };
  }
}
