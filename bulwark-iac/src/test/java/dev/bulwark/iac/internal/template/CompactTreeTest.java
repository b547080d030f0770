package dev.bulwark.iac.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsed tree's compact mappings and shared texts behave as ordered maps of the source. */
class CompactTreeTest {

  private static RawScalar scalar(String v) {
    return new RawScalar(v, Node.Scalar.Kind.STRING, 1, 1, 1);
  }

  @Test
  void rawMapKeepsSourceOrderBelowAndAboveTheIndexSize() {
    RawMap m = new RawMap(1, 1);
    for (int i = 0; i < 30; i++) {
      assertThat(m.put("k" + i, i + 1, 3, scalar("v" + i))).isNull();
      // every key so far is found, whether the map is searched linearly or through its index
      for (int j = 0; j <= i; j++) {
        assertThat(m.get("k" + j)).as("k%d after %d puts", j, i + 1).isEqualTo(scalar("v" + j));
      }
    }
    assertThat(m.count()).isEqualTo(30);
    assertThat(m.entryList()).extracting(Entry::key).startsWith("k0", "k1", "k2").endsWith("k29");
    assertThat(m.has("k31")).isFalse();
    assertThat(m.size()).isEqualTo(31);
  }

  @Test
  void aRepeatedKeyKeepsItsPlaceTakesTheNewValueAndReturnsTheOldEntry() {
    RawMap m = new RawMap(1, 1);
    m.put("A", 2, 3, scalar("first"));
    m.put("B", 3, 3, scalar("b"));
    Entry previous = m.put("A", 4, 3, scalar("second"));
    assertThat(previous.keyLine()).isEqualTo(2);
    assertThat(m.entryList()).extracting(Entry::key).containsExactly("A", "B");
    assertThat(m.entry("A").keyLine()).isEqualTo(4);
    assertThat(m.get("A")).isEqualTo(scalar("second"));
  }

  @Test
  void removingAKeyKeepsTheOthersFindableInOrder() {
    for (int n : new int[] {3, RawMap.INDEXED + 3}) {
      RawMap m = new RawMap(1, 1);
      for (int i = 0; i < n; i++) {
        m.put("k" + i, i + 1, 1, scalar("v" + i));
      }
      assertThat(m.remove("k1").value()).isEqualTo(scalar("v1"));
      assertThat(m.remove("k1")).isNull();
      assertThat(m.count()).isEqualTo(n - 1);
      assertThat(m.entryList()).extracting(Entry::key).startsWith("k0", "k2");
      for (int i = 0; i < n; i++) {
        assertThat(m.has("k" + i)).isEqualTo(i != 1);
      }
      assertThat(m.single()).isNull();
    }
  }

  @Test
  void equalShortTextsOfAFileAreOneInstanceAndKeysAreTheCanonicalOnes() throws Exception {
    StringBuilder yaml = new StringBuilder("Resources:\n");
    // texts are shared in large templates only
    for (int i = 0; yaml.length() < TreeBuilder.SHARE_FROM_LENGTH; i++) {
      yaml.append("  Fn").append(i).append(":\n    Type: AWS::Serverless::Function\n")
          .append("    Properties:\n      Runtime: python3.12\n      Handler: app.h")
          .append(i).append('\n');
    }
    List<ScanError> errors = new ArrayList<>();
    RawMap root = (RawMap) TemplateReader.parse(
        yaml.toString(), "inline.yaml", IacOptions.defaults().limits(), errors);
    assertThat(errors).isEmpty();
    RawMap resources = (RawMap) root.get("Resources");
    List<String> runtimes = new ArrayList<>();
    List<String> typeKeys = new ArrayList<>();
    for (Entry e : resources.entryList()) {
      RawMap body = (RawMap) e.value();
      typeKeys.add(body.entryList().get(0).key());
      runtimes.add(((RawScalar) ((RawMap) body.get("Properties")).get("Runtime")).value());
    }
    assertThat(runtimes.get(1)).isSameAs(runtimes.get(0));
    assertThat(runtimes.get(runtimes.size() - 1)).isSameAs(runtimes.get(0));
    assertThat(typeKeys.get(0)).isSameAs("Type");
    assertThat(typeKeys.get(typeKeys.size() - 1)).isSameAs("Type");
  }

  @Test
  void aSmallTemplateKeepsTheParsersTexts() throws Exception {
    String yaml = "Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n";
    RawMap root = (RawMap) TemplateReader.parse(
        yaml, "inline.yaml", IacOptions.defaults().limits(), new ArrayList<>());
    RawMap resources = (RawMap) root.get("Resources");
    String a = ((RawScalar) ((RawMap) resources.get("A")).get("Type")).value();
    String b = ((RawScalar) ((RawMap) resources.get("B")).get("Type")).value();
    assertThat(a).isEqualTo(b).isNotSameAs(b);
  }

  @Test
  void longTextsAreNotShared() throws Exception {
    String longValue = "x".repeat(100);
    String yaml = "# " + "-".repeat(TreeBuilder.SHARE_FROM_LENGTH) + "\nResources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
        + longValue + "\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
        + longValue + "\n";
    RawMap root = (RawMap) TemplateReader.parse(
        yaml, "inline.yaml", IacOptions.defaults().limits(), new ArrayList<>());
    RawMap resources = (RawMap) root.get("Resources");
    String a = ((RawScalar) ((RawMap) ((RawMap) resources.get("A")).get("Properties"))
        .get("QueueName")).value();
    String b = ((RawScalar) ((RawMap) ((RawMap) resources.get("B")).get("Properties"))
        .get("QueueName")).value();
    assertThat(a).isEqualTo(b).isNotSameAs(b);
  }
}
