package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.ScanError.Kind;
import dev.bulwark.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

  private static ScanError onlyError(TemplateReader.Result r) {
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0);
  }

  private static void fatal(String fixture, Kind kind, int line, String messagePart) {
    TemplateReader.Result r = Fixtures.result(fixture);
    assertThat(r.template()).isNull();
    ScanError e = onlyError(r);
    assertThat(e.file()).isEqualTo(fixture);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.message()).contains(messagePart);
  }

  @Test
  void duplicateKeysAreReportedAndTheLastValueWins() {
    TemplateReader.Result r = Fixtures.result("bad/duplicate-keys.yaml");
    ScanError e = onlyError(r);
    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.message()).isEqualTo("duplicate key 'Timeout' (first at line 6); the last value is used");
    assertThat(scalar(prop(r.template(), "Fn", "Timeout"))).isEqualTo("900");
  }

  @Test
  void duplicateKeysInJsonAreReportedToo() {
    TemplateReader.Result r =
        Fixtures.text("{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"},\n \"T\": {\"Type\": \"AWS::SQS::Queue\"}}}");
    assertThat(onlyError(r).line()).isEqualTo(2);
    assertThat(r.template().resources().get("T").type()).isEqualTo("AWS::SQS::Queue");
  }

  @Test
  void malformedYamlIsAParseErrorWithItsLine() {
    fatal("bad/malformed.yaml", Kind.PARSE, 7, "YAML syntax");
  }

  @Test
  void malformedJsonIsAParseErrorWithItsLine() {
    fatal("bad/malformed.json", Kind.PARSE, 4, "JSON syntax");
  }

  @Test
  void yamlThatIsNotATemplateIsRefused() {
    fatal("bad/docker-compose.yaml", Kind.INVALID, 0, "not a CloudFormation template");
  }

  @Test
  void aTopLevelListIsNotATemplate() {
    fatal("bad/top-level-list.yaml", Kind.INVALID, 1, "the top level is a list");
  }

  @Test
  void binaryContentIsRefusedWithTheLineOfTheFirstNulByte() {
    fatal("bad/binary.yaml", Kind.PARSE, 5, "binary content");
  }

  @Test
  void textThatIsNotUtf8IsRefusedWithItsLineAndOffset() {
    fatal("bad/latin1.yaml", Kind.PARSE, 6, "not valid UTF-8 (byte 0xe9 at offset 117)");
  }

  @Test
  void anEmptyFileIsRefused(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("empty.yaml"), "# only a comment\n");
    TemplateReader.Result r = TemplateReader.read(f, "empty.yaml", dev.bulwark.iac.IacOptions.defaults());
    assertThat(onlyError(r).message()).isEqualTo("the file is empty");
    assertThat(r.template()).isNull();
  }

  @Test
  void aMissingFileIsAnIoError(@TempDir Path dir) {
    TemplateReader.Result r =
        TemplateReader.read(dir.resolve("gone.yaml"), "gone.yaml", dev.bulwark.iac.IacOptions.defaults());
    assertThat(onlyError(r).kind()).isEqualTo(Kind.IO);
    assertThat(onlyError(r).file()).isEqualTo("gone.yaml");
  }

  @Test
  void resourcesThatAreAListAreReportedAndTheTemplateIsEmpty() {
    TemplateReader.Result r = Fixtures.result("bad/resources-list.yaml");
    ScanError e = onlyError(r);
    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.line()).isEqualTo(2);
    assertThat(r.template().resources()).isEmpty();
  }

  @Test
  void malformedResourcesAreReportedAndTheRestIsRead() {
    TemplateReader.Result r = Fixtures.result("bad/resource-shapes.yaml");
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly(
            "5 INVALID the Properties of resource NumberProps must be a mapping; they are ignored",
            "6 INVALID resource NoType has no Type; it is ignored",
            "10 INVALID the Type of resource TypeIsAList must be a string; it is ignored",
            "11 INVALID resource NotAMap must be a mapping with a Type; it is ignored",
            "22 INVALID DependsOn of resource BadDependsOn must be an id or a list of ids");
    Template t = r.template();
    assertThat(t.resources()).containsOnlyKeys("NumberProps", "Unknown", "Custom", "BadDependsOn", "EmptyProps");
    assertThat(t.resources().get("NumberProps").properties().entries()).isEmpty();
    assertThat(t.resources().get("Unknown").type()).isEqualTo("Vendor::Thing::Widget");
    assertThat(scalar(prop(t, "Unknown", "Size"))).isEqualTo("3");
    assertThat(t.resources().get("Custom").type()).isEqualTo("Custom::Seeder");
    assertThat(t.resources().get("EmptyProps").properties().entries()).isEmpty();
  }

  @Test
  void onlyTheFirstYamlDocumentIsReadAndThatIsSaid() {
    TemplateReader.Result r = Fixtures.result("bad/multi-document.yaml");
    ScanError e = onlyError(r);
    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.message()).contains("several YAML documents; only the first is read");
    assertThat(r.template().resources()).containsOnlyKeys("First");
  }

  @Test
  void anUnknownTagIsReportedAndTheValueKept() {
    TemplateReader.Result r = Fixtures.result("bad/unknown-tag.yaml");
    ScanError e = onlyError(r);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.message()).isEqualTo("unknown tag !Shout; the value is read without it");
    assertThat(scalar(prop(r.template(), "T", "TopicName"))).isEqualTo("quiet");
  }

  @Test
  void anAliasInsideItsOwnAnchorIsRefused() {
    TemplateReader.Result r = Fixtures.text("Resources:\n  T: &loop\n    Type: AWS::SNS::Topic\n    Properties:\n      Self: *loop\n");
    assertThat(r.template()).isNull();
    assertThat(onlyError(r).kind()).isEqualTo(Kind.PARSE);
    assertThat(onlyError(r).line()).isEqualTo(5);
  }

  @Test
  void anAliasWithoutAnchorIsRefused() {
    TemplateReader.Result r = Fixtures.text("Resources:\n  T: *nowhere\n");
    assertThat(onlyError(r).kind()).isEqualTo(Kind.PARSE);
    assertThat(onlyError(r).line()).isEqualTo(2);
  }

  @Test
  void aTabInIndentationIsAParseError() {
    TemplateReader.Result r = Fixtures.text("Resources:\n  T:\n\tType: AWS::SNS::Topic\n");
    assertThat(r.template()).isNull();
    assertThat(onlyError(r).kind()).isEqualTo(Kind.PARSE);
    assertThat(onlyError(r).line()).isEqualTo(3);
  }

  @Test
  void aComplexMappingKeyIsIgnoredWithAnError() {
    TemplateReader.Result r =
        Fixtures.text("Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      ? [a, b]\n      : value\n      Name: n\n");
    assertThat(onlyError(r).line()).isEqualTo(5);
    assertThat(r.template().resources().get("T").properties().entries()).containsOnlyKeys("Name");
  }

  @Test
  void yamlAnchorsAliasesAndMergeKeysAreResolved() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              A:
                Type: AWS::SQS::Queue
                Properties: &defaults
                  VisibilityTimeout: 30
                  DelaySeconds: 5
              B:
                Type: AWS::SQS::Queue
                Properties:
                  <<: *defaults
                  DelaySeconds: 0
            """);
    assertThat(r.errors()).isEmpty();
    Node.MapNode b = Fixtures.properties(r.template(), "B");
    assertThat(b.entries()).containsOnlyKeys("DelaySeconds", "VisibilityTimeout");
    assertThat(scalar(b.get("DelaySeconds"))).isEqualTo("0");
    assertThat(scalar(b.get("VisibilityTimeout"))).isEqualTo("30");
  }

  @Test
  void yamlScalarTypesFollowYaml11AsCloudFormationReadsThem() {
    TemplateReader.Result r =
        Fixtures.text(
            """
            Resources:
              T:
                Type: AWS::SNS::Topic
                Properties:
                  Yes: yes
                  Off: Off
                  Quoted: "true"
                  Int: 0755
                  Float: 1.5e3
                  Date: 2012-10-17
                  Null: ~
                  Tagged: !!str 42
                  Version: 1.10
            """);
    Node.MapNode p = Fixtures.properties(r.template(), "T");
    List<String> kinds =
        p.entries().values().stream().map(n -> ((Node.Scalar) n).kind() + ":" + ((Node.Scalar) n).value()).toList();
    assertThat(kinds)
        .containsExactly(
            "BOOLEAN:true", "BOOLEAN:false", "STRING:true", "NUMBER:0755", "NUMBER:1.5e3",
            "STRING:2012-10-17", "NULL:null", "STRING:42", "NUMBER:1.10");
  }

  @Test
  void jsonMistakesThatYamlWouldAcceptStayErrorsInAJsonFile() {
    TemplateReader.Result r =
        TemplateReader.read(
            "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\",}}}",
            Path.of("t.json"),
            "t.json",
            dev.bulwark.iac.IacOptions.defaults());
    assertThat(r.template()).isNull();
    assertThat(onlyError(r).kind()).isEqualTo(Kind.PARSE);
  }

  @Test
  void flowStyleYamlThatLooksLikeJsonIsReadAsYaml() {
    TemplateReader.Result r =
        Fixtures.text("{AWSTemplateFormatVersion: 2010-09-09,\n Resources: {T: {Type: !Sub 'AWS::SNS::Topic'}}}");
    assertThat(r.template()).as("%s", r.errors()).isNotNull();
    assertThat(r.template().resources()).isEmpty();
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("Type of resource T"));
  }
}
