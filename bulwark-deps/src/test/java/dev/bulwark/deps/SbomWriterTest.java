package dev.bulwark.deps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

class SbomWriterTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);
  private final SbomWriter writer = SbomWriter.create(CLOCK);

  private static Component c(Ecosystem e, String name, String version, VersionKind kind, Scope scope,
      boolean direct, Map<String, String> hashes, List<String> deps, List<String> licenses) {
    return new Component(e, name, version, kind, SourceLocation.of("fn/lock", 3), scope, direct, hashes, deps,
        licenses, Map.of());
  }

  private static List<Component> orders() {
    return List.of(
        c(Ecosystem.NPM, "@middy/core", "5.2.0", VersionKind.EXACT, Scope.RUNTIME, true,
            Map.of("SHA-512", "ab".repeat(64)), List.of("npm:ms@2.1.3"), List.of("MIT")),
        c(Ecosystem.NPM, "ms", "2.1.3", VersionKind.EXACT, Scope.RUNTIME, false, Map.of(), List.of(),
            List.of("(MIT OR Apache-2.0)")),
        c(Ecosystem.NPM, "jest", "^29.0.0", VersionKind.DECLARED_RANGE, Scope.DEVELOPMENT, true, Map.of(),
            List.of(), List.of("Some Custom License")),
        c(Ecosystem.GO, "github.com/aws/aws-lambda-go", "v1.46.0", VersionKind.EXACT, Scope.RUNTIME, true,
            Map.of("GO-H1", "cd".repeat(32)), List.of(), List.of()));
  }

  private static List<Component> thumbnails() {
    return List.of(
        c(Ecosystem.MAVEN, "org.yaml:snakeyaml", "1.33", VersionKind.EXACT, Scope.RUNTIME, false,
            Map.of("SHA-1", "12".repeat(20)), List.of(), List.of("apache-2.0")),
        c(Ecosystem.PYPI, "requests", "2.31.0", VersionKind.PINNED, Scope.RUNTIME, true, Map.of(), List.of(),
            List.of()),
        c(Ecosystem.NPM, "ms", "2.1.3", VersionKind.EXACT, Scope.RUNTIME, true, Map.of(), List.of(), List.of()));
  }

  @Test
  void writesAFunctionSbomThatValidatesAgainstCycloneDx16Json() throws Exception {
    String json = writer.function("OrdersFunction", orders(), SbomFormat.JSON);

    List<ParseException> problems = new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16);
    assertThat(problems).isEmpty();
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(root.path("metadata").path("timestamp").asText()).isEqualTo("2025-03-01T10:15:30Z");
    assertThat(root.path("metadata").path("component").path("name").asText()).isEqualTo("OrdersFunction");
    assertThat(root.path("metadata").path("tools").path("components").get(0).path("name").asText()).isEqualTo("bulwark");

    List<String> purls = new ArrayList<>();
    root.path("components").forEach(n -> purls.add(n.path("purl").asText()));
    assertThat(purls).containsExactly(
        "pkg:golang/github.com/aws/aws-lambda-go@v1.46.0",
        "pkg:npm/%40middy/core@5.2.0",
        "pkg:npm/jest",
        "pkg:npm/ms@2.1.3");
    JsonNode middy = root.path("components").get(1);
    assertThat(middy.path("group").asText()).isEqualTo("@middy");
    assertThat(middy.path("scope").asText()).isEqualTo("required");
    assertThat(middy.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-512");
    assertThat(middy.path("licenses").get(0).path("license").path("id").asText()).isEqualTo("MIT");
    JsonNode ms = root.path("components").get(3);
    assertThat(ms.path("licenses").get(0).path("expression").asText()).isEqualTo("MIT OR Apache-2.0");
    JsonNode jest = root.path("components").get(2);
    assertThat(jest.has("version")).as("a range is no version").isFalse();
    assertThat(jest.path("scope").asText()).isEqualTo("excluded");
    assertThat(jest.path("licenses").get(0).path("license").path("name").asText()).isEqualTo("Some Custom License");

    // the function depends on its direct components; @middy/core on ms
    Map<String, List<String>> graph = graph(root);
    assertThat(graph.get("bulwark:function:OrdersFunction")).containsExactlyInAnyOrder(
        "pkg:golang/github.com/aws/aws-lambda-go@v1.46.0", "pkg:npm/%40middy/core@5.2.0", "bulwark:npm:jest@^29.0.0");
    assertThat(graph.get("pkg:npm/%40middy/core@5.2.0")).containsExactly("pkg:npm/ms@2.1.3");
  }

  @Test
  void writesAnApplicationSbomWithOneComponentPerPackageAcrossFunctions() throws Exception {
    List<SbomGroup> groups = List.of(
        new SbomGroup("OrdersFunction", "function", orders()),
        new SbomGroup("ThumbnailsFunction", "function", thumbnails()),
        new SbomGroup("SharedLayer", "layer", List.of()));

    String xml = writer.application("shop", groups, SbomFormat.XML);
    List<ParseException> problems = new XmlParser().validate(xml.getBytes(StandardCharsets.UTF_8), Version.VERSION_16);
    assertThat(problems).isEmpty();
    Bom bom = new XmlParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(bom.getMetadata().getComponent().getName()).isEqualTo("shop");
    assertThat(bom.getComponents()).extracting(org.cyclonedx.model.Component::getBomRef).containsExactly(
        "bulwark:function:OrdersFunction", "bulwark:function:ThumbnailsFunction", "bulwark:layer:SharedLayer",
        "pkg:golang/github.com/aws/aws-lambda-go@v1.46.0", "pkg:maven/org.yaml/snakeyaml@1.33",
        "pkg:npm/%40middy/core@5.2.0", "bulwark:npm:jest@^29.0.0", "pkg:npm/ms@2.1.3",
        "pkg:pypi/requests@2.31.0");
    org.cyclonedx.model.Component yaml = bom.getComponents().get(4);
    assertThat(yaml.getGroup()).isEqualTo("org.yaml");
    assertThat(yaml.getLicenses().getLicenses().get(0).getId()).isEqualTo("Apache-2.0");

    String json = writer.application("shop", groups, SbomFormat.JSON);
    assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    Map<String, List<String>> graph = graph(new ObjectMapper().readTree(json));
    assertThat(graph.get("bulwark:application:shop")).containsExactly(
        "bulwark:function:OrdersFunction", "bulwark:function:ThumbnailsFunction", "bulwark:layer:SharedLayer");
    assertThat(graph.get("bulwark:function:ThumbnailsFunction"))
        .containsExactlyInAnyOrder("pkg:pypi/requests@2.31.0", "pkg:npm/ms@2.1.3");
  }

  @Test
  void writesTheSameDocumentForTheSameInputAndInstant() {
    String a = writer.function("Fn", orders(), SbomFormat.JSON);
    String b = writer.function("Fn", List.copyOf(orders()), SbomFormat.JSON);
    String later = SbomWriter.create(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)))
        .function("Fn", orders(), SbomFormat.JSON);
    assertThat(a).isEqualTo(b);
    assertThat(serial(a)).isNotEqualTo(serial(later));
  }

  @Test
  void keepsNonCycloneDxHashesAsProperties() throws Exception {
    JsonNode root = new ObjectMapper().readTree(writer.function("Fn", orders(), SbomFormat.JSON));
    JsonNode go = root.path("components").get(0);
    assertThat(go.has("hashes")).isFalse();
    List<String> props = new ArrayList<>();
    go.path("properties").forEach(p -> props.add(p.path("name").asText() + "=" + p.path("value").asText()));
    assertThat(props).contains("bulwark:hash:go-h1=" + "cd".repeat(32), "bulwark:source=fn/lock:3",
        "bulwark:version-kind=exact");
  }

  @Test
  void writesValidSbomsForEveryReaderFixture() throws Exception {
    java.nio.file.Path fixtures = java.nio.file.Path.of(SbomWriterTest.class.getResource("/readers").toURI());
    Inventory all = InventoryReader.withDefaults().read(fixtures, "readers");
    assertThat(all.components()).hasSizeGreaterThan(60);
    assertThat(all.components()).extracting(Component::ecosystem).contains(Ecosystem.values());

    String json = writer.application("fixtures", List.of(SbomGroup.function("All", all)), SbomFormat.JSON);
    String xml = writer.function("All", all.components(), SbomFormat.XML);

    assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    assertThat(new XmlParser().validate(xml.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.path("components").size()).isEqualTo(all.components().size() + 1);
  }

  private static String serial(String json) {
    try {
      return new ObjectMapper().readTree(json).path("serialNumber").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, List<String>> graph(JsonNode root) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (JsonNode d : root.path("dependencies")) {
      List<String> on = new ArrayList<>();
      d.path("dependsOn").forEach(x -> on.add(x.asText()));
      out.put(d.path("ref").asText(), on);
    }
    return out;
  }
}
