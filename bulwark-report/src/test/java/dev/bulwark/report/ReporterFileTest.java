package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterFileTest {

  @TempDir Path dir;

  @Test
  void writesTheSameUtf8BytesAsTheWriterAndCreatesFolders() throws IOException {
    Reporter sarif = Reporters.of(ReportFormat.SARIF, SampleReports.goldenOptions());
    Path file = dir.resolve("out/nested/bulwark.sarif");
    sarif.write(SampleReports.representative(), file);
    StringWriter expected = new StringWriter();
    sarif.write(SampleReports.representative(), expected);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void replacesAnOlderReportAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("bulwark.json");
    Files.writeString(file, "old content that is longer than nothing");
    Reporters.of(ReportFormat.JSON, ReportOptions.defaults()).write(SampleReports.empty(), file);
    assertThat(Files.readString(file)).startsWith("{\n  \"schemaVersion\": \"1.1\",");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void givesTheReportTheSamePermissionsAsAnyNewFile() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "x");
    Path report = dir.resolve("bulwark.xml");
    Reporters.of(ReportFormat.JUNIT, ReportOptions.defaults()).write(SampleReports.empty(), report);
    assertThat(Files.getPosixFilePermissions(report))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }
}
