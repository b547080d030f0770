package dev.bulwark.iac.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateSnifferTest {

  static List<Path> templates() throws IOException {
    return list("recognition/yes");
  }

  static List<Path> others() throws IOException {
    return list("recognition/no");
  }

  private static List<Path> list(String folder) throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.path(folder))) {
      return s.sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void recognisesTemplates(Path file) throws IOException {
    assertThat(TemplateSniffer.looksLikeTemplate(file, Files.readAllBytes(file))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("others")
  void refusesFilesThatAreNotTemplates(Path file) throws IOException {
    assertThat(TemplateSniffer.looksLikeTemplate(file, Files.readAllBytes(file))).isFalse();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void everyRecognisedFixtureAlsoReads(Path file) {
    TemplateReader.Result r = TemplateReader.read(file, file.getFileName().toString(), dev.bulwark.iac.IacOptions.defaults());
    assertThat(r.template()).as("%s: %s", file.getFileName(), r.errors()).isNotNull();
  }

  @Test
  void decidesOnAHeadCutInTheMiddleOfTheFile() throws IOException {
    Path f = Fixtures.path("recognition/yes/stack.template.json");
    byte[] head = Arrays.copyOf(Files.readAllBytes(f), 200);
    assertThat(TemplateSniffer.looksLikeTemplate(f, head)).isTrue();
  }

  @Test
  void neverThrowsOnGarbage() {
    byte[][] inputs = {
      new byte[0], "{".getBytes(), "[1,2".getBytes(), "Resources:".getBytes(), "\"".getBytes(),
      "Transform".getBytes(), ":\n:\n".getBytes(), new byte[] {(byte) 0xEF, (byte) 0xBB},
      new byte[] {(byte) 0xFF, (byte) 0xFE, 'R', 0}, "'Resources".getBytes(), "{\"Resources\": {\"A\": 1}}".getBytes()
    };
    for (byte[] in : inputs) {
      assertThat(TemplateSniffer.looksLikeTemplate(Path.of("x.yaml"), in)).isFalse();
    }
  }
}
