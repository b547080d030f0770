package dev.bulwark.iac.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateReader;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value of every fixture replaced by a value of another shape (a list, a map, an unresolvable
 * value, a condition with a missing branch, an empty string): mapping never fails, never reports an
 * internal error, and keeps every declared resource.
 */
class MappingRobustnessTest {

  private static final List<String> FIXTURES =
      List.of(
          "sam-function.yaml",
          "sam-function-extras.yaml",
          "sam-policies.yaml",
          "sam-api.yaml",
          "sam-events.yaml",
          "cfn-lambda-iam.yaml",
          "cfn-apigateway.yaml",
          "cfn-messaging-data.yaml",
          "cfn-invokers.yaml",
          "relations.yaml",
          "cdk-stack.template.json");

  private static final Map<String, UnaryOperator<Node>> MUTATIONS = new LinkedHashMap<>();

  static {
    MUTATIONS.put("list", n -> new Node.ListNode(List.of(n), n.location()));
    MUTATIONS.put(
        "map",
        n -> new Node.MapNode(Map.of("Oops", n), Map.of("Oops", n.location()), n.location()));
    MUTATIONS.put(
        "unknown", n -> new Node.Unknown("Fn::ImportValue", "from another stack", n.location()));
    MUTATIONS.put(
        "choice", n -> new Node.Choice("Maybe", n, new Node.Absent(n.location()), n.location()));
    MUTATIONS.put("empty", n -> new Node.Scalar("", Node.Scalar.Kind.STRING, n.location()));
    MUTATIONS.put("null", n -> new Node.Scalar(null, Node.Scalar.Kind.NULL, n.location()));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String f : FIXTURES) {
      for (String m : MUTATIONS.keySet()) {
        out.add(Arguments.of(f, m));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with every value as {1}")
  @MethodSource("cases")
  void mappingSurvivesValuesOfTheWrongShape(String fixture, String mutation) {
    Template t =
        TemplateReader.read(Fixtures.path(fixture), fixture, IacOptions.defaults()).template();
    assertThat(t).isNotNull();
    UnaryOperator<Node> m = MUTATIONS.get(mutation);
    Map<String, TemplateResource> mutated = new LinkedHashMap<>();
    for (TemplateResource r : t.resources().values()) {
      mutated.put(
          r.logicalId(),
          new TemplateResource(
              r.logicalId(),
              r.type(),
              r.location(),
              r.typeLocation(),
              (Node.MapNode) mutate(r.properties(), m),
              (Node.MapNode) mutate(r.metadata(), m),
              r.dependsOn(),
              r.condition()));
    }
    Template broken =
        new Template(
            t.file(),
            t.path(),
            t.location(),
            t.isSam(),
            (Node.MapNode) mutate(t.globals(), m),
            mutated,
            t.errors());

    MappingResult result = ModelMapper.map(broken);

    assertThat(result.errors()).noneMatch(e -> e.kind() == ScanError.Kind.INTERNAL);
    if (mutation.equals("list") || mutation.equals("map")) {
      assertThat(result.errors()).as("values of the wrong shape are reported").isNotEmpty();
    }
    assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).isPositive());
    for (String id : t.resources().keySet()) {
      assertThat(result.model().resource(id)).as(id).isPresent();
    }
  }

  /** The same tree with every scalar and reference leaf replaced; keys and maps kept. */
  private static Node mutate(Node n, UnaryOperator<Node> m) {
    if (n instanceof Node.MapNode map) {
      Map<String, Node> entries = new LinkedHashMap<>();
      Map<String, SourceLocation> keys = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : map.entries().entrySet()) {
        entries.put(e.getKey(), mutate(e.getValue(), m));
        keys.put(e.getKey(), map.keyLocation(e.getKey()));
      }
      return new Node.MapNode(entries, keys, map.location());
    }
    if (n instanceof Node.ListNode l) {
      List<Node> items = new ArrayList<>();
      for (Node i : l.items()) {
        items.add(mutate(i, m));
      }
      return new Node.ListNode(items, l.location());
    }
    return m.apply(n);
  }
}
