package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.DepsLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture, cut and corrupted many ways: no reader may fail with an internal error (an
 * exception it did not expect); bad input gives PARSE, INVALID or LIMIT errors only.
 */
class MutationTest {
  private static final int ROUNDS = 150;

  @Test
  void noReaderFailsInternallyOnCorruptedFixtures() throws Exception {
    Path root = ReaderFixturesTest.root();
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("expected.txt"))
          .filter(p -> Detection.detect(root.relativize(p).toString()) != null)
          .sorted()
          .forEach(inputs::add);
    }
    assertThat(inputs).hasSizeGreaterThan(20);
    Random random = new Random(20250301L);
    List<String> internal = new ArrayList<>();
    for (Path p : inputs) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      Format format = Detection.detect(rel);
      byte[] original = Files.readAllBytes(p);
      for (int round = 0; round < ROUNDS; round++) {
        byte[] mutated = mutate(original, random);
        ReadResult r = Collector.parse(new SourceFile(rel, mutated), format,
            new FilesContext(new HashMap<>(), DepsLimits.defaults(), x -> null));
        for (ScanError e : r.errors()) {
          if (e.kind() == ScanError.Kind.INTERNAL) {
            internal.add(rel + " round " + round + ": " + e.message());
          }
        }
      }
    }
    assertThat(internal).isEmpty();
  }

  private static byte[] mutate(byte[] in, Random r) {
    byte[] b = in.clone();
    switch (r.nextInt(5)) {
      case 0 -> {
        return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
      }
      case 1 -> {
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(128);
        }
      }
      case 2 -> {
        String structural = "{}[]:,\"'\n\t =@/()<>#-";
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
          b[r.nextInt(b.length)] = (byte) structural.charAt(r.nextInt(structural.length()));
        }
      }
      case 3 -> {
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(64));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, from + len, out, from, b.length - from - len);
        return out;
      }
      default -> {
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(200));
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, from + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        return out;
      }
    }
    return b;
  }
}
