package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradle dependency lockfiles ({@code gradle.lockfile}, {@code *.lockfile} under {@code
 * gradle/dependency-locks}): {@code group:artifact:version=configuration,…}. A module on a
 * non-test runtime or compile classpath is runtime; only on test classpaths, test.
 */
public final class GradleLockParser implements ManifestParser {

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    String text;
    try {
      text = file.text();
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    List<Component> out = new ArrayList<>();
    String[] lines = Text.lines(text);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("empty=")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coords = eq < 0 ? line : line.substring(0, eq);
      String configs = eq < 0 ? "" : line.substring(eq + 1);
      String[] gav = Text.split(coords, ':');
      if (gav.length != 3 || gav[0].isEmpty() || gav[1].isEmpty() || gav[2].isEmpty()) {
        errors.add(file.error(i + 1, ScanError.Kind.INVALID, "expected group:artifact:version, got " + clip(coords)));
        continue;
      }
      out.add(new Comp(Ecosystem.MAVEN, gav[0] + ":" + gav[1], gav[2]).kind(VersionKind.EXACT)
          .at(file.at(i + 1)).scope(scope(configs)).build());
    }
    return new ReadResult(out, errors);
  }

  private static Scope scope(String configs) {
    if (configs.isBlank()) {
      return Scope.UNKNOWN;
    }
    boolean test = false;
    for (String c : Text.split(configs, ',')) {
      String t = c.trim();
      if (t.toLowerCase(java.util.Locale.ROOT).startsWith("test")) {
        test = true;
      } else if (t.endsWith("RuntimeClasspath") || t.endsWith("CompileClasspath")
          || t.equals("runtimeClasspath") || t.equals("compileClasspath")) {
        return Scope.RUNTIME;
      }
    }
    return test ? Scope.TEST : Scope.UNKNOWN;
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
