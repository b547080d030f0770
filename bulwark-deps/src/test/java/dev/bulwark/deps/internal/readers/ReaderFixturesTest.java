package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.DepsLimits;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table test for every reader: each folder under {@code readers/} holds an input file (or
 * several, the first line of {@code expected.txt} naming the one to read as {@code # input:
 * name}) and {@code expected.txt}, one line per component (sorted by key) then one per error:
 *
 * <pre>
 * npm:axios@0.21.1 exact runtime direct @7 deps=npm:follow-redirects@1.14.0 hashes=SHA-512
 * error @3 invalid: package x has no version
 * </pre>
 *
 * The other files of the folder are the parser's context ({@code -r} includes, parent POMs).
 */
class ReaderFixturesTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("expected.txt"))
          .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  static Path root() throws URISyntaxException {
    return Path.of(ReaderFixturesTest.class.getResource("/readers").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsFixtureAsExpected(String name) throws Exception {
    Path dir = root().resolve(name);
    List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
    String input = null;
    if (!expected.isEmpty() && expected.get(0).startsWith("# input: ")) {
      input = expected.get(0).substring("# input: ".length()).trim();
      expected = expected.subList(1, expected.size());
    }
    Map<String, SourceFile> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("expected.txt")) {
          files.put(name + "/" + rel, new SourceFile(name + "/" + rel, Files.readAllBytes(p)));
        }
      }
    }
    if (input == null) {
      assertThat(files).as("one input file in " + name).hasSize(1);
      input = files.keySet().iterator().next().substring(name.length() + 1);
    }
    SourceFile file = files.get(name + "/" + input);
    Format format = Detection.detect(input);
    assertThat(format).as("format of " + input).isNotNull();
    ReadResult result = Collector.parse(file, format,
        new FilesContext(files, DepsLimits.defaults(), p -> null));
    assertThat(render(result, file.display())).containsExactlyElementsOf(expected);
  }

  static List<String> render(ReadResult r, String display) {
    List<String> out = new ArrayList<>();
    ComponentSet set = new ComponentSet();
    set.addAll(r.components());
    List<Component> cs = new ArrayList<>(set.components());
    cs.sort(Comparator.comparing(Component::key));
    for (Component c : cs) {
      StringBuilder sb = new StringBuilder(c.key()).append(' ')
          .append(c.versionKind().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(c.scope().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(c.direct() ? "direct" : "transitive").append(" @");
      if (!c.source().file().equals(display)) {
        sb.append(c.source().file().substring(c.source().file().lastIndexOf('/') + 1)).append(':');
      }
      sb.append(c.source().startLine());
      if (!c.dependsOn().isEmpty()) {
        sb.append(" deps=").append(String.join(",", c.dependsOn().stream().sorted().toList()));
      }
      if (!c.hashes().isEmpty()) {
        sb.append(" hashes=").append(String.join(",", c.hashes().keySet()));
      }
      if (!c.licenses().isEmpty()) {
        sb.append(" licenses=").append(String.join(",", c.licenses()));
      }
      c.properties().forEach((k, v) -> {
        if (!k.equals("maven:scope")) {
          sb.append(' ').append(k).append('=').append(v.replace(' ', '_'));
        }
      });
      out.add(sb.toString());
    }
    for (ScanError e : r.errors()) {
      out.add("error @" + e.line() + " " + e.kind().label() + ": " + e.message());
    }
    return out;
  }
}
