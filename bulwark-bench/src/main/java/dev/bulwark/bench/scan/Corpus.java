package dev.bulwark.bench.scan;

import dev.bulwark.iac.Adapters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The CloudFormation/SAM templates of the development corpus ({@code
 * ../shared/corpus/serverless-patterns}, or {@code -Dbulwark.corpus=DIR}): every YAML/JSON file
 * the CloudFormation adapter recognises. Fails with a clear message when the corpus is missing.
 */
final class Corpus {

  private Corpus() {}

  static Path root() {
    String configured = System.getProperty("bulwark.corpus");
    Path p = configured != null
        ? Path.of(configured)
        : Path.of("..", "shared", "corpus", "serverless-patterns").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("corpus folder " + p + " is missing: run from the project"
          + " root with ../shared beside it, or pass -Dbulwark.corpus=DIR");
    }
    return p;
  }

  /** Recognised template files, sorted. */
  static List<Path> templates(Path root) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(p)
            || !(n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")
                || n.endsWith(".template"))) {
          continue;
        }
        if (p.toString().contains("/node_modules/") || p.toString().contains("/cdk.out/")
            || p.toString().contains("/.aws-sam/")) {
          continue;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(p)) {
          head = in.readNBytes(64 * 1024);
        }
        if (Adapters.forFile(p, head).isPresent()) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
