package dev.bulwark.bench.deps;

import dev.bulwark.deps.internal.version.MavenScheme;
import dev.bulwark.deps.internal.version.SchemeVersion;
import dev.bulwark.deps.internal.version.VersionScheme;
import dev.bulwark.deps.internal.version.VersionSchemes;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Development tool: checks Bulwark's version orderings against the ordering vectors of the
 * development corpus ({@code /work/shared/corpus/version-ordering}, or {@code
 * -Dbulwark.versions=DIR}) and prints the agreement figures and every disagreement.
 *
 * <pre>
 * ./mvnw -q -B -o -pl bulwark-bench -am package -DskipTests
 * java -cp bulwark-bench/target/benchmarks.jar dev.bulwark.bench.deps.VersionOrderingCheck \
 *     [--maven-artifact JAR]...
 * </pre>
 *
 * <p>Each {@code --maven-artifact} JAR (a {@code maven-artifact} release from the local Maven
 * repository; several JARs joined by the path separator when a release needs {@code
 * commons-lang3}) is checked in an isolated class loader, to choose the release to pin.
 *
 * <p>Vector files hold one {@code A < B}, {@code A > B} or {@code A = B} per line; blank lines and
 * lines starting with {@code //} or {@code #} are skipped. Exit status 1 when any scheme disagrees.
 */
public final class VersionOrderingCheck {

  private VersionOrderingCheck() {}

  /** One vector: {@code left op right}. */
  record Vector(String file, int line, String left, char op, String right) {
    int expected() {
      return op == '<' ? -1 : op == '>' ? 1 : 0;
    }

    @Override
    public String toString() {
      return file + ":" + line + ": " + left + " " + op + " " + right;
    }
  }

  /** Agreement of one comparator with one vector set. */
  record Result(String name, int agree, int disagree, int skipped, List<String> failures) {
    void print(PrintStream out) {
      int judged = agree + disagree;
      out.printf(
          "%-34s %6d / %6d agree (%.3f%%)%s%n",
          name,
          agree,
          judged,
          judged == 0 ? 0.0 : 100.0 * agree / judged,
          skipped > 0 ? ", " + skipped + " not valid in this scheme (skipped)" : "");
      for (String f : failures) {
        out.println("    " + f);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("bulwark.versions", "/work/shared/corpus/version-ordering"));
    if (!Files.isDirectory(dir)) {
      System.err.println("ordering vectors not found at " + dir
          + ": pass -Dbulwark.versions=DIR (the corpus' version-ordering folder)");
      System.exit(2);
    }
    List<Vector> maven = read(dir, "maven-versions.txt", "maven-versions-generated.txt");
    List<Vector> pypi = read(dir, "pypi-versions.txt", "pypi-versions-generated.txt");
    List<Vector> semver = read(dir, "semver-versions.txt");
    List<Result> results = new ArrayList<>();
    results.add(check("Maven (class path: maven-artifact " + MavenScheme.implementationRelease() + ")",
        maven, scheme(VersionSchemes.maven(), false)));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (args[i].equals("--maven-artifact")) {
        results.add(check("Maven " + Path.of(args[i + 1].split(java.io.File.pathSeparator)[0])
            .getFileName(), maven,
            reflective(Path.of(args[i + 1]))));
      }
    }
    results.add(check("PyPI (PEP 440 + legacy)", pypi, scheme(VersionSchemes.pep440(), false)));
    results.add(check("SemVer vectors, npm scheme", semver, scheme(VersionSchemes.semver(), true)));
    results.add(check("SemVer vectors, Go scheme", semver, scheme(VersionSchemes.go(), true)));
    boolean ok = true;
    for (Result r : results) {
      r.print(System.out);
      ok &= r.disagree == 0;
    }
    System.exit(ok ? 0 : 1);
  }

  static List<Vector> read(Path dir, String... files) throws IOException {
    List<Vector> out = new ArrayList<>();
    for (String f : files) {
      List<String> lines = Files.readAllLines(dir.resolve(f));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("//") || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split(" ");
        if (p.length != 3 || p[1].length() != 1 || "<>=".indexOf(p[1].charAt(0)) < 0) {
          throw new IOException(f + ":" + (i + 1) + ": not 'A op B': " + line);
        }
        out.add(new Vector(f, i + 1, p[0], p[1].charAt(0), p[2]));
      }
    }
    return out;
  }

  /** A comparator, or null from it when the pair is not valid in the scheme. */
  static BiFunction<String, String, Integer> scheme(VersionScheme s, boolean skipInvalid) {
    return (a, b) -> {
      SchemeVersion x = s.tryParse(a);
      SchemeVersion y = s.tryParse(b);
      if (x == null || y == null) {
        if (skipInvalid) {
          return null;
        }
        throw new IllegalArgumentException("cannot parse " + (x == null ? a : b));
      }
      return Integer.signum(x.compareTo(y));
    };
  }

  @SuppressWarnings("unchecked")
  static BiFunction<String, String, Integer> reflective(Path jar) throws Exception {
    String[] parts = jar.toString().split(java.io.File.pathSeparator);
    URL[] urls = new URL[parts.length];
    for (int i = 0; i < parts.length; i++) {
      urls[i] = Path.of(parts[i]).toUri().toURL();
    }
    URLClassLoader loader = new URLClassLoader(urls, null);
    Class<?> c = loader.loadClass("org.apache.maven.artifact.versioning.ComparableVersion");
    Constructor<?> k = c.getConstructor(String.class);
    return (a, b) -> {
      try {
        Comparable<Object> x = (Comparable<Object>) k.newInstance(a);
        return Integer.signum(x.compareTo(k.newInstance(b)));
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException(jar.getFileName() + " cannot compare " + a + " and " + b
            + ": " + e, e);
      }
    };
  }

  static Result check(String name, List<Vector> vectors, BiFunction<String, String, Integer> cmp) {
    int agree = 0;
    int disagree = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    for (Vector v : vectors) {
      Integer got;
      try {
        got = cmp.apply(v.left(), v.right());
      } catch (RuntimeException e) {
        disagree++;
        failures.add(v + "  (" + e.getMessage() + ")");
        continue;
      }
      if (got == null) {
        skipped++;
      } else if (got == v.expected()) {
        agree++;
      } else {
        disagree++;
        failures.add(v + "  (got " + (got < 0 ? "<" : got > 0 ? ">" : "=") + ")");
      }
    }
    return new Result(name, agree, disagree, skipped, failures);
  }
}
