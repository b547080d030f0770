package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterFileTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ParameterFileTest.class.getClassLoader().getResource("parse/paramfiles/" + name).toURI());
  }

  @Test
  void readsTheCloudFormationListFormAndJoinsListValues() throws Exception {
    assertThat(ParameterFile.read(fixture("cli-list.json")))
        .containsExactly(
            Map.entry("Stage", "prod"), Map.entry("Memory", "1024"), Map.entry("Subnets", "subnet-1,subnet-2"));
  }

  @Test
  void readsTheCodePipelineFormIgnoringTags() throws Exception {
    assertThat(ParameterFile.read(fixture("codepipeline.json")))
        .containsExactly(Map.entry("Stage", "prod"), Map.entry("Tracing", "true"));
  }

  @Test
  void aParametersKeyMustHoldAMapOrAListOfEntries(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path wrappedList = dir.resolve("wrapped.json");
    java.nio.file.Files.writeString(wrappedList,
        "{\"Parameters\": [{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"}]}");
    assertThat(ParameterFile.read(wrappedList)).containsExactly(Map.entry("Stage", "prod"));
    Path numbers = dir.resolve("numbers.json");
    java.nio.file.Files.writeString(numbers, "{\"Parameters\": [1, 2]}");
    assertThatThrownBy(() -> ParameterFile.read(numbers))
        .isInstanceOf(ParameterFileException.class)
        .hasMessageContaining("numbers.json").hasMessageContaining("ParameterKey");
    Path scalar = dir.resolve("scalar.json");
    java.nio.file.Files.writeString(scalar, "{\"Parameters\": \"Stage=prod\"}");
    assertThatThrownBy(() -> ParameterFile.read(scalar))
        .isInstanceOf(ParameterFileException.class)
        .hasMessageContaining("Parameters must be a map");
  }

  @Test
  void readsAPlainMap() throws Exception {
    assertThat(ParameterFile.read(fixture("plain.json")))
        .containsExactly(Map.entry("Stage", "dev"), Map.entry("Zones", "a,b"), Map.entry("Empty", ""));
  }

  @Test
  void anEntryWithoutKeyIsRejectedWithItsLine() throws Exception {
    Path f = fixture("missing-key.json");
    assertThatThrownBy(() -> ParameterFile.read(f))
        .isInstanceOfSatisfying(ParameterFileException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.file()).isEqualTo(f.toString());
          assertThat(e.getMessage()).isEqualTo(f + ":3: the entry has no ParameterKey");
        });
  }

  @Test
  void aNestedValueIsRejected() throws Exception {
    assertThatThrownBy(() -> ParameterFile.read(fixture("nested.json")))
        .isInstanceOfSatisfying(ParameterFileException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.reason()).isEqualTo("the value of Stage must be a string, a number or a list");
        });
  }

  @Test
  void malformedJsonIsRejectedWithTheLineOfTheSyntaxError() throws Exception {
    assertThatThrownBy(() -> ParameterFile.read(fixture("broken.json")))
        .isInstanceOfSatisfying(ParameterFileException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).startsWith("JSON syntax:");
        });
  }

  @Test
  void aMissingFileIsRejectedWithItsName(@TempDir Path dir) {
    Path f = dir.resolve("nope.json");
    assertThatThrownBy(() -> ParameterFile.read(f))
        .isInstanceOf(ParameterFileException.class)
        .hasMessageStartingWith(f + ": cannot read the file");
  }

  @Test
  void aScalarDocumentIsRejected(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("p.json"), "\n\n\"just a string\"\n");
    assertThatThrownBy(() -> ParameterFile.read(f))
        .isInstanceOfSatisfying(ParameterFileException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void aDuplicateKeyIsRejected(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("p.json"), "{\"A\": \"1\",\n \"A\": \"2\"}");
    assertThatThrownBy(() -> ParameterFile.read(f))
        .isInstanceOfSatisfying(ParameterFileException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.reason()).contains("duplicate key 'A'");
        });
  }
}
