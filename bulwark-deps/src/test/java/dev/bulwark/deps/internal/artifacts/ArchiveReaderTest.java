package dev.bulwark.deps.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.DepsLimits;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ArchiveReaderTest {

  private static Inventory read(byte[] zip, String name) {
    return InventoryReader.withDefaults().readArchive(new ByteArrayInputStream(zip), name);
  }

  private static Inventory read(byte[] zip, String name, DepsLimits limits) {
    return InventoryReader.withLimits(limits).readArchive(new ByteArrayInputStream(zip), name);
  }

  private static byte[] jar(String g, String a, String v) {
    return Zips.create()
        .add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
        .add("META-INF/maven/" + g + "/" + a + "/pom.properties", Zips.pomProperties(g, a, v))
        .add("META-INF/maven/" + g + "/" + a + "/pom.xml", "<project><artifactId>" + a + "</artifactId>"
            + "<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId>"
            + "<version>9</version></dependency></dependencies></project>")
        .add(a.replace('-', '/') + "/Main.class", new byte[] {(byte) 0xca, (byte) 0xfe, 0, 0})
        .bytes();
  }

  @Test
  void readsEveryPomPropertiesOfAShadedJar() {
    byte[] fat = Zips.create()
        .add("META-INF/maven/com.example/orders/pom.properties", Zips.pomProperties("com.example", "orders", "1.0.0"))
        .add("META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties",
            Zips.pomProperties("com.fasterxml.jackson.core", "jackson-databind", "2.12.1"))
        .add("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
            Zips.pomProperties("org.apache.logging.log4j", "log4j-core", "2.14.1"))
        .add("com/example/Handler.class", new byte[] {1, 2, 3})
        .bytes();

    Inventory inv = read(fat, "target/orders.jar");

    assertThat(inv.errors()).isEmpty();
    assertThat(inv.components()).extracting(Component::key).containsExactly(
        "maven:com.example:orders@1.0.0",
        "maven:com.fasterxml.jackson.core:jackson-databind@2.12.1",
        "maven:org.apache.logging.log4j:log4j-core@2.14.1");
    Component log4j = inv.find("maven:org.apache.logging.log4j:log4j-core@2.14.1").orElseThrow();
    assertThat(log4j.versionKind()).isEqualTo(VersionKind.EXACT);
    assertThat(log4j.source().file())
        .isEqualTo("target/orders.jar!/META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties");
    assertThat(log4j.hashes()).as("a fat jar's hash is not one library's").isEmpty();
  }

  @Test
  void readsNestedJarsWithTheirOwnHashes() throws Exception {
    byte[] lib = jar("org.yaml", "snakeyaml", "1.33");
    byte[] outer = Zips.create()
        .add("com/example/App.class", new byte[] {1})
        .addStored("BOOT-INF/lib/snakeyaml-1.33.jar", lib)
        .add("lib/guava-31.1-jre.jar", jar("com.google.guava", "guava", "31.1-jre"))
        .bytes();

    Inventory inv = read(outer, "app.jar");

    assertThat(inv.errors()).isEmpty();
    Component yaml = inv.find("maven:org.yaml:snakeyaml@1.33").orElseThrow();
    assertThat(yaml.source().file())
        .isEqualTo("app.jar!/BOOT-INF/lib/snakeyaml-1.33.jar!/META-INF/maven/org.yaml/snakeyaml/pom.properties");
    assertThat(yaml.hashes()).containsEntry("SHA-1", hex("SHA-1", lib)).containsEntry("SHA-256", hex("SHA-256", lib));
    assertThat(inv.find("maven:com.google.guava:guava@31.1-jre")).isPresent();
    assertThat(inv.components()).extracting(Component::name).doesNotContain("x:y");
    assertThat(inv.files()).contains("app.jar", "app.jar!/BOOT-INF/lib/snakeyaml-1.33.jar");
  }

  @Test
  void identifiesAJarWithoutPomPropertiesFromItsManifest() {
    byte[] lib = Zips.create()
        .add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n"
            + "Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-core\r\n"
            + "Bundle-Version: 2.13.0\r\n\r\n")
        .bytes();
    byte[] bare = Zips.create().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n").bytes();
    byte[] zip = Zips.create().add("lib/jackson-core-2.13.0.jar", lib).add("lib/internal.jar", bare).bytes();

    Inventory inv = read(zip, "function.zip");

    assertThat(inv.components()).extracting(Component::key)
        .containsExactly("maven:com.fasterxml.jackson.core:jackson-core@2.13.0");
    assertThat(inv.components().get(0).properties()).containsEntry("bulwark:identified-by", "manifest");
  }

  @Test
  void readsNodeModulesAndSitePackagesInsideALambdaZip() {
    byte[] zip = Zips.create()
        .add("index.js", "exports.handler = async () => {}")
        .add("node_modules/jsonwebtoken/package.json", "{\"name\":\"jsonwebtoken\",\"version\":\"8.5.1\",\"license\":\"MIT\"}")
        .add("node_modules/jsonwebtoken/lib/package.json", "{\"type\":\"commonjs\"}")
        .add("node_modules/jsonwebtoken/node_modules/semver/package.json", "{\"name\":\"semver\",\"version\":\"5.7.1\"}")
        .add("python/lib/python3.12/site-packages/PyJWT-2.3.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: PyJWT\nVersion: 2.3.0\n")
        .add("requirements.txt", "pyjwt==2.3.0\n")
        .bytes();

    Inventory inv = read(zip, "hello.zip");

    assertThat(inv.errors()).isEmpty();
    assertThat(inv.components()).extracting(Component::key).containsExactly(
        "npm:jsonwebtoken@8.5.1", "npm:semver@5.7.1", "pypi:pyjwt@2.3.0");
    Component jwt = inv.find("pypi:pyjwt@2.3.0").orElseThrow();
    assertThat(jwt.versionKind()).as("installed beats pinned").isEqualTo(VersionKind.EXACT);
  }

  @Test
  void refusesEntriesThatEscapeTheArchive() {
    byte[] zip = Zips.create()
        .add("../../etc/cron.d/evil/requirements.txt", "evil==1.0\n")
        .add("/abs/package-lock.json", "{}")
        .add("ok/requirements.txt", "flask==3.0.0\n")
        .bytes();

    Inventory inv = read(zip, "bad.zip");

    assertThat(inv.components()).extracting(Component::key).containsExactly("pypi:flask@3.0.0");
    assertThat(inv.errors()).hasSize(2).allSatisfy(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
      assertThat(e.file()).isEqualTo("bad.zip");
      assertThat(e.message()).contains("escapes the archive");
    });
  }

  @Test
  void stopsAtAZipBombByCompressionRatio() {
    byte[] zeros = new byte[8 << 20];
    byte[] zip = Zips.create()
        .add("a/requirements.txt", "requests==2.0.0\n")
        .add("bomb.bin", zeros)
        .add("z/requirements.txt", "never==1.0\n")
        .bytes();
    assertThat(zip.length).isLessThan(100_000);

    Inventory inv = read(zip, "bomb.zip", DepsLimits.defaults().withMaxCompressionRatio(50));

    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("bomb.zip!/bomb.bin").contains("50 times");
    });
    assertThat(inv.components()).extracting(Component::key).containsExactly("pypi:requests@2.0.0");
  }

  @Test
  void stopsWhenTheArchiveInflatesPastItsTotalBudget() {
    Zips z = Zips.create();
    for (int i = 0; i < 20; i++) {
      byte[] noise = new byte[100_000];
      new java.util.Random(i).nextBytes(noise);
      z.add("blob" + i + ".bin", noise);
    }
    Inventory inv = read(z.bytes(), "big.zip", DepsLimits.defaults().withMaxArchiveBytes(1_000_000));

    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("more than 1000000 bytes");
    });
  }

  @Test
  void stopsAtTheEntryCountLimit() {
    Zips z = Zips.create();
    for (int i = 0; i < 50; i++) {
      z.add("f" + i + ".txt", "x");
    }
    Inventory inv = read(z.bytes(), "many.zip", DepsLimits.defaults().withMaxArchiveEntries(10));

    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.message()).contains("more than 10 entries");
    });
  }

  @Test
  void opensNestedArchivesOnlyToTheConfiguredDepth() {
    byte[] level3 = jar("org.deep", "deep", "3.0");
    byte[] level2 = Zips.create().add("inner/deep-3.0.jar", level3)
        .add("META-INF/maven/org.mid/mid/pom.properties", Zips.pomProperties("org.mid", "mid", "2.0")).bytes();
    byte[] level1 = Zips.create().add("lib/mid-2.0.jar", level2).bytes();

    Inventory inv = read(level1, "top.zip", DepsLimits.defaults().withMaxArchiveNesting(2));

    assertThat(inv.components()).extracting(Component::key).containsExactly("maven:org.mid:mid@2.0");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
      assertThat(e.file()).isEqualTo("top.zip!/lib/mid-2.0.jar!/inner/deep-3.0.jar");
    });
  }

  @Test
  void keepsWhatWasReadBeforeAnArchiveIsCut() {
    byte[] whole = Zips.create()
        .add("META-INF/maven/org.a/a/pom.properties", Zips.pomProperties("org.a", "a", "1.0"))
        .add("big.txt", "0123456789".repeat(10_000))
        .bytes();
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    Inventory inv = read(truncated, "cut.jar");

    assertThat(inv.components()).extracting(Component::key).containsExactly("maven:org.a:a@1.0");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).contains("corrupt or truncated");
    });
  }

  @Test
  void reportsAFileThatIsNotAZip() {
    Inventory inv = read("just text".getBytes(StandardCharsets.UTF_8), "fake.zip");

    assertThat(inv.components()).isEmpty();
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
      assertThat(e.message()).isEqualTo("not a zip archive");
    });
  }

  @Test
  void reportsABadManifestInsideAnArchiveAndReadsTheRest() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("node_modules/.package-lock.json"));
      z.write("{ \"lockfileVersion\": 3, \"packages\": { ".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("node_modules/ms/package.json"));
      z.write("{\"name\":\"ms\",\"version\":\"2.1.3\"}".getBytes(StandardCharsets.UTF_8));
    }
    Inventory inv = read(out.toByteArray(), "fn.zip");

    assertThat(inv.components()).extracting(Component::key).containsExactly("npm:ms@2.1.3");
    assertThat(inv.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("fn.zip!/node_modules/.package-lock.json");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
    });
  }

  @Test
  void safeNameFoldsDotsAndRefusesEscapes() {
    assertThat(ArchiveReader.safeName("a/./b/../c.txt")).isEqualTo("a/c.txt");
    assertThat(ArchiveReader.safeName("a/../../c.txt")).isNull();
    assertThat(ArchiveReader.safeName("/etc/passwd")).isNull();
    assertThat(ArchiveReader.safeName("C:\\windows\\x")).isNull();
    assertThat(ArchiveReader.safeName("..\\x")).isNull();
  }

  private static String hex(String alg, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(bytes));
  }
}
