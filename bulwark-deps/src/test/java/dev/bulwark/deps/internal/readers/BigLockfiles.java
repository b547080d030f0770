package dev.bulwark.deps.internal.readers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Generated lockfiles of a given size for scale tests and the throughput run. */
final class BigLockfiles {
  private BigLockfiles() {}

  /**
   * An npm v3 lockfile with {@code n} packages: each {@code pkgI} depends on the next two, every
   * tenth is nested under its predecessor's {@code node_modules}, every fifth is a dev package.
   */
  static byte[] npmV3(int n) {
    StringBuilder sb = new StringBuilder(n * 400);
    sb.append("{\n  \"name\": \"big\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n")
        .append("  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"dependencies\": {\n")
        .append("        \"pkg0\": \"^1.0.0\"\n      }\n    }");
    byte[] digest = new byte[64];
    for (int i = 0; i < n; i++) {
      digest[i % 64] ^= (byte) (i * 31 + 7);
      String path = i % 10 == 9 ? "node_modules/pkg" + (i - 1) + "/node_modules/pkg" + i : "node_modules/pkg" + i;
      sb.append(",\n    \"").append(path).append("\": {\n")
          .append("      \"version\": \"1.").append(i % 100).append('.').append(i).append("\",\n")
          .append("      \"resolved\": \"https://registry.npmjs.org/pkg").append(i).append("/-/pkg")
          .append(i).append(".tgz\",\n")
          .append("      \"integrity\": \"sha512-").append(Base64.getEncoder().encodeToString(digest)).append("\",\n")
          .append("      \"license\": \"MIT\",\n");
      if (i % 5 == 4) {
        sb.append("      \"dev\": true,\n");
      }
      sb.append("      \"dependencies\": {\n");
      int deps = 0;
      for (int d = i + 1; d <= i + 2 && d < n; d++) {
        sb.append(deps++ == 0 ? "" : ",\n").append("        \"pkg").append(d).append("\": \"^1.0.0\"");
      }
      sb.append("\n      }\n    }");
    }
    sb.append("\n  }\n}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
