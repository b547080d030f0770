package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact forms behind mappings and attributes behave like the maps and lists they replace. */
class CompactValuesTest {

  private static final SourceLocation AT = SourceLocation.of("t.yaml", 2);

  private static SourceLocation line(int n) {
    return SourceLocation.of("t.yaml", n);
  }

  private static Node.Scalar text(String v) {
    return new Node.Scalar(v, Node.Scalar.Kind.STRING, AT);
  }

  @Test
  void frozenMapKeepsOrderAndAnswersLikeALinkedHashMapSmallAndIndexed() {
    for (int n : new int[] {0, 1, 5, FrozenMap.INDEXED - 1, FrozenMap.INDEXED, 40, 1000}) {
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int i = n - 1; i >= 0; i--) {
        expected.put("key" + (i * 7919 % 1009), i);
      }
      FrozenMap<Integer> frozen = FrozenMap.copyOf(expected);
      assertThat(frozen).isEqualTo(expected);
      assertThat(expected).isEqualTo(frozen);
      assertThat(frozen.hashCode()).isEqualTo(expected.hashCode());
      assertThat(new ArrayList<>(frozen.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
      assertThat(new ArrayList<>(frozen.values())).isEqualTo(new ArrayList<>(expected.values()));
      assertThat(new ArrayList<>(frozen.entrySet()))
          .isEqualTo(new ArrayList<>(expected.entrySet()));
      for (String k : expected.keySet()) {
        assertThat(frozen.get(k)).as("get %s of %d", k, n).isEqualTo(expected.get(k));
        // a different instance with the same text is found as well
        assertThat(frozen.containsKey(new String(k.toCharArray()))).isTrue();
      }
      assertThat(frozen.get("absent")).isNull();
      assertThat(frozen.containsKey(42)).isFalse();
      assertThat(frozen.get(null)).isNull();
    }
  }

  @Test
  void frozenMapRefusesChangesAndNullsAndIsNotCopiedTwice() {
    FrozenMap<String> frozen = FrozenMap.copyOf(Map.of("a", "1"));
    assertThatThrownBy(() -> frozen.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(FrozenMap.<String>copyOf(frozen)).isSameAs(frozen);
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("a", null);
    assertThatThrownBy(() -> FrozenMap.copyOf(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void keyLocationsShareTheEntriesKeysOnlyWhenTheKeysMatch() {
    Map<String, Node> entries = new LinkedHashMap<>();
    entries.put("Runtime", text("python3.12"));
    entries.put("Handler", text("app.handler"));
    Map<String, SourceLocation> same = new LinkedHashMap<>();
    same.put("Runtime", line(3));
    same.put("Handler", line(4));
    Node.MapNode m = new Node.MapNode(entries, same, AT);
    assertThat(((FrozenMap<?>) m.keyLocations()).sharesKeysWith((FrozenMap<?>) m.entries()))
        .isTrue();
    assertThat(m.keyLocation("Handler")).isEqualTo(line(4));

    Map<String, SourceLocation> other = new LinkedHashMap<>();
    other.put("Handler", line(4));
    other.put("Runtime", line(3));
    Node.MapNode swapped = new Node.MapNode(entries, other, AT);
    assertThat(((FrozenMap<?>) swapped.keyLocations())
            .sharesKeysWith((FrozenMap<?>) swapped.entries()))
        .isFalse();
    assertThat(swapped.keyLocation("Runtime")).isEqualTo(line(3));
    assertThat(swapped).isEqualTo(new Node.MapNode(entries, other, AT));
  }

  @Test
  void mapNodeBuilderKeepsTheFirstPositionOfARepeatedKeyAndTheLastValue() {
    Node.MapNode.Builder b = Node.MapNode.builder(1);
    for (int i = 0; i < 20; i++) {
      b.put("k" + i, line(i + 1), text("v" + i));
    }
    b.put("k3", line(99), text("again"));
    b.put("k15", line(98), text("again too"));
    assertThat(b.get("k3")).isEqualTo(text("again"));
    assertThat(b.size()).isEqualTo(20);
    Node.MapNode m = b.build(AT);
    assertThat(m.entries().keySet()).startsWith("k0", "k1", "k2", "k3", "k4").hasSize(20);
    assertThat(m.get("k3")).isEqualTo(text("again"));
    assertThat(m.keyLocation("k3")).isEqualTo(line(99));
    assertThat(m.keyLocation("k15")).isEqualTo(line(98));
    assertThat(m.keyLocation("k16")).isEqualTo(line(17));
    assertThat(m.path("k0")).isEqualTo(text("v0"));
    assertThat(m.shape()).startsWith("{k0: v0, k1: v1, k2: v2, k3: again,");
  }

  @Test
  void anAttributeWithOneValueReadsLikeAListOfOne() {
    Attr<String> one = Attr.of("Active", AT);
    assertThat(one.values()).containsExactly("Active");
    assertThat(one.value()).contains("Active");
    assertThat(one.isEqualTo("Active")).isTrue();
    assertThat(one.isEqualTo("PassThrough")).isFalse();
    assertThat(one.is(v -> v.startsWith("A"))).isTrue();
    assertThat(one.mayBe(v -> v.startsWith("P"))).isFalse();
    assertThat(one).isEqualTo(Attr.oneOf(List.of("Active"), AT));
    assertThat(one.hashCode()).isEqualTo(Attr.oneOf(List.of("Active"), AT).hashCode());
    assertThat(one.map(String::length).get()).isEqualTo(6);
  }

  @Test
  void anAttributeWithSeveralValuesMatchesOnlyWhenEveryOneDoes() {
    Attr<String> two = Attr.oneOf(List.of("Active", "PassThrough"), AT);
    assertThat(two.values()).containsExactly("Active", "PassThrough");
    assertThat(two.value()).isEmpty();
    assertThat(two.isEqualTo("Active")).isFalse();
    assertThat(two.is(v -> v.length() > 3)).isTrue();
    assertThat(two.mayBe(v -> v.equals("PassThrough"))).isTrue();
    assertThat(two.shape()).isEqualTo("Active | PassThrough");
    assertThat(Attr.oneOf(List.of("Active", "Active"), AT).isEqualTo("Active")).isTrue();
  }

  @Test
  void absentAndUnknownAttributesHaveNoValues() {
    Attr<String> absent = Attr.absent(AT);
    Attr<String> unknown = Attr.unknown(AT, "${Param}", List.of());
    assertThat(absent.values()).isEmpty();
    assertThat(unknown.values()).isEmpty();
    assertThat(absent.isEqualTo("x")).isFalse();
    assertThat(unknown.is(v -> true)).isFalse();
    assertThat(unknown.mayBe(v -> false)).isTrue();
    assertThat(absent.mayBe(v -> true)).isFalse();
    assertThat(absent.isAbsentOr(v -> false)).isTrue();
  }

  @Test
  void managedPolicySummariesAreSharedAndLocatedNowhere() {
    PolicyDocument a = AwsManagedPolicies.summary("AmazonS3FullAccess").orElseThrow();
    PolicyDocument b =
        AwsManagedPolicies.summary("arn:aws:iam::aws:policy/AmazonS3FullAccess").orElseThrow();
    assertThat(a).isSameAs(b);
    assertThat(a.location()).isEqualTo(SourceLocation.NONE);
    assertThat(a.allows()).isNotEmpty();
    assertThat(AwsManagedPolicies.summary("arn:aws:iam::123456789012:policy/Mine")).isEmpty();
  }

  @Test
  void definiteStatementsAndAllowsLeaveOutConditionalAndDenyStatements() {
    Statement allow = Statement.allow(List.of("s3:GetObject"), List.of("*"), AT);
    Statement deny = new Statement(Attr.absent(AT), Attr.of("Deny", AT), allow.actions(), false,
        allow.resources(), false, List.of(), false, List.of(), true, null, AT);
    Statement conditional = new Statement(Attr.absent(AT), Attr.of("Allow", AT), allow.actions(),
        false, allow.resources(), false, List.of(), false, List.of(), true, "IsProd", AT);
    PolicyDocument plain = PolicyDocument.of(List.of(allow, allow), AT);
    assertThat(plain.definiteStatements()).isSameAs(plain.statements());
    assertThat(plain.allows()).isSameAs(plain.statements());
    PolicyDocument mixed = PolicyDocument.of(List.of(allow, deny, conditional), AT);
    assertThat(mixed.definiteStatements()).containsExactly(allow, deny);
    assertThat(mixed.allows()).containsExactly(allow);
  }
}
