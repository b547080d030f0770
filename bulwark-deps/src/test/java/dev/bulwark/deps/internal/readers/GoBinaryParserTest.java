package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.DepsLimits;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.deps.internal.artifacts.Zips;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class GoBinaryParserTest {

  /** An ELF file with Go 1.18+ inline build information, as the Go linker lays it out. */
  static byte[] goBinary(String goVersion, String modinfo, int flags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    out.writeBytes(new byte[4096 - 8]); // code and other sections
    out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
    out.write(8); // pointer size
    out.write(flags);
    out.writeBytes(new byte[16]);
    writeString(out, goVersion);
    String sentinel = "0123456789abcdef";
    writeString(out, sentinel + modinfo + sentinel);
    out.writeBytes(new byte[512]);
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    long len = b.length;
    while (len >= 0x80) {
      out.write((int) (len & 0x7f) | 0x80);
      len >>>= 7;
    }
    out.write((int) len);
    out.writeBytes(b);
  }

  static final String MODINFO = String.join("\n",
      "path\texample.com/orders",
      "mod\texample.com/orders\t(devel)\t",
      "dep\tgithub.com/aws/aws-lambda-go\tv1.46.0\th1:USbRo9X++6NaJ7ziWEFy71E/kshc0bdgFFse4nWQNGY=",
      "dep\tgolang.org/x/net\tv0.17.0\th1:7soOYBTvox/AXugBJ8ciChCRQM+VIgNWRw0POXiXipf=",
      "=>\tgolang.org/x/net\tv0.23.0\th1:6xtPQCUSpt8+nbktNn34Ey7lOwCEK+Q1S53JHtAG9g0=",
      "dep\texample.com/shared\tv0.0.0",
      "=>\t../shared\t\t",
      "build\t-compiler=gc",
      "build\tGOOS=linux",
      "");

  private static ReadResult parse(byte[] bytes) {
    return Collector.parse(new SourceFile("bootstrap", bytes), Format.GO_BINARY,
        new FilesContext(new HashMap<>(), DepsLimits.defaults(), p -> null));
  }

  @Test
  void readsModulesAndTheToolchainOfAGoExecutable() {
    ReadResult r = parse(goBinary("go1.22.1", MODINFO, 2));

    assertThat(r.errors()).isEmpty();
    assertThat(r.components()).extracting(Component::key).containsExactly(
        "go:stdlib@go1.22.1", "go:github.com/aws/aws-lambda-go@v1.46.0", "go:golang.org/x/net@v0.23.0");
    assertThat(r.components().get(1).hashes()).containsKey("GO-H1");
    assertThat(r.components().get(1).versionKind()).isEqualTo(Component.VersionKind.EXACT);
  }

  @Test
  void ignoresScriptsAndExecutablesWithoutGoBuildInformation() {
    assertThat(parse("#!/bin/sh\nexec ./app\n".getBytes(StandardCharsets.UTF_8)).components()).isEmpty();
    byte[] rust = new byte[2048];
    rust[0] = 0x7f;
    rust[1] = 'E';
    rust[2] = 'L';
    rust[3] = 'F';
    ReadResult r = parse(rust);
    assertThat(r.components()).isEmpty();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void reportsGoBuildsOlderThan118() {
    assertThat(parse(goBinary("go1.16", MODINFO, 0)).errors()).singleElement()
        .extracting(ScanError::kind).isEqualTo(ScanError.Kind.INVALID);
  }

  @Test
  void reportsTruncatedBuildInformation() {
    byte[] whole = goBinary("go1.22.1", MODINFO, 2);
    byte[] cut = java.util.Arrays.copyOf(whole, 4096 + 40);
    assertThat(parse(cut).errors()).singleElement().extracting(ScanError::kind).isEqualTo(ScanError.Kind.PARSE);
  }

  @Test
  void readsTheBootstrapOfALambdaZip() {
    byte[] zip = Zips.create().add("bootstrap", goBinary("go1.21.5", MODINFO, 2)).bytes();
    Inventory inv = InventoryReader.withDefaults().readArchive(new ByteArrayInputStream(zip), "fn.zip");
    assertThat(inv.components()).extracting(Component::key).contains("go:stdlib@go1.21.5");
    assertThat(inv.find("go:github.com/aws/aws-lambda-go@v1.46.0").orElseThrow().source().file())
        .isEqualTo("fn.zip!/bootstrap");
  }
}
