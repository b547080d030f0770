package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import dev.bulwark.core.Suppression;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

  private final FakeSecrets fake = new FakeSecrets(7);
  private final SecretScanner scanner = SecretScanner.builder().clock(FixtureTest.CLOCK).build();

  @Test
  void countsLinesFromTheLineOnWhichATextStarts() {
    String token = fake.value("ghp");
    String code = "const a = 1;\nconst b = 2;\nconst gh = \"" + token + "\";\n";

    List<Finding> found = scanner.scan(TextInput.of("template.yaml", code).startingAt(40))
        .findings();

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.location().file()).isEqualTo("template.yaml");
      assertThat(f.location().startLine()).isEqualTo(42);
      assertThat(f.location().startColumn()).isEqualTo(13);
    });
  }

  @Test
  void judgesANamedValueByItsName() {
    String password = fake.value("password");

    List<Finding> named = scanner.scan(TextInput.value("template.yaml", 12, "DB_PASSWORD",
        password)).findings();
    List<Finding> unnamed = scanner.scan(TextInput.value("template.yaml", 12, "DB_HOST",
        password)).findings();

    assertThat(named).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("SECRET-015");
      assertThat(f.location().startLine()).isEqualTo(12);
      assertThat(f.properties()).containsEntry("name", "DB_PASSWORD");
    });
    assertThat(unnamed).isEmpty();
  }

  @Test
  void reportsATokenInANamedValueAsTheTokenNotAsAGenericSecret() {
    String token = fake.value("stripe-live");

    List<Finding> found = scanner.scan(TextInput.value("template.yaml", 8, "STRIPE_API_KEY",
        token)).findings();

    assertThat(found).extracting(Finding::ruleId).containsExactly("SECRET-007");
  }

  @Test
  void attachesTheResourceTheCallerNames() {
    ResourceRef fn = new ResourceRef("OrdersFunction", "AWS::Serverless::Function");

    List<Finding> found = scanner.scan(TextInput.value("template.yaml", 9, "SLACK_TOKEN",
        fake.value("slack-bot")).about(fn)).findings();

    assertThat(found).singleElement().extracting(Finding::resource).isEqualTo(fn);
  }

  @Test
  void keysTheSameSecretAlikeInEveryFileWithItsSha256Prefix() throws Exception {
    String token = fake.value("npm");

    Finding a = scanner.scan(TextInput.of("a/.npmrc", "//r/:_authToken=" + token)).findings()
        .get(0);
    Finding b = scanner.scan(TextInput.of("b/deploy.sh", "export NPM=" + token + "\n"))
        .findings().get(0);

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.key()).isEqualTo(b.key()).isEqualTo(sha.substring(0, 16));
    assertThat(a.properties()).containsEntry("sha256", a.key()).containsEntry("preview", "npm_");
    assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
  }

  @Test
  void showsAtMostAQuarterOfAShortSecret() {
    List<Finding> found = scanner.scan(TextInput.value("app.env", 1, "ADMIN_PASSWORD",
        "Zq8#vT2m!x")).findings();

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.properties()).containsEntry("preview", "Zq");
      assertThat(f.message()).contains("'Zq…'").doesNotContain("Zq8");
    });
  }

  @Test
  void suppressesAFindingWhoseInlineIgnoreGivesAReason() {
    String text = "# bulwark:ignore SECRET-004 revoked on 2026-01-02, kept for the workshop\n"
        + "GH_TOKEN=" + fake.value("ghp") + "\n"
        + "OTHER=" + fake.value("ghp") + "  # bulwark:ignore SECRET-004 sandbox org only\n";

    List<Finding> found = scanner.scan(TextInput.of("ci.env", text)).findings();

    assertThat(found).hasSize(2).allSatisfy(f -> {
      assertThat(f.isSuppressed()).isTrue();
      assertThat(f.suppression().kind()).isEqualTo(Suppression.Kind.INLINE);
    });
    assertThat(found.get(0).suppression().reason())
        .isEqualTo("revoked on 2026-01-02, kept for the workshop");
    assertThat(found.get(0).suppression().location().startLine()).isEqualTo(1);
    assertThat(found.get(1).suppression().reason()).isEqualTo("sandbox org only");
  }

  @Test
  void keepsAFindingWhoseIgnoreGivesNoReasonOrNamesAnotherRule() {
    String text = "// bulwark:ignore SECRET-004\n"
        + "const a = \"" + fake.value("ghp") + "\";\n"
        + "// bulwark:ignore SECRET-015 the generic rule is not this one\n"
        + "const b = \"" + fake.value("ghp") + "\";\n";

    List<Finding> found = scanner.scan(TextInput.of("app.js", text)).findings();

    assertThat(found).hasSize(2).noneMatch(Finding::isSuppressed);
  }

  @Test
  void stopsLookingForAnIgnoreAtTheFirstLineThatIsNotAComment() {
    String text = "# bulwark:ignore SECRET-004 this comment is about the next line only\n"
        + "A=1\n"
        + "GH=" + fake.value("ghp") + "\n";

    assertThat(scanner.scan(TextInput.of("x.env", text)).findings())
        .singleElement().matches(f -> !f.isSuppressed());
  }

  @Test
  void runsOnlyTheSelectedRules() {
    String text = "GH=" + fake.value("ghp") + "\nDB_PASSWORD=" + fake.value("password") + "\n"
        + "SG=" + fake.value("sendgrid") + "\n";

    SecretScanner only = SecretScanner.builder().rules(List.of("SECRET-004", "secret-01*"))
        .build();

    assertThat(only.scan(TextInput.of("x.env", text)).findings())
        .extracting(Finding::ruleId).containsExactly("SECRET-004", "SECRET-015");
  }

  @Test
  void rejectsAnUnknownRuleAndOtherBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> SecretScanner.builder().rules(List.of("SECRET-099")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SECRET-099");
    assertThatThrownBy(() -> SecretScanner.builder().maxFileBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    assertThatThrownBy(() -> SecretScanner.builder().testFolders(List.of("src/test")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'src/test'");
    assertThatThrownBy(() -> ArchiveLimits.defaults().withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
  }

  @Test
  void skipsTestFoldersByDefaultAndScansThemWhenAsked(@TempDir Path dir) throws IOException {
    write(dir.resolve("src/app.py"), "TOKEN = '" + fake.value("ghp") + "'\n");
    write(dir.resolve("tests/test_app.py"), "TOKEN = '" + fake.value("ghp") + "'\n");
    write(dir.resolve("web/__tests__/app.test.js"), "t = '" + fake.value("ghp") + "'\n");
    write(dir.resolve("src/Fixtures/data.json"), "{\"t\": \"" + fake.value("ghp") + "\"}\n");
    write(dir.resolve("qa/smoke.sh"), "T=" + fake.value("ghp") + "\n");

    assertThat(files(scanner.scanPath(dir, "app"))).containsExactly("app/qa/smoke.sh",
        "app/src/app.py");
    assertThat(files(SecretScanner.builder().skipTestFolders(false).build().scanPath(dir, "app")))
        .hasSize(5);
    assertThat(files(SecretScanner.builder().testFolders(List.of("qa")).build()
        .scanPath(dir, "app"))).doesNotContain("app/qa/smoke.sh").contains("app/tests/test_app.py");
  }

  @Test
  void judgesTestFoldersOnlyBelowTheScannedFolder(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("tests").resolve("project");
    write(project.resolve("app.py"), "TOKEN = '" + fake.value("ghp") + "'\n");

    assertThat(files(scanner.scanPath(project))).hasSize(1);
  }

  @Test
  void neverWalksDependencyAndBuildFoldersUnlessTold(@TempDir Path dir) throws IOException {
    write(dir.resolve("node_modules/lib/index.js"), "k='" + fake.value("ghp") + "'\n");
    write(dir.resolve(".git/config"), "url = https://" + fake.value("ghp") + "@github.com/a/b\n");
    write(dir.resolve("index.js"), "k='" + fake.value("ghp") + "'\n");

    assertThat(files(scanner.scanPath(dir, "."))).containsExactly("index.js");
    assertThat(files(SecretScanner.builder().skipFolders(List.of()).build().scanPath(dir, ".")))
        .hasSize(3);
  }

  @Test
  void skipsBinaryFilesQuietly(@TempDir Path dir) throws IOException {
    byte[] token = fake.value("ghp").getBytes(StandardCharsets.US_ASCII);
    byte[] binary = new byte[token.length + 3];
    System.arraycopy(token, 0, binary, 2, token.length);
    Files.write(dir.resolve("blob.dat"), binary);
    Files.write(dir.resolve("logo.png"), token);

    SecretScanResult result = scanner.scanPath(dir);

    assertThat(result.findings()).isEmpty();
    assertThat(result.errors()).isEmpty();
    assertThat(result.binarySkipped()).isEqualTo(2);
    assertThat(result.filesScanned()).isZero();
  }

  @Test
  void scansATemplateValueWithANulByteAsText() {
    String text = "a\u0000b\nGH=" + fake.value("ghp") + "\n";

    assertThat(scanner.scan(TextInput.of("template.yaml", text)).findings()).hasSize(1);
  }

  @Test
  void scansTheStartOfAFileOverTheSizeLimitAndSaysTheRestWasNot(@TempDir Path dir)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("A=").append(fake.value("ghp")).append('\n');
    while (b.length() < 150_000) {
      b.append("filler line of ordinary text with nothing secret in it at all\n");
    }
    b.append("B=").append(fake.value("ghp")).append('\n');
    write(dir.resolve("big.txt"), b.toString());
    SecretScanner small = SecretScanner.builder().maxFileBytes(64 << 10).build();

    SecretScanResult result = small.scanPath(dir.resolve("big.txt"), "big.txt");

    assertThat(result.findings()).extracting(f -> f.location().startLine()).containsExactly(1);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("big.txt");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("larger than 64 KiB").contains("only the first 64 KiB");
    });
  }

  @Test
  void findsSecretsAcrossChunkBoundariesOnceWithTheRightLines(@TempDir Path dir)
      throws IOException {
    String line = "x".repeat(99) + "\n";
    List<String> tokens = List.of(fake.value("ghp"), fake.value("ghp"), fake.value("ghp"));
    String pem = fake.value("rsa-pem");
    Path file = dir.resolve("huge.log");
    long[] lines = new long[4];
    try (OutputStream out = Files.newOutputStream(file)) {
      long written = 0;
      long lineNo = 1;
      // the scanner moves through the text 1 MiB at a time, after a first window that also
      // holds 16 KiB of look-behind: put an anchor across the first boundary, a token exactly at
      // the second, a PEM block across the third and a last token far into the file
      long first = (1 << 20) + (16 << 10);
      long[] targets = {first - 2, first + (1 << 20), first + (2L << 20) - 900, 24L << 20};
      for (int t = 0; t < targets.length; t++) {
        while (written + line.length() <= targets[t]) {
          out.write(line.getBytes(StandardCharsets.US_ASCII));
          written += line.length();
          lineNo++;
        }
        int pad = (int) (targets[t] - written);
        String secret = t == 2 ? pem : tokens.get(t == 3 ? 2 : t);
        String text = "y".repeat(Math.max(0, pad - 1)) + (pad > 0 ? " " : "") + secret + "\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        written += text.length();
        lines[t] = lineNo;
        lineNo += text.chars().filter(c -> c == '\n').count();
      }
    }

    SecretScanResult result = scanner.scanPath(file, "huge.log");

    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).extracting(f -> (long) f.location().startLine())
        .containsExactly(lines[0], lines[1], lines[2], lines[3]);
    assertThat(result.findings()).extracting(Finding::ruleId)
        .containsExactly("SECRET-004", "SECRET-004", "SECRET-003", "SECRET-004");
    assertThat(result.bytesScanned()).isEqualTo(Files.size(file));
  }

  @Test
  void capsTheFindingsOfAGeneratedFileAndSaysSo() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1200; i++) {
      b.append(fake.value("ghp")).append('\n');
    }

    SecretScanResult result = scanner.scan(TextInput.of("tokens.txt", b.toString()));

    assertThat(result.findings()).hasSize(1000);
    assertThat(result.errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("more than 1000"));
  }

  @Test
  void reportsAMissingPathAsAnError() {
    SecretScanResult result = scanner.scanPath(Path.of("/nonexistent/bulwark"), "missing");

    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("missing");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.IO);
      assertThat(e.message()).isEqualTo("no such file or folder");
    });
  }

  @Test
  void findsNothingInEmptyInput(@TempDir Path dir) throws IOException {
    write(dir.resolve("empty.txt"), "");

    assertThat(scanner.scan(TextInput.of("x", "")).findings()).isEmpty();
    assertThat(scanner.scanPath(dir).findings()).isEmpty();
    assertThat(scanner.scanPath(dir).filesScanned()).isEqualTo(1);
  }

  @Test
  void lowersAnEncryptedKeyAndAMadeUpTokenButNotARealOne() {
    String text = fake.value("encrypted-pem") + "\n" + fake.value("ghp-badcrc") + "\n"
        + fake.value("ghp") + "\n";

    List<Finding> found = scanner.scan(TextInput.of("keys.txt", text)).findings();

    assertThat(found).extracting(Finding::severity)
        .containsExactly(Severity.MEDIUM, Severity.LOW, Severity.HIGH);
    assertThat(found.get(1).properties()).containsEntry("checksum", "invalid");
    assertThat(found.get(2).properties()).containsEntry("checksum", "valid");
  }

  @Test
  void givesTheSameResultsWhenOneScannerIsSharedByThreads() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("A=" + fake.value("ghp") + "\nDB_PASSWORD=" + fake.value("password") + "\n"
          + fake.value("rsa-pem") + "\n");
    }
    List<List<String>> sequential = texts.stream()
        .map(t -> FixtureTest.actual(scanner.scan(TextInput.of("x.env", t)).findings())
            .stream().toList())
        .toList();

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> FixtureTest.actual(
            scanner.scan(TextInput.of("x.env", t)).findings()).stream().toList()));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i)).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static List<String> files(SecretScanResult r) {
    return r.findings().stream().map(f -> f.location().file()).distinct().sorted().toList();
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
