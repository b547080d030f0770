package dev.bulwark.deps.internal.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Corrupted archives: errors, never an exception or an internal error. */
class ArchiveMutationTest {

  @Test
  void corruptedArchivesGiveErrorsNotCrashes() {
    byte[] nested = Zips.create()
        .add("META-INF/maven/org.yaml/snakeyaml/pom.properties", Zips.pomProperties("org.yaml", "snakeyaml", "1.33"))
        .add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Version: 1.33\r\n\r\n")
        .bytes();
    byte[] zip = Zips.create()
        .add("node_modules/ms/package.json", "{\"name\":\"ms\",\"version\":\"2.1.3\"}")
        .add("requirements.txt", "flask==3.0.0\n")
        .addStored("lib/snakeyaml-1.33.jar", nested)
        .add("lib/other-1.0.jar", nested)
        .add("package-lock.json", "{\"lockfileVersion\":3,\"packages\":{\"node_modules/a\":{\"version\":\"1.0.0\"}}}")
        .bytes();
    Random random = new Random(7);
    List<String> internal = new ArrayList<>();
    for (int round = 0; round < 400; round++) {
      byte[] b = zip.clone();
      if (round % 4 == 0) {
        b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
      } else {
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      Inventory inv = InventoryReader.withDefaults().readArchive(new ByteArrayInputStream(b), "fn.zip");
      for (ScanError e : inv.errors()) {
        if (e.kind() == ScanError.Kind.INTERNAL) {
          internal.add("round " + round + ": " + e);
        }
      }
    }
    assertThat(internal).isEmpty();
  }
}
