package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Robustness run over a folder of real templates (not a unit test): every {@code *.yaml}, {@code
 * *.yml}, {@code *.json} and {@code *.template} goes through recognition and, when recognised,
 * through {@link TemplateReader}. Prints counts of recognised / not recognised files, errors by
 * kind with examples, and the time taken. Nothing may crash or hang.
 *
 * <p>Run: {@code java -cp <test classpath> dev.bulwark.iac.internal.template.CorpusRobustnessRun
 * /work/shared/corpus/serverless-patterns [-v] [--adapter]} ({@code -v} lists the files not
 * recognised; {@code --adapter} loads through {@code CloudFormationAdapter}, mapping included,
 * and counts model resources).
 */
public final class CorpusRobustnessRun {

  private CorpusRobustnessRun() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/serverless-patterns");
    List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
    boolean verbose = flags.contains("-v");
    boolean adapter = flags.contains("--adapter");
    if (!Files.isDirectory(root)) {
      System.out.println("corpus not found: " + root + " (nothing to run)");
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|json|template)$"))
              .sorted()
              .toList();
    }
    int recognised = 0;
    int notRecognised = 0;
    int clean = 0;
    int resources = 0;
    Map<ScanError.Kind, Integer> byKind = new TreeMap<>();
    Map<String, List<String>> examples = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> byExtNotRecognised = new TreeMap<>();
    List<String> crashes = new ArrayList<>();
    long start = System.nanoTime();
    for (Path f : files) {
      String display = root.relativize(f).toString();
      byte[] head;
      try (InputStream in = Files.newInputStream(f)) {
        head = in.readNBytes(64 * 1024);
      }
      if (!TemplateSniffer.looksLikeTemplate(f, head)) {
        notRecognised++;
        String name = f.getFileName().toString();
        byExtNotRecognised.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
        if (verbose) {
          System.out.println("not recognised: " + display);
        }
        continue;
      }
      recognised++;
      try {
        List<ScanError> errs;
        if (adapter) {
          dev.bulwark.iac.LoadResult r =
              new dev.bulwark.iac.CloudFormationAdapter().load(f, display, IacOptions.defaults());
          errs = r.errors();
          if (r.model() != null) {
            resources += r.model().resources().size();
          }
        } else {
          TemplateReader.Result r = TemplateReader.read(f, display, IacOptions.defaults());
          errs = r.errors();
          if (r.template() != null) {
            resources += r.template().resources().size();
          }
        }
        if (errs.isEmpty()) {
          clean++;
        }
        for (ScanError e : errs) {
          byKind.merge(e.kind(), 1, Integer::sum);
          String key = e.kind() + " " + e.message().replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'");
          List<String> ex = examples.computeIfAbsent(key, k -> new ArrayList<>());
          counts.merge(key, 1, Integer::sum);
          if (ex.size() < 3) {
            ex.add(e.toString());
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        crashes.add(display + ": " + e);
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "files %d, recognised %d, not recognised %d %s, read without error %d, resources %d, %d ms%n",
        files.size(), recognised, notRecognised, byExtNotRecognised, clean, resources, ms);
    System.out.println("errors by kind: " + byKind);
    examples.forEach(
        (k, v) -> {
          System.out.println("  " + counts.get(k) + " × " + k);
          v.forEach(x -> System.out.println("      " + x));
        });
    System.out.println("crashes: " + crashes.size());
    crashes.forEach(c -> System.out.println("  " + c));
  }
}
