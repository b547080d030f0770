package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Node;
import org.junit.jupiter.api.Test;

class LocationsTest {

  private static void lines(SourceLocation l, int start, int end) {
    assertThat(l.startLine()).as("start of %s", l).isEqualTo(start);
    assertThat(l.endLine()).as("end of %s", l).isEqualTo(end);
  }

  @Test
  void yamlResourcesSpanFromTheirIdToTheirLastLine() {
    Template t = Fixtures.template("locations/template.yaml");
    assertThat(t.file()).isEqualTo("locations/template.yaml");
    lines(t.location(), 1, 29);
    TemplateResource api = t.resources().get("Api");
    lines(api.location(), 8, 11);
    lines(api.typeLocation(), 9, 9);
    TemplateResource handler = t.resources().get("Handler");
    lines(handler.location(), 13, 29);
    assertThat(handler.location().startColumn()).isEqualTo(3);
    assertThat(handler.dependsOn()).containsExactly("Api");
    lines(handler.metadata().keyLocation("Owner"), 28, 28);
  }

  @Test
  void yamlValuesAndKeysKeepTheirOwnLinesAndColumns() {
    Template t = Fixtures.template("locations/template.yaml");
    Node.MapNode props = Fixtures.properties(t, "Handler");
    lines(props.location(), 16, 26);
    lines(props.keyLocation("Runtime"), 16, 16);
    Node runtime = props.get("Runtime");
    lines(runtime.location(), 16, 16);
    assertThat(runtime.location().startColumn()).isEqualTo(16);
    lines(props.get("Policy").location(), 17, 20);
    assertThat(scalar(props.get("Policy"))).startsWith("{\n  \"Statement\"");
    Node.MapNode get = (Node.MapNode) ((Node.MapNode) props.get("Events")).get("Get");
    lines(get.location(), 22, 22);
    lines(((Node.MapNode) get.get("Properties")).get("Method").location(), 22, 22);
    lines(props.get("Role").location(), 23, 25);
    lines(props.get("Name").location(), 26, 26);
    lines(props.keyLocation("Name"), 26, 26);
  }

  @Test
  void samGlobalsAreResolvedAndTheTransformMakesTheTemplateSam() {
    Template t = Fixtures.template("locations/template.yaml");
    assertThat(t.isSam()).isTrue();
    Node timeout = t.globals().path("Function", "Timeout");
    assertThat(scalar(timeout)).isEqualTo("30");
    lines(timeout.location(), 6, 6);
  }

  @Test
  void jsonValuesKeysAndObjectsHaveTheirLines() {
    Template t = Fixtures.template("locations/template.json");
    assertThat(t.isSam()).isFalse();
    lines(t.location(), 1, 22);
    TemplateResource queue = t.resources().get("Queue");
    lines(queue.location(), 4, 16);
    lines(queue.typeLocation(), 5, 5);
    Node.MapNode props = queue.properties();
    lines(props.location(), 6, 15);
    lines(props.keyLocation("VisibilityTimeout"), 7, 7);
    assertThat(((Node.Scalar) props.get("VisibilityTimeout")).kind()).isEqualTo(Node.Scalar.Kind.NUMBER);
    lines(props.get("Tags").location(), 8, 10);
    Node.MapNode redrive = (Node.MapNode) props.get("RedrivePolicy");
    lines(redrive.location(), 11, 14);
    Node arn = redrive.get("deadLetterTargetArn");
    assertThat(arn).isInstanceOf(Node.Reference.class);
    lines(arn.location(), 12, 12);
    lines(redrive.keyLocation("maxReceiveCount"), 13, 13);
    lines(t.resources().get("Dlq").location(), 17, 17);
    assertThat(t.resources().get("Dlq").dependsOn()).containsExactly("Queue2");
    lines(t.resources().get("Queue2").location(), 18, 20);
  }

  @Test
  void aByteOrderMarkAndCrLfLineEndingsDoNotShiftLines() {
    TemplateReader.Result r = Fixtures.result("locations/bom-crlf.yaml");
    assertThat(r.errors()).isEmpty();
    Template t = r.template();
    lines(t.resources().get("Topic").location(), 3, 6);
    Node name = prop(t, "Topic", "TopicName");
    assertThat(scalar(name)).isEqualTo("crlf");
    lines(name.location(), 6, 6);
  }

  @Test
  void minifiedJsonPutsEverythingOnLineOne() {
    TemplateReader.Result r =
        Fixtures.text("{\"Resources\":{\"T\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"A\":1}}}}");
    Template t = r.template();
    lines(t.location(), 1, 1);
    lines(prop(t, "T", "A").location(), 1, 1);
    assertThat(prop(t, "T", "A").location().startColumn()).isEqualTo(63);
  }
}
