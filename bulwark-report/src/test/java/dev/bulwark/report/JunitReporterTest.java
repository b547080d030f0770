package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

  private static String xml(Report report) throws IOException {
    StringWriter out = new StringWriter();
    Reporters.of(ReportFormat.JUNIT, ReportOptions.defaults()).write(report, out);
    return out.toString();
  }

  /** Parses with the JDK's XML parser: throws on any well-formedness error. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element suite(Document doc, String name) {
    NodeList suites = doc.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element e = (Element) suites.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no suite " + name);
  }

  @Test
  void writesOneSuitePerFileWithConsistentCounts() throws Exception {
    Document doc = parse(xml(SampleReports.representative()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("10");
    assertThat(root.getAttribute("failures")).isEqualTo("5");
    assertThat(root.getAttribute("errors")).isEqualTo("2");
    assertThat(root.getAttribute("skipped")).isEqualTo("2");
    assertThat(root.getAttribute("time")).isEqualTo("1.234");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(6);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(10);

    Element template = suite(doc, "infra/template.yaml");
    assertThat(template.getAttribute("tests")).isEqualTo("5");
    assertThat(template.getAttribute("failures")).isEqualTo("3");
    assertThat(template.getAttribute("skipped")).isEqualTo("2");
    assertThat(template.getElementsByTagName("testcase").getLength()).isEqualTo(5);
    assertThat(template.getAttribute("timestamp")).isEqualTo("2025-03-14T09:26:53");
  }

  @Test
  void reportsEachFindingAsAFailureNamedByRuleAndResource() throws Exception {
    Element suite = suite(parse(xml(SampleReports.representative())), "infra/iam.yaml");
    Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("infra/iam.yaml");
    assertThat(testcase.getAttribute("name")).isEqualTo("IAM-002 ApiHandlerRole [Statement[0]]");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("critical");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("Role ApiHandlerRole allows Action \"*\" on Resource \"*\" & iam:PassRole <any>");
    assertThat(failure.getTextContent())
        .contains("at infra/iam.yaml:8-15")
        .contains("Remediation: Grant only the actions and resources the function uses.");
  }

  @Test
  void reportsScanErrorsAsErrorElementsAndSuppressedFindingsAsSkipped() throws Exception {
    Document doc = parse(xml(SampleReports.representative()));
    Element error = (Element) suite(doc, "infra/broken.yaml").getElementsByTagName("error")
        .item(0);
    assertThat(error.getAttribute("type")).isEqualTo("parse");
    assertThat(error.getTextContent())
        .isEqualTo("infra/broken.yaml:7: parse: mapping values are not allowed here");
    NodeList skipped = suite(doc, "infra/template.yaml").getElementsByTagName("skipped");
    assertThat(skipped.getLength()).isEqualTo(2);
    assertThat(((Element) skipped.item(0)).getAttribute("message"))
        .isEqualTo("suppressed (inline): Events are replayed from the bucket inventory");
  }

  @Test
  void givesACleanScannedFileOnePassingTestCase() throws Exception {
    Element clean = suite(parse(xml(SampleReports.representative())), "infra/clean.yaml");
    assertThat(clean.getAttribute("tests")).isEqualTo("1");
    Element testcase = (Element) clean.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("no findings");
    assertThat(testcase.getChildNodes().getLength()).isZero();
  }

  @Test
  void staysWellFormedWithControlCharactersMarkupAndAstralCharacters() throws Exception {
    String hostile = "a\u0000b\u001bc\uffff d\ud800e <x>&\"'\t\r\n]]> 🔑 é";
    Finding f = Finding.builder(SampleReports.PUBLIC_URL)
        .message(hostile)
        .resource(hostile, "AWS::Serverless::Function")
        .location(SourceLocation.of("dir/" + hostile + ".yaml", 2))
        .key(hostile)
        .build();
    Report report = new Report("bulwark", SampleReports.STARTED, Duration.ZERO, List.of(f),
        List.of(new ScanError(hostile, 1, ScanError.Kind.INVALID, hostile)), List.of(),
        List.of());
    String out = xml(report);
    assertThat(out.chars().allMatch(c -> c < 0x80)).as("pure ASCII").isTrue();
    Document doc = parse(out);
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    String expected = "a\\u0000b\\u001bc\\uffff d\\ud800e <x>&\"'\t\r\n]]> 🔑 é";
    assertThat(failure.getAttribute("message")).isEqualTo(expected);
    assertThat(failure.getTextContent()).contains(expected);
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo(expected);
  }

  @Test
  void emptyReportIsAnEmptyButValidDocument() throws Exception {
    Document doc = parse(xml(SampleReports.empty()));
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isZero();
  }
}
