package dev.bulwark.deps.internal.osv;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CVSS v3.0/v3.1 base score, with the specification's formulas (section 7.1 of v3.1) and its
 * Roundup function (v3.1's integer form; v3.0's plain ceiling to one decimal). Temporal and
 * environmental metrics are accepted and do not change the base score.
 */
final class Cvss3 {

  private static final Set<String> OPTIONAL =
      Set.of("E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI",
          "MA");

  private Cvss3() {}

  static @Nullable Double baseScore(Map<String, String> m, boolean v31) {
    for (String key : m.keySet()) {
      if (!OPTIONAL.contains(key) && !isBase(key)) {
        return null;
      }
    }
    String scope = m.get("S");
    if (scope == null || !(scope.equals("U") || scope.equals("C"))) {
      return null;
    }
    boolean changed = scope.equals("C");
    double av = value(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
    double ac = value(m.get("AC"), "L", 0.77, "H", 0.44);
    double pr = changed
        ? value(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
        : value(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
    double ui = value(m.get("UI"), "N", 0.85, "R", 0.62);
    double c = value(m.get("C"), "H", 0.56, "L", 0.22, "N", 0.0);
    double i = value(m.get("I"), "H", 0.56, "L", 0.22, "N", 0.0);
    double a = value(m.get("A"), "H", 0.56, "L", 0.22, "N", 0.0);
    if (Double.isNaN(av + ac + pr + ui + c + i + a)) {
      return null;
    }
    double iss = 1 - (1 - c) * (1 - i) * (1 - a);
    double impact = changed
        ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
        : 6.42 * iss;
    double exploitability = 8.22 * av * ac * pr * ui;
    if (impact <= 0) {
      return 0.0;
    }
    double raw = changed
        ? Math.min(1.08 * (impact + exploitability), 10)
        : Math.min(impact + exploitability, 10);
    return v31 ? roundUp31(raw) : Math.ceil(raw * 10) / 10.0;
  }

  private static boolean isBase(String key) {
    switch (key) {
      case "AV":
      case "AC":
      case "PR":
      case "UI":
      case "S":
      case "C":
      case "I":
      case "A":
        return true;
      default:
        return false;
    }
  }

  /** The smallest number with one decimal that is at least {@code x}, free of float noise. */
  static double roundUp31(double x) {
    long scaled = Math.round(x * 100000);
    if (scaled % 10000 == 0) {
      return scaled / 100000.0;
    }
    return (Math.floorDiv(scaled, 10000) + 1) / 10.0;
  }

  /** The weight of {@code v} among name/weight pairs; NaN when missing or unknown. */
  private static double value(@Nullable String v, Object... pairs) {
    if (v == null) {
      return Double.NaN;
    }
    for (int k = 0; k < pairs.length; k += 2) {
      if (pairs[k].equals(v)) {
        return (Double) pairs[k + 1];
      }
    }
    return Double.NaN;
  }
}
