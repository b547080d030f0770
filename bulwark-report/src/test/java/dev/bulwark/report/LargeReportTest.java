package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** 10,000 findings in every format: complete, well-formed, and written in one streaming pass. */
class LargeReportTest {

  private static final int N = 10_000;
  private static Report report;

  @BeforeAll
  static void build() {
    report = SampleReports.large(N);
  }

  private static String render(ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    Reporters.of(format, ReportOptions.defaults()).write(report, out);
    return out.toString();
  }

  @Test
  void sarifHasEveryResultAndConformsToTheSchema() throws IOException {
    String out = render(ReportFormat.SARIF);
    JsonNode run = new ObjectMapper().readTree(out).path("runs").path(0);
    assertThat(run.path("results")).hasSize(N);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(4);
    assertThat(Schemas.sarifViolations(out)).isEmpty();
  }

  @Test
  void jsonHasEveryFinding() throws IOException {
    JsonNode root = new ObjectMapper().readTree(render(ReportFormat.JSON));
    assertThat(root.path("findings")).hasSize(N);
    assertThat(root.path("summary").path("findings").asInt()).isEqualTo(N);
  }

  @Test
  void junitHasATestCasePerFinding() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new ByteArrayInputStream(render(ReportFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(N);
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(N / 20);
  }

  @Test
  void textHasALinePerFindingAndTheSummary() throws IOException {
    String out = render(ReportFormat.TEXT);
    assertThat(out.lines().filter(l -> l.startsWith("    line "))).hasSize(N);
    assertThat(out).endsWith("10000 findings (2500 critical, 5000 high, 0 medium, 2500 low, "
        + "0 info), 0 suppressed, 500 templates scanned, 0 errors, in 1 min 15 s\n");
  }

  @Test
  void writesAsItGoesRatherThanAllAtTheEnd() throws IOException {
    for (ReportFormat format : ReportFormat.values()) {
      CountingWriter out = new CountingWriter();
      Reporters.of(format, ReportOptions.defaults()).write(report, out);
      assertThat(out.writesBeforeFlush).as(format + " writes before its final flush").isGreaterThan(10);
      assertThat(out.largestWrite).as(format + " largest single write").isLessThan(64 * 1024);
    }
  }

  /** Records how the reporter hands its output over. */
  private static final class CountingWriter extends Writer {
    int writesBeforeFlush;
    int largestWrite;
    boolean flushed;

    @Override
    public void write(char[] cbuf, int off, int len) {
      if (!flushed) {
        writesBeforeFlush++;
      }
      largestWrite = Math.max(largestWrite, len);
    }

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {}
  }
}
