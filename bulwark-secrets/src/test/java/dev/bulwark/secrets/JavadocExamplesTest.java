package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.RuleMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the public Javadoc and of {@code docs/secrets.md}, as written there (with a
 * temporary folder for the paths), so they keep compiling and doing what they say.
 */
class JavadocExamplesTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void packageExampleFindsThePasswordAndPrintsItRedacted() throws IOException {
    Path orders = dir.resolve("functions/orders");
    Files.createDirectories(orders);
    Files.writeString(orders.resolve("app.py"), "DB_PASSWORD = 'Zq8#vT2m!pLx'\n");

    SecretScanner scanner = SecretScanner.builder().build();
    SecretScanResult fromText =
        scanner.scan(TextInput.of("template.yaml", "DB_PASSWORD: Zq8#vT2m!pLx").startingAt(41));
    SecretScanResult fromTree = scanner.scanPath(orders);
    for (Finding f : fromTree.findings()) {
      out.println(f.location() + " " + f.ruleId() + " " + f.message());
    }

    assertThat(fromText.findings()).singleElement()
        .satisfies(f -> assertThat(f.location().startLine()).isEqualTo(41));
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("app.py:1 SECRET-015")
        .doesNotContain("Zq8#vT2m!pLx");
  }

  @Test
  void scannerExampleRuns() throws IOException {
    Path orders = dir.resolve("functions/orders");
    Files.createDirectories(orders.resolve("tests"));
    Files.writeString(orders.resolve("tests/t.py"),
        "API_TOKEN = 'a8f5f167f44f4964e6c998dee827110c'\n");

    SecretScanner scanner =
        SecretScanner.builder()
            .maxFileBytes(16L << 20)
            .skipTestFolders(false)
            .build();
    SecretScanResult result = scanner.scanPath(orders, "functions/orders");
    result.findings().forEach(f -> out.println(f.location() + " " + f.message()));
    result.errors().forEach(e -> out.println(e));

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("functions/orders/tests/t.py:1 ");
  }

  @Test
  void textInputAndLimitsExamplesBuildWhatTheySay() {
    String inlineCode = "exports.handler = async () => 1;\n";
    TextInput code = TextInput.of("template.yaml", inlineCode).startingAt(57);
    TextInput env =
        TextInput.value("template.yaml", 23, "DB_PASSWORD", "Zq8#vT2m!pLx")
            .about(new ResourceRef("OrdersFunction", "AWS::Serverless::Function"));
    ArchiveLimits strict = ArchiveLimits.defaults().withMaxTotalBytes(64L << 20).withMaxDepth(1);

    assertThat(code.firstLine()).isEqualTo(57);
    assertThat(env.name()).isEqualTo("DB_PASSWORD");
    assertThat(env.resource().id()).isEqualTo("OrdersFunction");
    assertThat(strict.maxTotalBytes()).isEqualTo(64L << 20);
    assertThat(strict.maxDepth()).isEqualTo(1);
    assertThat(SecretScanner.withDefaults().scan(env).findings()).hasSize(1);
  }

  @Test
  void rulesExamplePrintsEveryRule() {
    for (RuleMetadata rule : SecretRules.metadata()) {
      out.println(rule.id() + "  " + rule.severity().label() + "  " + rule.title());
    }
    RuleMetadata github = SecretRules.byId("SECRET-004").orElseThrow();

    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(16);
    assertThat(github.severity().label()).isEqualTo("high");
  }

  @Test
  void documentationExampleRuns() throws IOException {
    Path orders = dir.resolve("functions/orders");
    Files.createDirectories(orders);
    String zipFileCode = "const hook = 'nothing to see';\n";
    String value = "Zq8#vT2m!pLx";

    SecretScanner scanner = SecretScanner.builder()
        .skipTestFolders(true)
        .maxFileBytes(64L << 20)
        .archiveLimits(ArchiveLimits.defaults().withMaxDepth(2))
        .rules(List.of("SECRET-*"))
        .build();
    SecretScanResult code = scanner.scanPath(orders, "functions/orders");
    SecretScanResult inline =
        scanner.scan(TextInput.of("template.yaml", zipFileCode).startingAt(57));
    SecretScanResult env = scanner.scan(
        TextInput.value("template.yaml", 23, "DB_PASSWORD", value)
            .about(new ResourceRef("OrdersFunction", "AWS::Serverless::Function")));
    List<RuleMetadata> rules = SecretRules.metadata();

    assertThat(code.findings()).isEmpty();
    assertThat(inline.findings()).isEmpty();
    assertThat(env.findings()).singleElement()
        .satisfies(f -> assertThat(f.resource().id()).isEqualTo("OrdersFunction"));
    assertThat(rules).hasSize(16);
  }
}
