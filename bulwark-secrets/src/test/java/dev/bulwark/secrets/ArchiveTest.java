package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment packages, layers and jars: scanned entry by entry under the archive limits. */
class ArchiveTest {

  private final FakeSecrets fake = new FakeSecrets(11);
  private final SecretScanner scanner = SecretScanner.withDefaults();

  @TempDir Path dir;

  @Test
  void scansEveryTextEntryAndNamesItAfterTheArchive() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("src/", new byte[0]);
    entries.put("src/handler.js", text("const a = 1;\nconst key = \"" + fake.value("sendgrid")
        + "\";\n"));
    entries.put("README.md", text("# orders\n"));
    entries.put("logo.png", fake.bytes(300));
    entries.put("data.bin", new byte[] {1, 0, 2, 0, 3});
    Path zip = zip("function.zip", entries);

    SecretScanResult result = scanner.scanPath(zip, "build/function.zip");

    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.location().file()).isEqualTo("build/function.zip!/src/handler.js");
      assertThat(f.location().startLine()).isEqualTo(2);
      assertThat(f.ruleId()).isEqualTo("SECRET-009");
    });
    assertThat(result.filesScanned()).isEqualTo(2);
    assertThat(result.binarySkipped()).isEqualTo(2);
  }

  @Test
  void opensAJarInsideALayer() throws IOException {
    byte[] jar = zipBytes(Map.of("config/app.properties",
        text("db.password=" + fake.value("password") + "\n")));
    Path layer = zip("layer.zip", Map.of("java/lib/app.jar", jar));

    SecretScanResult result = scanner.scanPath(layer, "layer.zip");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .containsExactly("layer.zip!/java/lib/app.jar!/config/app.properties");
  }

  @Test
  void leavesArchivesNestedBeyondTheDepthLimitClosedAndSaysSo() throws IOException {
    byte[] inner = zipBytes(Map.of("token.txt", text(fake.value("ghp"))));
    Path outer = zip("outer.zip", Map.of("inner.zip", inner, "top.txt", text(fake.value("ghp"))));
    SecretScanner shallow = SecretScanner.builder()
        .archiveLimits(ArchiveLimits.defaults().withMaxDepth(1)).build();

    SecretScanResult result = shallow.scanPath(outer, "outer.zip");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .containsExactly("outer.zip!/top.txt");
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("outer.zip!/inner.zip");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("nested deeper than 1 level");
    });
  }

  @Test
  void stopsAZipBombByItsCompressionRatioAndKeepsWhatCameBefore() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a.txt", text("A=" + fake.value("ghp") + "\n"));
    entries.put("bomb.txt", new byte[32 << 20]);
    entries.put("z.txt", text("Z=" + fake.value("ghp") + "\n"));
    Path zip = zip("bomb.zip", entries);

    SecretScanResult result = scanner.scanPath(zip, "bomb.zip");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .containsExactly("bomb.zip!/a.txt");
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("bomb.zip");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("bomb.zip!/bomb.txt inflates more than 100 times")
          .contains("rest of the archive was not scanned");
    });
  }

  @Test
  void stopsAtTheTotalUncompressedSize() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      entries.put("part" + i + ".txt", text("K=" + fake.value("ghp") + "\n"
          + fake.chars(FakeSecrets.BASE62, 60_000)));
    }
    Path zip = zip("parts.zip", entries);
    SecretScanner limited = SecretScanner.builder()
        .archiveLimits(ArchiveLimits.defaults().withMaxTotalBytes(150_000)).build();

    SecretScanResult result = limited.scanPath(zip, "parts.zip");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .containsExactly("parts.zip!/part0.txt", "parts.zip!/part1.txt");
    assertThat(result.errors()).singleElement().satisfies(e ->
        assertThat(e.message()).contains("more than 146.5 KiB uncompressed"));
  }

  @Test
  void stopsAtTheEntryCountLimit() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      entries.put(String.format("f%02d.txt", i), text("K=" + fake.value("ghp") + "\n"));
    }
    Path zip = zip("many.zip", entries);
    SecretScanner limited = SecretScanner.builder()
        .archiveLimits(ArchiveLimits.defaults().withMaxEntries(10)).build();

    SecretScanResult result = limited.scanPath(zip, "many.zip");

    assertThat(result.findings()).hasSize(10);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("more than 10 entries");
    });
  }

  @Test
  void skipsEntriesWhoseNamesEscapeTheArchiveAndScansTheRest() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../../etc/cron.d/evil", text("T=" + fake.value("ghp")));
    entries.put("/tmp/abs.txt", text("T=" + fake.value("ghp")));
    entries.put("C:\\Windows\\x.txt", text("T=" + fake.value("ghp")));
    entries.put("ok/app.py", text("T='" + fake.value("ghp") + "'"));
    Path zip = zip("slip.zip", entries);

    SecretScanResult result = scanner.scanPath(zip, "slip.zip");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .containsExactly("slip.zip!/ok/app.py");
    assertThat(result.errors()).hasSize(3).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
      assertThat(e.message()).contains("escapes the archive");
    });
  }

  @Test
  void reportsDamagedArchivesAndGoesOnWithTheOtherFiles() throws IOException {
    byte[] good = zipBytes(Map.of("a.txt", text("K=" + fake.value("ghp"))));
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    Files.write(dir.resolve("truncated.zip"), truncated);
    Files.write(dir.resolve("noise.jar"), fake.bytes(4000));
    Files.writeString(dir.resolve("notes.zip"), "not an archive at all\n");
    Files.writeString(dir.resolve("app.py"), "T = '" + fake.value("ghp") + "'\n");

    SecretScanResult result = scanner.scanPath(dir, "pkg");

    assertThat(result.findings()).extracting(f -> f.location().file())
        .contains("pkg/app.py");
    assertThat(result.errors()).extracting(ScanError::file)
        .contains("pkg/noise.jar", "pkg/notes.zip");
    assertThat(result.errors()).filteredOn(e -> e.file().equals("pkg/notes.zip"))
        .singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
          assertThat(e.message()).isEqualTo("not a zip archive (no entries found)");
        });
    assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("\tat "));
  }

  @Test
  void appliesTestAndSkippedFoldersInsideArchives() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("app/main.py", text("T = '" + fake.value("ghp") + "'"));
    entries.put("app/tests/test_main.py", text("T = '" + fake.value("ghp") + "'"));
    entries.put("node_modules/lib/index.js", text("T = '" + fake.value("ghp") + "'"));
    Path zip = zip("fn.zip", entries);

    assertThat(scanner.scanPath(zip, "fn.zip").findings()).extracting(f -> f.location().file())
        .containsExactly("fn.zip!/app/main.py");
  }

  @Test
  void leavesArchivesAloneWhenToldTo() throws IOException {
    Path zip = zip("fn.zip", Map.of("a.txt", text("T=" + fake.value("ghp"))));

    SecretScanResult result = SecretScanner.builder().scanArchives(false).build()
        .scanPath(dir, "pkg");

    assertThat(Files.exists(zip)).isTrue();
    assertThat(result.findings()).isEmpty();
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void scansACompressibleEntryBelowTheRatioThreshold() throws IOException {
    String repeated = "INFO request served in 12 ms\n".repeat(30_000);
    Path zip = zip("logs.zip", Map.of("app.log", text(repeated + "K=" + fake.value("ghp"))));

    SecretScanResult result = scanner.scanPath(zip, "logs.zip");

    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("SECRET-004");
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, zipBytes(entries));
    return p;
  }

  static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
