package dev.bulwark.iac.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typed reads of resolved values, without the reader: every kind of node into every kind of
 * attribute.
 */
class PropsTest {

  private static SourceLocation at(int line) {
    return SourceLocation.of("t.yaml", line);
  }

  private static Node.Scalar str(String v, int line) {
    return new Node.Scalar(v, Node.Scalar.Kind.STRING, at(line));
  }

  private static Node.Scalar num(String v, int line) {
    return new Node.Scalar(v, Node.Scalar.Kind.NUMBER, at(line));
  }

  private static Node.MapNode map(Object... kv) {
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, SourceLocation> keys = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Node v = (Node) kv[i + 1];
      entries.put((String) kv[i], v);
      keys.put((String) kv[i], v.location());
    }
    return new Node.MapNode(
        entries, keys, entries.isEmpty() ? at(1) : entries.values().iterator().next().location());
  }

  private final MappingContext ctx =
      new MappingContext(
          new Template("t.yaml", Path.of("t.yaml"), at(1), true, map(), Map.of(), List.of()));

  private Props props(Object... kv) {
    return Props.of(ctx, "R", map(kv), at(1));
  }

  @Test
  void scalarsConvertAndKeepTheirLine() {
    Props p = props("Timeout", num("30", 4), "Enabled", str("TRUE", 5), "Rate", str("2.5", 6));
    assertThat(p.integer("Timeout").get()).isEqualTo(30);
    assertThat(p.integer("Timeout").location().startLine()).isEqualTo(4);
    assertThat(p.bool("Enabled").get()).isTrue();
    assertThat(p.decimal("Rate").get()).isEqualTo(2.5);
    assertThat(ctx.errors()).isEmpty();
  }

  @Test
  void missingKeysAreAbsentOrDefaultedAtTheOwner() {
    Props p = props();
    assertThat(p.str("Name").isAbsent()).isTrue();
    Attr<Integer> timeout = p.integer("Timeout", 3);
    assertThat(timeout.get()).isEqualTo(3);
    assertThat(timeout.isExplicit()).isFalse();
    assertThat(timeout.location()).isEqualTo(at(1));
    assertThat(p.sub("VpcConfig").strings("SubnetIds")).isEmpty();
  }

  @Test
  void wrongTypesAreReportedAndUnknown() {
    Props p = props("Timeout", str("soon", 7), "Name", map("a", str("b", 8)));
    assertThat(p.integer("Timeout").isUnknown()).isTrue();
    assertThat(p.str("Name").isUnknown()).isTrue();
    assertThat(ctx.errors())
        .extracting(ScanError::line, ScanError::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7, ScanError.Kind.INVALID),
            org.assertj.core.groups.Tuple.tuple(8, ScanError.Kind.INVALID));
  }

  @Test
  void choicesOfKnownScalarsAreOneOfAndOtherwiseUnknown() {
    Node.Choice either = new Node.Choice("IsProd", str("Active", 3), str("PassThrough", 3), at(3));
    Node.Choice maybe = new Node.Choice("IsProd", num("5", 4), new Node.Absent(at(4)), at(4));
    Props p = props("Tracing", either, "Reserved", maybe);
    Attr<String> tracing = p.str("Tracing");
    assertThat(tracing.values()).containsExactly("Active", "PassThrough");
    assertThat(tracing.is(t -> t.equals("Active"))).isFalse();
    assertThat(tracing.mayBe(t -> t.equals("Active"))).isTrue();
    assertThat(p.integer("Reserved").isUnknown()).isTrue();
  }

  @Test
  void referencesAndSingleResourceTextsAreResourceRefs() {
    Node.Text arn =
        new Node.Text(
            List.of(
                str("arn:aws:sqs:", 5),
                new Node.Unknown("AWS::Region", "deploy time", at(5)),
                str(":", 5),
                new Node.Unknown("AWS::AccountId", "deploy time", at(5)),
                str(":", 5),
                new Node.Reference("Jobs", "QueueName", at(5))),
            at(5));
    Node.Text twoResources =
        new Node.Text(
            List.of(
                new Node.Reference("A", null, at(6)),
                str("/", 6),
                new Node.Reference("B", null, at(6))),
            at(6));
    Node.Text parameterPart =
        new Node.Text(
            List.of(
                str("arn:", 7),
                new Node.Unknown("Env", "no value", at(7)),
                new Node.Reference("A", null, at(7))),
            at(7));
    Props p =
        props(
            "Ref",
            new Node.Reference("Role", "Arn", at(4)),
            "Sub",
            arn,
            "Two",
            twoResources,
            "Param",
            parameterPart,
            "Literal",
            str("arn:aws:sns:eu-west-1:123456789012:t", 8),
            "Import",
            new Node.Unknown("Fn::ImportValue", "other stack", at(9)));
    assertThat(p.ref("Ref").get()).isEqualTo(new Ref.ToResource("Role", "Arn"));
    assertThat(p.ref("Sub").get()).isEqualTo(new Ref.ToResource("Jobs", "QueueName"));
    assertThat(p.ref("Sub").location().startLine()).isEqualTo(5);
    assertThat(p.ref("Two").isUnknown()).isTrue();
    assertThat(p.ref("Two").references()).containsExactly("A", "B");
    assertThat(p.ref("Param").isUnknown()).isTrue();
    assertThat(p.ref("Literal").get())
        .isEqualTo(Ref.literal("arn:aws:sns:eu-west-1:123456789012:t"));
    assertThat(p.ref("Import").isUnknown()).isTrue();
    assertThat(p.ref("Import").shape()).isEqualTo("${Fn::ImportValue}");
  }

  @Test
  void unknownMapsMakeEveryNestedReadUnknown() {
    Props p = props("VpcConfig", new Node.Unknown("Fn::ImportValue", "other stack", at(3)));
    Props vpc = p.sub("VpcConfig");
    assertThat(vpc.isUnknown()).isTrue();
    assertThat(vpc.strings("SubnetIds"))
        .singleElement()
        .satisfies(a -> assertThat(a.isUnknown()).isTrue());
    assertThat(vpc.bool("Enabled", true).isUnknown()).isTrue();
    assertThat(ctx.errors()).isEmpty();
  }

  @Test
  void policyDocumentsMayBeWrittenAsJsonText() {
    Props p =
        props(
            "Policy",
            str(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                4));
    assertThat(p.policy("Policy").get().allows())
        .singleElement()
        .satisfies(s -> assertThat(s.appliesToAllResources()).isTrue());
    assertThat(p.policy("Policy").location().startLine()).isEqualTo(4);
  }

  @Test
  void globalsMergeScalarsMapsAndListsTheWaySamDoes() {
    Node.MapNode globals =
        map(
            "Function",
            map(
                "Timeout", num("10", 2),
                "Layers", new Node.ListNode(List.of(str("g", 3)), at(3)),
                "Environment", map("Variables", map("A", str("1", 4), "B", str("2", 5)))));
    Node.MapNode local =
        map(
            "Timeout", num("20", 10),
            "Layers", new Node.ListNode(List.of(str("l", 11)), at(11)),
            "Environment", map("Variables", map("B", str("3", 12))));
    Props p = Props.of(ctx, "Fn", Globals.apply(globals, "Function", local), at(9));
    assertThat(p.integer("Timeout").get()).isEqualTo(20);
    assertThat(p.strings("Layers")).extracting(Attr::get).containsExactly("g", "l");
    Props vars = p.sub("Environment").sub("Variables");
    assertThat(vars.str("A").get()).isEqualTo("1");
    assertThat(vars.str("A").location().startLine()).isEqualTo(4);
    assertThat(vars.str("B").get()).isEqualTo("3");
    assertThat(Globals.apply(globals, "Api", local)).isSameAs(local);
  }
}
