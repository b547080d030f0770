package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.CloudFormationAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Robustness run over a corpus of real templates ({@code MappingCorpusRun [dir]}, default the
 * shared serverless-patterns corpus): counts models, resources by model type and errors by kind,
 * and prints every mapping error. Not a test: the corpus is not part of the project.
 */
public final class MappingCorpusRun {

  private MappingCorpusRun() {}

  /** Counts relations the mapping could not establish, printing the first examples. */
  private static void links(CloudModel m, String name, Map<String, Integer> gaps) {
    for (dev.bulwark.model.Route r : m.routes()) {
      if (r.authorizationType().isUnknown()) {
        gap(gaps, "route auth unknown", name + " " + r.id() + " " + r.authorizationType().shape());
      }
      if (!r.integrationFunction().isAbsent() && m.function(r.integrationFunction()).isEmpty()) {
        gap(
            gaps,
            "route function unresolved",
            name + " " + r.id() + " " + r.integrationFunction().shape());
      }
      if (m.apiOf(r).isEmpty()) {
        gap(gaps, "route api unresolved", name + " " + r.id() + " " + r.api().shape());
      }
    }
    for (dev.bulwark.model.Permission p : m.permissions()) {
      if (m.function(p.function()).isEmpty()) {
        gap(
            gaps,
            "permission function unresolved",
            name + " " + p.id() + " " + p.function().shape());
      }
    }
    for (dev.bulwark.model.Trigger t : m.triggers()) {
      if (m.function(t.function()).isEmpty()) {
        gap(gaps, "trigger function unresolved", name + " " + t.id() + " " + t.function().shape());
      }
    }
    for (dev.bulwark.model.Function f : m.functions()) {
      if (m.roleOf(f).isEmpty()) {
        gap(gaps, "function role not in model", name + " " + f.id() + " " + f.role().shape());
      }
    }
    for (dev.bulwark.model.Stage s : m.stages()) {
      if (m.apiOf(s).isEmpty()) {
        gap(gaps, "stage api unresolved", name + " " + s.id() + " " + s.api().shape());
      }
    }
  }

  private static void gap(Map<String, Integer> gaps, String kind, String example) {
    int n = gaps.merge(kind, 1, Integer::sum);
    if (n <= 6) {
      System.out.println("GAP " + kind + ": " + example);
    }
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/serverless-patterns");
    if (!Files.isDirectory(root)) {
      System.out.println("corpus not found: " + root);
      return;
    }
    CloudFormationAdapter adapter = new CloudFormationAdapter();
    Map<String, Integer> types = new TreeMap<>();
    Map<String, Integer> errors = new TreeMap<>();
    Map<String, Integer> gaps = new TreeMap<>();
    Map<String, Integer> others = new TreeMap<>();
    int files = 0;
    int models = 0;
    long nanos = 0;
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(ya?ml|json|template)$"))
              .sorted()
              .toList();
    }
    for (Path p : all) {
      byte[] head;
      try (InputStream in = Files.newInputStream(p)) {
        head = in.readNBytes(64 * 1024);
      }
      if (!adapter.accepts(p, head)) {
        continue;
      }
      files++;
      String name = root.relativize(p).toString();
      long t0 = System.nanoTime();
      LoadResult r = adapter.load(p, name, IacOptions.defaults());
      nanos += System.nanoTime() - t0;
      CloudModel m = r.model();
      if (m != null) {
        models++;
        for (Resource res : m.resources()) {
          types.merge(res.getClass().getSimpleName(), 1, Integer::sum);
          if (res instanceof dev.bulwark.model.OtherResource) {
            others.merge(res.type(), 1, Integer::sum);
          }
        }
        links(m, name, gaps);
      }
      for (ScanError e : r.errors()) {
        errors.merge(e.kind().label(), 1, Integer::sum);
        if (e.kind() == ScanError.Kind.INVALID || e.kind() == ScanError.Kind.INTERNAL) {
          System.out.println(e);
        }
      }
    }
    System.out.printf("templates %d, models %d, %.0f ms%n", files, models, nanos / 1e6);
    System.out.println("resources " + types);
    System.out.println("errors " + errors);
    System.out.println("gaps " + gaps);
    others.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(30)
        .forEach(e -> System.out.println("other " + e.getValue() + " " + e.getKey()));
  }
}
