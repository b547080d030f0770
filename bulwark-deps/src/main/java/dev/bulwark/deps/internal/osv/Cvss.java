package dev.bulwark.deps.internal.osv;

import dev.bulwark.deps.CvssScore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CVSS vector parsing and base scores: v3.0 and v3.1 ({@link Cvss3}), v4.0 ({@link Cvss4}). */
public final class Cvss {

  private Cvss() {}

  /** The score of a v3.0, v3.1 or v4.0 vector, or null for other or malformed vectors. */
  public static @Nullable CvssScore score(String vector) {
    String v = vector.strip();
    if (v.startsWith("CVSS:3.0/") || v.startsWith("CVSS:3.1/")) {
      Map<String, String> m = metrics(v);
      Double s = m == null ? null : Cvss3.baseScore(m, v.startsWith("CVSS:3.1/"));
      return s == null ? null : new CvssScore(v, v.substring(5, 8), s);
    }
    if (v.startsWith("CVSS:4.0/")) {
      Map<String, String> m = metrics(v);
      Double s = m == null ? null : Cvss4.score(m);
      return s == null ? null : new CvssScore(v, "4.0", s);
    }
    return null;
  }

  /** {@code CVSS:x.y/K:V/K:V…} → ordered metrics; null when malformed or a key repeats. */
  static @Nullable Map<String, String> metrics(String vector) {
    if (vector.length() > 512) {
      return null;
    }
    String[] parts = vector.split("/", -1);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      int colon = parts[i].indexOf(':');
      if (colon <= 0 || colon == parts[i].length() - 1) {
        return null;
      }
      if (out.put(parts[i].substring(0, colon), parts[i].substring(colon + 1)) != null) {
        return null;
      }
    }
    return out;
  }
}
