package dev.bulwark.deps.internal.osv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CVSS v4.0 score, by the specification's method (section 8): the vector's MacroVector (the
 * equivalence classes EQ1…EQ6) gives the score of its highest-severity vectors from the expert
 * lookup table; the score is lowered by the mean of the proportional distances to the next lower
 * MacroVector in each class. Data and steps follow FIRST's published reference calculator, so the
 * floating-point results agree with it. Threat and environmental metrics are honoured when the
 * vector carries them.
 */
final class Cvss4 {

  /** Allowed values per metric, base metrics first; every base metric is mandatory. */
  private static final Map<String, List<String>> VALUES = new HashMap<>();
  private static final List<String> BASE =
      List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

  static {
    VALUES.put("AV", List.of("N", "A", "L", "P"));
    VALUES.put("AC", List.of("L", "H"));
    VALUES.put("AT", List.of("N", "P"));
    VALUES.put("PR", List.of("N", "L", "H"));
    VALUES.put("UI", List.of("N", "P", "A"));
    for (String k : List.of("VC", "VI", "VA", "SC", "SI", "SA")) {
      VALUES.put(k, List.of("N", "L", "H"));
    }
    VALUES.put("E", List.of("X", "A", "P", "U"));
    for (String k : List.of("CR", "IR", "AR")) {
      VALUES.put(k, List.of("X", "H", "M", "L"));
    }
    VALUES.put("MAV", List.of("X", "N", "A", "L", "P"));
    VALUES.put("MAC", List.of("X", "L", "H"));
    VALUES.put("MAT", List.of("X", "N", "P"));
    VALUES.put("MPR", List.of("X", "N", "L", "H"));
    VALUES.put("MUI", List.of("X", "N", "P", "A"));
    for (String k : List.of("MVC", "MVI", "MVA", "MSC")) {
      VALUES.put(k, List.of("X", "H", "L", "N"));
    }
    VALUES.put("MSI", List.of("X", "S", "H", "L", "N"));
    VALUES.put("MSA", List.of("X", "S", "H", "L", "N"));
    VALUES.put("S", List.of("X", "N", "P"));
    VALUES.put("AU", List.of("X", "N", "Y"));
    VALUES.put("R", List.of("X", "A", "U", "I"));
    VALUES.put("V", List.of("X", "D", "C"));
    VALUES.put("RE", List.of("X", "L", "M", "H"));
    VALUES.put("U", List.of("X", "Clear", "Green", "Amber", "Red"));
  }

  /** Severity level of each metric value inside a MacroVector (0.1 per step). */
  private static final Map<String, Map<String, Double>> LEVELS = new HashMap<>();

