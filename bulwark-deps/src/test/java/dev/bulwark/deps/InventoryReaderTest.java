package dev.bulwark.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.internal.artifacts.Zips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {
  @TempDir Path dir;

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private Inventory read() {
    return InventoryReader.withDefaults().read(dir, "app");
  }

  @Test
  void readsEveryManifestOfAFolderAndSkipsVersionControlAndBuildCopies() throws IOException {
    write("requirements.txt", "flask==3.0.0\n");
    write(".git/requirements.txt", "gitonly==1.0\n");
    write(".aws-sam/build/Fn/requirements.txt", "samcopy==1.0\n");
    write(".venv/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA", "Name: pip\nVersion: 24.0\n");
    write("orders/go.mod", "module example.com/orders\n\nrequire github.com/google/uuid v1.6.0\n");

    Inventory inv = read();

    assertThat(inv.errors()).isEmpty();
    assertThat(inv.components()).extracting(Component::key)
        .containsExactly("go:github.com/google/uuid@v1.6.0", "pypi:flask@3.0.0");
    assertThat(inv.files()).containsExactly("app/orders/go.mod", "app/requirements.txt");
    assertThat(inv.find("pypi:flask@3.0.0").orElseThrow().source().toString()).isEqualTo("app/requirements.txt:1");
  }

  @Test
  void prefersTheLockfileOverPackageJsonAndInstalledPackages() throws IOException {
    write("package.json", "{\"dependencies\":{\"ms\":\"^2.0.0\",\"uuid\":\"^9.0.0\"}}");
    write("package-lock.json", """
        {"lockfileVersion": 3, "packages": {
          "": {"dependencies": {"ms": "^2.0.0"}},
          "node_modules/ms": {"version": "2.1.3"}
        }}""");
    write("node_modules/ms/package.json", "{\"name\":\"ms\",\"version\":\"9.9.9\"}");

    Inventory inv = read();

    assertThat(inv.components()).extracting(Component::key).containsExactly("npm:ms@2.1.3");
  }

  @Test
  void walksNodeModulesWhenThereIsNoLockfile() throws IOException {
    write("package.json", "{\"dependencies\":{\"ms\":\"^2.0.0\",\"left-pad\":\"1.3.0\"}}");
    write("node_modules/ms/package.json", "{\"name\":\"ms\",\"version\":\"2.1.3\"}");
    write("node_modules/ms/docs/package.json", "{\"name\":\"not-a-package\",\"version\":\"0.0.1\"}");
    write("node_modules/@scope/pkg/package.json", "{\"name\":\"@scope/pkg\",\"version\":\"1.0.0\"}");

    Inventory inv = read();

    assertThat(inv.components()).extracting(Component::key)
        .as("the declared range of ms is superseded by what is installed")
        .containsExactly("npm:@scope/pkg@1.0.0", "npm:left-pad@1.3.0", "npm:ms@2.1.3");
    assertThat(inv.find("npm:left-pad@1.3.0").orElseThrow().versionKind()).isEqualTo(VersionKind.PINNED);
  }

  @Test
  void readsOnlyTheHiddenLockfileOfNodeModulesWhenNpmLeftOne() throws IOException {
    write("node_modules/.package-lock.json", """
        {"lockfileVersion": 3, "packages": {"node_modules/ms": {"version": "2.1.3"}}}""");
    write("node_modules/ms/package.json", "{\"name\":\"ms\",\"version\":\"2.1.3\"}");
    write("node_modules/stale/package.json", "{\"name\":\"stale\",\"version\":\"1.0.0\"}");

    Inventory inv = read();

    assertThat(inv.components()).extracting(Component::key).containsExactly("npm:ms@2.1.3");
    assertThat(inv.files()).containsExactly("app/node_modules/.package-lock.json");
  }

  @Test
  void readsASingleFileWithItsIncludesButNothingOutsideItsFolder() throws IOException {
    write("fn/requirements.txt", "-r base.txt\n-r ../secret.txt\nboto3==1.34.0\n");
    write("fn/base.txt", "requests==2.31.0\n");
    write("secret.txt", "outside==1.0\n");

    Inventory inv = InventoryReader.withDefaults().read(dir.resolve("fn/requirements.txt"), "fn/requirements.txt");

    assertThat(inv.components()).extracting(Component::key)
        .containsExactly("pypi:boto3@1.34.0", "pypi:requests@2.31.0");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("fn/requirements.txt");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).isEqualTo("included file ../secret.txt not found");
    });
  }

  @Test
  void readsArchivesFoundInTheFolderAndMergesWhatTheyShare() throws IOException {
    write("pom.xml", """
        <project><groupId>g</groupId><artifactId>fn</artifactId><version>1</version>
          <dependencies>
            <dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>1.33</version></dependency>
          </dependencies>
        </project>""");
    Files.createDirectories(dir.resolve("target"));
    Files.write(dir.resolve("target/fn-1.jar"), Zips.create()
        .add("META-INF/maven/org.yaml/snakeyaml/pom.properties", Zips.pomProperties("org.yaml", "snakeyaml", "1.33"))
        .bytes());

    Inventory inv = read();

    assertThat(inv.components()).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo("maven:org.yaml:snakeyaml@1.33");
      assertThat(c.versionKind()).as("the jar says what ships").isEqualTo(VersionKind.EXACT);
      assertThat(c.source().toString()).as("the manifest line is kept").isEqualTo("app/pom.xml:3");
      assertThat(c.direct()).isTrue();
    });
  }

  @Test
  void reportsAnOversizedManifestAndReadsTheRest() throws IOException {
    write("a/requirements.txt", "x==1.0\n".repeat(2000));
    write("b/requirements.txt", "flask==3.0.0\n");

    Inventory inv = InventoryReader.withLimits(DepsLimits.defaults().withMaxFileBytes(1000)).read(dir, "app");

    assertThat(inv.components()).extracting(Component::key).containsExactly("pypi:flask@3.0.0");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("app/a/requirements.txt");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
    });
  }

  @Test
  void stopsWalkingAtTheFileLimit() throws IOException {
    for (int i = 0; i < 30; i++) {
      write("f" + i + "/requirements.txt", "p" + i + "==1.0\n");
    }
    Inventory inv = InventoryReader.withLimits(DepsLimits.defaults().withMaxFiles(20)).read(dir, "app");

    assertThat(inv.components().size()).isLessThan(30);
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("more than 20 files");
    });
  }

  @Test
  void stopsDescendingAtTheDepthLimit() throws IOException {
    write("a/b/c/d/e/requirements.txt", "deep==1.0\n");
    write("a/requirements.txt", "shallow==1.0\n");

    Inventory inv = InventoryReader.withLimits(DepsLimits.defaults().withMaxWalkDepth(3)).read(dir, "app");

    assertThat(inv.components()).extracting(Component::key).containsExactly("pypi:shallow@1.0");
    assertThat(inv.errors()).singleElement().extracting(ScanError::kind).isEqualTo(ScanError.Kind.LIMIT);
  }

  @Test
  void reportsABinaryFileWithAManifestName() throws IOException {
    Files.write(dir.resolve("requirements.txt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
    write("ok/requirements.txt", "flask==3.0.0\n");

    Inventory inv = read();

    assertThat(inv.components()).extracting(Component::key).containsExactly("pypi:flask@3.0.0");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("app/requirements.txt");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).contains("binary");
    });
  }

  @Test
  void reportsAMissingPathAndAnUnknownFile() throws IOException {
    assertThat(InventoryReader.withDefaults().read(dir.resolve("nope"), "nope").errors())
        .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("no such file or folder"));
    write("notes.md", "# hi");
    assertThat(InventoryReader.withDefaults().read(dir.resolve("notes.md"), "notes.md").errors())
        .singleElement().extracting(ScanError::kind).isEqualTo(ScanError.Kind.INVALID);
  }

  @Test
  void mergesInventoriesOfSeveralFunctions() throws IOException {
    write("a/requirements.txt", "requests==2.31.0\n");
    write("b/requirements.txt", "requests==2.31.0\nboto3==1.34.0\n");
    InventoryReader reader = InventoryReader.withDefaults();

    Inventory all = Inventory.merge(java.util.List.of(reader.read(dir.resolve("a"), "a"), reader.read(dir.resolve("b"), "b")));

    assertThat(all.components()).extracting(Component::key)
        .containsExactly("pypi:boto3@1.34.0", "pypi:requests@2.31.0");
    assertThat(all.files()).containsExactly("a/requirements.txt", "b/requirements.txt");
  }

  @Test
  void followsIncludesWhateverTheDisplayNameLooksLike() throws IOException {
    write("svc/requirements.txt", "-r base.txt\n");
    write("svc/base.txt", "requests==2.31.0\n");
    for (String display : new String[] {".", "./", "../checkout/app", "/abs/app", ""}) {
      Inventory inv = InventoryReader.withDefaults().read(dir, display);
      assertThat(inv.errors()).as(display).isEmpty();
      assertThat(inv.components()).as(display).extracting(Component::key).containsExactly("pypi:requests@2.31.0");
    }
    assertThat(InventoryReader.withDefaults().read(dir, "./").files()).containsExactly("svc/requirements.txt");
  }
}
