package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The representative report in every format, compared byte for byte with {@code
 * src/test/resources/golden/}. After an intended change, regenerate with {@code
 * ./mvnw -o -pl bulwark-report -am verify -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0} with {1} options matches {2}")
  @CsvSource({
    "TEXT, golden, report.txt",
    "TEXT, all, report-with-suppressed.txt",
    "JSON, golden, report.json",
    "SARIF, golden, report.sarif",
    "JUNIT, golden, report.xml",
  })
  void rendersTheRepresentativeReportExactlyAsTheGoldenFile(
      ReportFormat format, String options, String golden) throws IOException {
    ReportOptions opts =
        options.equals("all")
            ? SampleReports.goldenOptions().toBuilder().includeSuppressed(true).build()
            : SampleReports.goldenOptions();
    StringWriter out = new StringWriter();
    Reporters.of(format, opts).write(SampleReports.representative(), out);
    String actual = out.toString();

    Path file = GOLDEN.resolve(golden);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file; create it with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
