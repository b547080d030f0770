package dev.bulwark.bench.deps;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.VulnerabilityDatabase;
import dev.bulwark.deps.internal.osv.OsvLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The OSV advisories of the development corpus (PyPI and Go): {@code -Dbulwark.osv=DIR}, else
 * {@code ../shared/corpus/osv} beside the project, else {@code /work/shared/corpus/osv}. Fails
 * with a clear message when none exists.
 */
final class OsvCorpus {

  private OsvCorpus() {}

  static Path root() {
    String configured = System.getProperty("bulwark.osv");
    List<Path> candidates = configured != null
        ? List.of(Path.of(configured))
        : List.of(Path.of("..", "shared", "corpus", "osv").toAbsolutePath().normalize(),
            Path.of("/work/shared/corpus/osv"));
    for (Path p : candidates) {
      if (Files.isDirectory(p.resolve("PyPI")) && Files.isDirectory(p.resolve("Go"))) {
        return p;
      }
    }
    throw new IllegalStateException("OSV corpus (PyPI/ and Go/ folders) not found at "
        + candidates + ": pass -Dbulwark.osv=DIR");
  }

  /** The advisories, parsed (for the index-only benchmark and to derive packages). */
  static List<Advisory> advisories(Path root) {
    OsvLoader.Result r = new OsvLoader(VulnerabilityDatabase.Limits.DEFAULT).addTree(root).result();
    if (!r.errors().isEmpty()) {
      throw new IllegalStateException("the corpus does not load cleanly: " + r.errors().get(0));
    }
    return r.advisories();
  }

  /**
   * {@code count} exact components, deterministic: about 70% are packages with advisories, at
   * versions taken from their advisories' events and lists (so that range checks run, hitting
   * and missing), the rest are packages without advisories.
   */
  static List<Component> components(List<Advisory> advisories, int count, long seed) {
    Map<String, Set<String>> versionsByPackage = new LinkedHashMap<>();
    for (Advisory a : advisories) {
      for (Advisory.Affected af : a.affected()) {
        Set<String> versions = versionsByPackage.computeIfAbsent(
            af.ecosystem().name() + " " + af.name(), k -> new LinkedHashSet<>());
        for (Advisory.Range r : af.ranges()) {
          for (Advisory.Event e : r.events()) {
            if (!e.version().equals("0") && r.type() != Advisory.RangeType.GIT) {
              versions.add(e.version());
            }
          }
        }
        versions.addAll(af.versions());
      }
    }
    versionsByPackage.values().removeIf(Set::isEmpty);
    List<String> packages = new ArrayList<>(versionsByPackage.keySet());
    Random random = new Random(seed);
    List<Component> out = new ArrayList<>(count);
    SourceLocation at = SourceLocation.of("bench/lockfile", 1);
    for (int i = 0; i < count; i++) {
      Ecosystem e;
      String name;
      String version;
      if (random.nextInt(10) < 7) {
        String key = packages.get(random.nextInt(packages.size()));
        e = Ecosystem.valueOf(key.substring(0, key.indexOf(' ')));
        name = key.substring(key.indexOf(' ') + 1);
        List<String> versions = new ArrayList<>(versionsByPackage.get(key));
        version = versions.get(random.nextInt(versions.size()));
        if (e == Ecosystem.GO && !version.startsWith("v")) {
          version = "v" + version;
        }
      } else {
        e = random.nextBoolean() ? Ecosystem.PYPI : Ecosystem.GO;
        name = e == Ecosystem.PYPI ? "unaffected-package-" + i : "example.com/unaffected/m" + i;
        version = e == Ecosystem.PYPI ? "1." + random.nextInt(30) : "v1." + random.nextInt(30)
            + ".0";
      }
      out.add(new Component(e, name, version, Component.VersionKind.EXACT, at,
          Component.Scope.RUNTIME, false, Map.of(), List.of()));
    }
    return out;
  }
}
