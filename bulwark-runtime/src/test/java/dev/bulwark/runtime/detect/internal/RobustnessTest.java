package dev.bulwark.runtime.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detectors;
import dev.bulwark.runtime.detect.Input;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analysers are called directly here (not through {@link Detectors}, which swallows faults) so that
 * any exception on odd input fails the test. Timings are not asserted: a quadratic analyser shows
 * up as a test that does not finish, and the benchmarks measure the rest.
 */
class RobustnessTest {

  private static final String[] PIECES = {
    "'", "\"", "`", "<", ">", "(", ")", "[", "]", "{", "}", ";", "|", "&", "$", "%", "\\", "/",
    "-", "--", "#", "/*", "*/", "*", "=", "!", "@", ":", ".", "..", ",", " ", "\n", "\r", "\t",
    "\0", "é", "\ufffd", "\u560a", "\ud83d\ude00", "\ud800", "a", "Z", "0", "9", "union",
    "select", "or", "and", "script", "on", "onerror=", "${", "jndi:", "../", "http://", "0x",
    "&#", "%2", "%u", "\\u00", "+AD", "<!ENTITY", "{{", "}}", "__proto__", "$ne", "rO0AB",
    "javascript:", "<svg", "/*!", "'--", "<?", "<!--", "@@", "char(", "sleep("
  };

  private static final Input.Kind[] KINDS = Input.Kind.values();

  @Test
  void neverThrowsOnRandomInputMadeOfTheCharactersAttacksUse() {
    Random random = new Random(20240601);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int parts = random.nextInt(60);
      for (int k = 0; k < parts; k++) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      Input in = new Input(randomLocation(random), b.toString(), KINDS[random.nextInt(KINDS.length)]);
      analyseWithEveryAnalyser(in);
    }
  }

  private static String randomLocation(Random random) {
    String[] l = {"query.q", "body.$.a[0].b", "header.x", "path", "body.$.__proto__",
        "body.$.$ne", "body.$.@type", "query.a[$gt]", "body.$.constructor.prototype"};
    return l[random.nextInt(l.length)];
  }

  static Stream<String> pathological() {
    int n = 256 * 1024;
    return Stream.of(
        "'".repeat(n),
        "(".repeat(n),
        "<".repeat(n),
        "<a ".repeat(n / 3),
        "<a href='" + "x".repeat(n),
        "${".repeat(n / 2),
        "${a:-".repeat(n / 5),
        "../".repeat(n / 3),
        "&#".repeat(n / 2),
        "%".repeat(n),
        "%2".repeat(n / 2),
        "$(".repeat(n / 2),
        ";cat".repeat(n / 4),
        "http://".repeat(n / 7),
        "<!entity ".repeat(n / 9),
        "<!doctype ".repeat(n / 10),
        "<style>".repeat(n / 7),
        "{{".repeat(n / 2),
        "/*".repeat(n / 2),
        "1 or ".repeat(n / 5),
        "union select ".repeat(n / 13),
        "on".repeat(n / 2) + "=(",
        "\\u".repeat(n / 2),
        "+ADw".repeat(n / 4),
        "a".repeat(n));
  }

  @ParameterizedTest
  @MethodSource("pathological")
  void finishesOnLargeRepetitiveInputs(String text) {
    analyseWithEveryAnalyser(Input.value("body", text));
  }

  @Test
  void capsTheAnalysedLengthAndStillFindsAttacksWithinIt() {
    String huge = "x".repeat(Subject.MAX_ANALYSED_CHARS - 100) + " <script>alert(1)</script>"
        + "y".repeat(1000);

    assertThat(Detectors.defaults().detect(Input.value("body", huge)))
        .anySatisfy(d -> assertThat(d.attackClass()).isEqualTo(AttackClass.XSS));
  }

  @Test
  void findsNothingInALargeHonestText() {
    String prose = "The quick brown fox, who is 5' 11\", jumps over the lazy dog (again); "
        + "see https://example.com/about and page 3 of 10. ";
    Input in = Input.value("body", prose.repeat(256 * 1024 / prose.length()));

    assertThat(Detectors.defaults().detect(in)).isEmpty();
  }

  @Test
  void isSafeToShareBetweenThreads() throws InterruptedException {
    List<Input> inputs = List.of(Input.value("q", "1' OR '1'='1"),
        Input.value("q", "<img src=x onerror=alert(1)>"), Input.value("q", "hello"));
    int[] errors = new int[1];
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 300; i++) {
          int n = Detectors.defaults().detectAll("GET /", inputs).size();
          if (n != 2) {
            synchronized (errors) {
              errors[0]++;
            }
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(errors[0]).isZero();
  }

  private static void analyseWithEveryAnalyser(Input in) {
    Subject subject = Subject.of(in);
    Findings findings = new Findings(subject);
    for (Analyser a : Analysers.all()) {
      assertThatCode(() -> a.analyse(subject, findings))
          .as("%s on %s", a, preview(in.value()))
          .doesNotThrowAnyException();
    }
    assertThatCode(() -> findings.toList()).doesNotThrowAnyException();
  }

  private static String preview(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "… (" + s.length() + " chars)";
  }
}
