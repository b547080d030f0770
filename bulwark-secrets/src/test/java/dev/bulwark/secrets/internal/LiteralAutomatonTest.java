package dev.bulwark.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LiteralAutomatonTest {

  private static final List<String> LITERALS =
      List.of("ghp_", "gh", "hp_x", "AKIA", "KIA", "-----BEGIN ", "://", "aa", "aaa", "Q~");

  @Test
  void findsEveryOccurrenceOfEveryLiteralLikeANaiveSearch() {
    Random random = new Random(42);
    String alphabet = "ghp_xAKIaQ~-:/ BEGIN";
    for (boolean ignoreCase : new boolean[] {false, true}) {
      LiteralAutomaton automaton = new LiteralAutomaton(LITERALS, ignoreCase);
      for (int round = 0; round < 300; round++) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
          char c = alphabet.charAt(random.nextInt(alphabet.length()));
          b.append(random.nextBoolean() ? c : Character.toLowerCase(c));
        }
        String text = b.toString();
        assertThat(run(automaton, text)).as("%s (ignoreCase %s)", text, ignoreCase)
            .isEqualTo(naive(text, ignoreCase));
      }
    }
  }

  @Test
  void reportsNothingForBytesNoLiteralUses() {
    LiteralAutomaton automaton = new LiteralAutomaton(LITERALS, false);

    assertThat(run(automaton, "zzzz 0123 \u00e9\u00e8 \n\t")).isEmpty();
  }

  private static TreeSet<String> run(LiteralAutomaton a, String text) {
    TreeSet<String> out = new TreeSet<>();
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    int s = 0;
    for (int i = 0; i < bytes.length; i++) {
      s = a.delta[s + a.classOf[bytes[i] & 0xff]];
      if (s >= a.acceptFrom) {
        for (int id : a.outputs(s)) {
          out.add((i - a.length(id) + 1) + ":" + LITERALS.get(id));
        }
      }
    }
    return out;
  }

  private static TreeSet<String> naive(String text, boolean ignoreCase) {
    TreeSet<String> out = new TreeSet<>();
    for (String lit : LITERALS) {
      for (int i = 0; i + lit.length() <= text.length(); i++) {
        if (text.regionMatches(ignoreCase, i, lit, 0, lit.length())) {
          out.add(i + ":" + lit);
        }
      }
    }
    return out;
  }
}
