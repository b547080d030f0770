package dev.bulwark.iac.internal.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * AWS-managed policy names to ARNs, with the path AWS uses ({@code sam/managed-policy-paths.yaml}).
 */
final class ManagedPolicyNames {

  private static final Map<String, String> PATHS = load();

  private ManagedPolicyNames() {}

  /**
   * {@code AWSLambdaBasicExecutionRole} → {@code
   * arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole}.
   */
  static String arnOf(String name, String partition) {
    return "arn:" + partition + ":iam::aws:policy/" + PATHS.getOrDefault(name, "") + name;
  }

  private static Map<String, String> load() {
    try (InputStream in =
        ManagedPolicyNames.class.getResourceAsStream("/sam/managed-policy-paths.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "sam/managed-policy-paths.yaml is missing from the classpath");
      }
      Object root = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      Map<String, String> out = new HashMap<>();
      if (root instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getValue() instanceof List<?> names) {
            for (Object n : names) {
              out.put(String.valueOf(n), String.valueOf(e.getKey()));
            }
          }
        }
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
