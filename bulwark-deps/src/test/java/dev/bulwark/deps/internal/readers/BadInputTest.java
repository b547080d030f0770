package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.DepsLimits;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Malformed, hostile and huge input: one clear error naming file and place, never an exception. */
class BadInputTest {

  private static ReadResult parse(Format format, String display, byte[] bytes) {
    return Collector.parse(new SourceFile(display, bytes), format,
        new FilesContext(new HashMap<>(), DepsLimits.defaults(), p -> null));
  }

  private static ReadResult parse(Format format, String display, String text) {
    return parse(format, display, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void namesTheLineOfBrokenJson() {
    ReadResult r = parse(Format.NPM_LOCK, "package-lock.json",
        "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": 1.0.0}\n  }\n}");
    assertThat(r.components()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("package-lock.json");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).startsWith("invalid JSON: ");
    });
  }

  @Test
  void refusesJsonNestedBeyondTheLimit() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    ReadResult r = parse(Format.NPM_LOCK, "package-lock.json", deep);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("nested deeper");
    });
  }

  @Test
  void refusesAYamlAliasBomb() {
    StringBuilder y = new StringBuilder("lockfileVersion: '9.0'\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }
    ReadResult r = parse(Format.PNPM_LOCK, "pnpm-lock.yaml", y.toString());
    assertThat(r.components()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("pnpm-lock.yaml");
      assertThat(e.kind()).isIn(ScanError.Kind.LIMIT, ScanError.Kind.PARSE);
    });
  }

  @Test
  void refusesInvalidUtf8() {
    ReadResult r = parse(Format.REQUIREMENTS, "requirements.txt",
        new byte[] {'a', '=', '=', '1', (byte) 0xc3, (byte) 0x28, '\n'});
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).isEqualTo("not valid UTF-8 text");
    });
  }

  @Test
  void namesTheLineOfBrokenYaml() {
    ReadResult r = parse(Format.PNPM_LOCK, "pnpm-lock.yaml", "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0: {\n");
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.line()).isGreaterThanOrEqualTo(3);
      assertThat(e.message()).startsWith("invalid YAML: ");
    });
  }

  @Test
  void reportsTomlSyntaxErrors() {
    ReadResult r = parse(Format.UV_LOCK, "uv.lock", "version = 1\n[[package]\nname = \"x\"\n");
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).startsWith("invalid TOML: ");
    });
  }

  @Test
  void reportsAYarnEntryItCannotRead() {
    ReadResult r = parse(Format.YARN_LOCK, "yarn.lock",
        "# yarn lockfile v1\n\nfoo@^1.0.0:\n  resolved \"x\"\n\nnot a header\nbar@^2.0.0:\n  version \"2.0.1\"\n");
    assertThat(r.components()).extracting(c -> c.key()).containsExactly("npm:bar@2.0.1");
    assertThat(r.errors()).extracting(ScanError::line).containsExactly(3, 6);
  }

  @Test
  void readsAHugeRequirementsFileInOnePass() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      sb.append("pkg").append(i).append("==1.0.").append(i).append('\n');
    }
    ReadResult r = parse(Format.REQUIREMENTS, "requirements.txt", sb.toString());
    assertThat(r.errors()).isEmpty();
    assertThat(r.components()).hasSize(50_000);
  }

  @Test
  void keepsAnIncludeCycleFinite() {
    var files = new HashMap<String, SourceFile>();
    files.put("a.txt", SourceFile.of("a.txt", "-r b.txt\nx==1\n"));
    files.put("b.txt", SourceFile.of("b.txt", "-r a.txt\ny==2\n"));
    ReadResult r = Collector.parse(files.get("a.txt"), Format.REQUIREMENTS,
        new FilesContext(files, DepsLimits.defaults(), p -> null));
    assertThat(r.components()).extracting(c -> c.key()).containsExactlyInAnyOrder("pypi:x@1", "pypi:y@2");
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void keepsAParentPomCycleFinite() {
    var files = new HashMap<String, SourceFile>();
    files.put("a/pom.xml", SourceFile.of("a/pom.xml", "<project><parent><groupId>g</groupId><artifactId>b</artifactId>"
        + "<version>1</version><relativePath>../b/pom.xml</relativePath></parent><artifactId>a</artifactId>"
        + "<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${v}</version>"
        + "</dependency></dependencies></project>"));
    files.put("b/pom.xml", SourceFile.of("b/pom.xml", "<project><parent><groupId>g</groupId><artifactId>a</artifactId>"
        + "<version>1</version><relativePath>../a/pom.xml</relativePath></parent><groupId>g</groupId>"
        + "<artifactId>b</artifactId><properties><v>${v}.1</v></properties></project>"));
    ReadResult r = Collector.parse(files.get("a/pom.xml"), Format.MAVEN_POM,
        new FilesContext(files, DepsLimits.defaults(), p -> null));
    assertThat(r.components()).singleElement().satisfies(c ->
        assertThat(c.versionKind()).isEqualTo(dev.bulwark.deps.Component.VersionKind.DECLARED_RANGE));
  }
}