  static {
    LEVELS.put("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3));
    LEVELS.put("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2));
    LEVELS.put("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2));
    LEVELS.put("AC", Map.of("L", 0.0, "H", 0.1));
    LEVELS.put("AT", Map.of("N", 0.0, "P", 0.1));
    for (String k : List.of("VC", "VI", "VA")) {
      LEVELS.put(k, Map.of("H", 0.0, "L", 0.1, "N", 0.2));
    }
    LEVELS.put("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3));
    LEVELS.put("SI", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3));
    LEVELS.put("SA", Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3));
    for (String k : List.of("CR", "IR", "AR")) {
      LEVELS.put(k, Map.of("H", 0.0, "M", 0.1, "L", 0.2));
    }
    LEVELS.put("E", Map.of("U", 0.2, "P", 0.1, "A", 0.0));
  }

  /** Order in which the distances are computed (and summed), as the reference does. */
  private static final List<String> LEVEL_ORDER =
      List.of("AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR",
          "E");

  /** The highest-severity vectors of each EQ level ("AV:N/PR:N/UI:N"…). */
  private static final String[][] EQ1_MAX = {
    {"AV:N/PR:N/UI:N"}, {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
    {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}
  };
  private static final String[][] EQ2_MAX = {{"AC:L/AT:N"}, {"AC:H/AT:N", "AC:L/AT:P"}};
  /** Indexed by EQ3 then EQ6. */
  private static final String[][][] EQ3_EQ6_MAX = {
    {
      {"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
      {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}
    },
    {
      {"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
      {
        "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
        "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
        "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"
      }
    },
    {{}, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}}
  };
  private static final String[][] EQ4_MAX = {
    {"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}
  };
  private static final String[][] EQ5_MAX = {{"E:A"}, {"E:P"}, {"E:U"}};

  /** Depth of each EQ level in severity steps (+1). */
  private static final int[] EQ1_DEPTH = {1, 4, 5};
  private static final int[] EQ2_DEPTH = {1, 2};
  private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
  private static final int[] EQ4_DEPTH = {6, 5, 4};

  /** Score of each MacroVector "eq1 eq2 eq3 eq4 eq5 eq6" (the specification's expert table). */
  private static final Map<String, Double> LOOKUP = new HashMap<>();

  static {
    String table =
        "000000 10 000001 9.9 000010 9.8 000011 9.5 000020 9.5 000021 9.2 000100 10 000101 9.6"
            + " 000110 9.3 000111 8.7 000120 9.1 000121 8.1 000200 9.3 000201 9 000210 8.9"
            + " 000211 8 000220 8.1 000221 6.8 001000 9.8 001001 9.5 001010 9.5 001011 9.2"
            + " 001020 9 001021 8.4 001100 9.3 001101 9.2 001110 8.9 001111 8.1 001120 8.1"
            + " 001121 6.5 001200 8.8 001201 8 001210 7.8 001211 7 001220 6.9 001221 4.8"
            + " 002001 9.2 002011 8.2 002021 7.2 002101 7.9 002111 6.9 002121 5 002201 6.9"
            + " 002211 5.5 002221 2.7 010000 9.9 010001 9.7 010010 9.5 010011 9.2 010020 9.2"
            + " 010021 8.5 010100 9.5 010101 9.1 010110 9 010111 8.3 010120 8.4 010121 7.1"
            + " 010200 9.2 010201 8.1 010210 8.2 010211 7.1 010220 7.2 010221 5.3 011000 9.5"
            + " 011001 9.3 011010 9.2 011011 8.5 011020 8.5 011021 7.3 011100 9.2 011101 8.2"
            + " 011110 8 011111 7.2 011120 7 011121 5.9 011200 8.4 011201 7 011210 7.1"
            + " 011211 5.2 011220 5 011221 3 012001 8.6 012011 7.5 012021 5.2 012101 7.1"
            + " 012111 5.2 012121 2.9 012201 6.3 012211 2.9 012221 1.7 100000 9.8 100001 9.5"
            + " 100010 9.4 100011 8.7 100020 9.1 100021 8.1 100100 9.4 100101 8.9 100110 8.6"
            + " 100111 7.4 100120 7.7 100121 6.4 100200 8.7 100201 7.5 100210 7.4 100211 6.3"
            + " 100220 6.3 100221 4.9 101000 9.4 101001 8.9 101010 8.8 101011 7.7 101020 7.6"
            + " 101021 6.7 101100 8.6 101101 7.6 101110 7.4 101111 5.8 101120 5.9 101121 5"
            + " 101200 7.2 101201 5.7 101210 5.7 101211 5.2 101220 5.2 101221 2.5 102001 8.3"
            + " 102011 7 102021 5.4 102101 6.5 102111 5.8 102121 2.6 102201 5.3 102211 2.1"
            + " 102221 1.3 110000 9.5 110001 9 110010 8.8 110011 7.6 110020 7.6 110021 7"
            + " 110100 9 110101 7.7 110110 7.5 110111 6.2 110120 6.1 110121 5.3 110200 7.7"
            + " 110201 6.6 110210 6.8 110211 5.9 110220 5.2 110221 3 111000 8.9 111001 7.8"
            + " 111010 7.6 111011 6.7 111020 6.2 111021 5.8 111100 7.4 111101 5.9 111110 5.7"
            + " 111111 5.7 111120 4.7 111121 2.3 111200 6.1 111201 5.2 111210 5.7 111211 2.9"
            + " 111220 2.4 111221 1.6 112001 7.1 112011 5.9 112021 3 112101 5.8 112111 2.6"
            + " 112121 1.5 112201 2.3 112211 1.3 112221 0.6 200000 9.3 200001 8.7 200010 8.6"
            + " 200011 7.2 200020 7.5 200021 5.8 200100 8.6 200101 7.4 200110 7.4 200111 6.1"
            + " 200120 5.6 200121 3.4 200200 7 200201 5.4 200210 5.2 200211 4 200220 4"
            + " 200221 2.2 201000 8.5 201001 7.5 201010 7.4 201011 5.5 201020 6.2 201021 5.1"
            + " 201100 7.2 201101 5.7 201110 5.5 201111 4.1 201120 4.6 201121 1.9 201200 5.3"
            + " 201201 3.6 201210 3.4 201211 1.9 201220 1.9 201221 0.8 202001 6.4 202011 5.1"
            + " 202021 2 202101 4.7 202111 2.1 202121 1.1 202201 2.4 202211 0.9 202221 0.4"
            + " 210000 8.8 210001 7.5 210010 7.3 210011 5.3 210020 6 210021 5 210100 7.3"
            + " 210101 5.5 210110 5.9 210111 4 210120 4.1 210121 2 210200 5.4 210201 4.3"
            + " 210210 4.5 210211 2.2 210220 2 210221 1.1 211000 7.5 211001 5.5 211010 5.8"
            + " 211011 4.5 211020 4 211021 2.1 211100 6.1 211101 5.1 211110 4.8 211111 1.8"
            + " 211120 2 211121 0.9 211200 4.6 211201 1.8 211210 1.7 211211 0.7 211220 0.8"
            + " 211221 0.2 212001 5.3 212011 2.4 212021 1.4 212101 2.4 212111 1.2 212121 0.5"
            + " 212201 1 212211 0.3 212221 0.1";
    String[] t = table.split(" ");
    for (int i = 0; i < t.length; i += 2) {
      LOOKUP.put(t[i], Double.parseDouble(t[i + 1]));
    }
  }

  private Cvss4() {}

  static int lookupSize() {
    return LOOKUP.size();
  }

  static @Nullable Double score(Map<String, String> given) {
    for (Map.Entry<String, String> e : given.entrySet()) {
      List<String> allowed = VALUES.get(e.getKey());
      if (allowed == null || !allowed.contains(e.getValue())) {
        return null;
      }
    }
    for (String b : BASE) {
      if (!given.containsKey(b)) {
        return null;
      }
    }
    Map<String, String> m = new HashMap<>();
    for (String k : VALUES.keySet()) {
      m.put(k, given.getOrDefault(k, "X"));
    }
    if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream()
        .allMatch(k -> effective(m, k).equals("N"))) {
      return 0.0;
    }
    int eq1 = eq1(m);
    int eq2 = effective(m, "AC").equals("L") && effective(m, "AT").equals("N") ? 0 : 1;
    int eq3 = eq3(m);
    int eq4 = eq4(m);
    String e = effective(m, "E");
    int eq5 = e.equals("A") ? 0 : e.equals("P") ? 1 : 2;
    int eq6 = (is(m, "CR", "H") && is(m, "VC", "H"))
            || (is(m, "IR", "H") && is(m, "VI", "H"))
            || (is(m, "AR", "H") && is(m, "VA", "H"))
        ? 0 : 1;
    double value = LOOKUP.get(macro(eq1, eq2, eq3, eq4, eq5, eq6));

    double lowerEq1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
    double lowerEq2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
    double lowerEq3Eq6;
    if (eq3 == 0 && eq6 == 0) {
      double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
      double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
      lowerEq3Eq6 = Double.isNaN(left) || Double.isNaN(right) ? Double.NaN : Math.max(left, right);
    } else if (eq3 == 1 && eq6 == 0) {
      lowerEq3Eq6 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    } else if (eq3 == 2 && eq6 == 1) {
      lowerEq3Eq6 = Double.NaN;
    } else {
      lowerEq3Eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    }
    double lowerEq4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
    double lowerEq5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

    Map<String, Double> distances = null;
    outer:
    for (String a : EQ1_MAX[eq1]) {
      for (String b : EQ2_MAX[eq2]) {
        for (String c : EQ3_EQ6_MAX[eq3][eq6]) {
          for (String d : EQ4_MAX[eq4]) {
            for (String f : EQ5_MAX[eq5]) {
              Map<String, String> max = Cvss.metrics("/" + a + "/" + b + "/" + c + "/" + d + "/" + f);
              distances = distances(m, max);
              if (distances.values().stream().allMatch(x -> x >= 0)) {
                break outer;
              }
            }
          }
        }
      }
    }
    if (distances == null) {
      return null;
    }
    double dEq1 = distances.get("AV") + distances.get("PR") + distances.get("UI");
    double dEq2 = distances.get("AC") + distances.get("AT");
    double dEq3Eq6 = distances.get("VC") + distances.get("VI") + distances.get("VA")
        + distances.get("CR") + distances.get("IR") + distances.get("AR");
    double dEq4 = distances.get("SC") + distances.get("SI") + distances.get("SA");

    final double step = 0.1;
    int existing = 0;
    double sum = 0;
    double msd = value - lowerEq1;
    if (!Double.isNaN(msd)) {
      existing++;
      sum += msd * (dEq1 / (EQ1_DEPTH[eq1] * step));
    }
    msd = value - lowerEq2;
    if (!Double.isNaN(msd)) {
      existing++;
      sum += msd * (dEq2 / (EQ2_DEPTH[eq2] * step));
    }
    msd = value - lowerEq3Eq6;
    if (!Double.isNaN(msd)) {
      existing++;
      sum += msd * (dEq3Eq6 / (EQ3_EQ6_DEPTH[eq3][eq6] * step));
    }
    msd = value - lowerEq4;
    if (!Double.isNaN(msd)) {
      existing++;
      sum += msd * (dEq4 / (EQ4_DEPTH[eq4] * step));
    }
    msd = value - lowerEq5;
    if (!Double.isNaN(msd)) {
      existing++; // the EQ5 distance is always 0
    }
    double mean = existing == 0 ? 0 : sum / existing;
    double score = Math.max(0, Math.min(10, value - mean));
    return Math.round(score * 10) / 10.0;
  }

  private static String macro(int... eq) {
    StringBuilder b = new StringBuilder(6);
    for (int x : eq) {
      b.append(x);
    }
    return b.toString();
  }

  private static double lookup(int... eq) {
    Double v = LOOKUP.get(macro(eq));
    return v == null ? Double.NaN : v;
  }

  private static Map<String, Double> distances(Map<String, String> m, Map<String, String> max) {
    Map<String, Double> out = new HashMap<>();
    for (String k : LEVEL_ORDER) {
      Map<String, Double> levels = LEVELS.get(k);
      out.put(k, levels.get(effective(m, k)) - levels.get(max.get(k)));
    }
    return out;
  }

  private static boolean is(Map<String, String> m, String metric, String value) {
    return effective(m, metric).equals(value);
  }

  /** The value that counts: the modified metric when set, the worst case for unset E/CR/IR/AR. */
  static String effective(Map<String, String> m, String metric) {
    String v = m.getOrDefault(metric, "X");
    if (v.equals("X")) {
      switch (metric) {
        case "E":
          return "A";
        case "CR":
        case "IR":
        case "AR":
          return "H";
        default:
          break;
      }
    }
    String modified = m.get("M" + metric);
    if (modified != null && !modified.equals("X")) {
      return modified;
    }
    return v;
  }

  private static int eq1(Map<String, String> m) {
    boolean avN = is(m, "AV", "N");
    boolean prN = is(m, "PR", "N");
    boolean uiN = is(m, "UI", "N");
    if (avN && prN && uiN) {
      return 0;
    }
    if ((avN || prN || uiN) && !is(m, "AV", "P")) {
      return 1;
    }
    return 2;
  }

  private static int eq3(Map<String, String> m) {
    boolean vc = is(m, "VC", "H");
    boolean vi = is(m, "VI", "H");
    if (vc && vi) {
      return 0;
    }
    return vc || vi || is(m, "VA", "H") ? 1 : 2;
  }

  private static int eq4(Map<String, String> m) {
    if ("S".equals(m.get("MSI")) || "S".equals(m.get("MSA"))) {
      return 0;
    }
    return is(m, "SC", "H") || is(m, "SI", "H") || is(m, "SA", "H") ? 1 : 2;
  }
}
