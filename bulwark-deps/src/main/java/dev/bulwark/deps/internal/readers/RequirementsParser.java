package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * pip requirements files: {@code name[extras] specifiers ; markers --hash=alg:hex}, line
 * continuations, comments, {@code -r}/{@code -c} includes relative to the including file (cycles
 * and depth bounded), and pip-compile's {@code # via} comments to tell direct from transitive.
 * An exact {@code ==} pin is {@link VersionKind#PINNED}; anything else is a declared range.
 */
public final class RequirementsParser implements ManifestParser {

  /** Deepest chain of {@code -r}/{@code -c} includes followed. */
  static final int MAX_INCLUDE_DEPTH = 16;

  private static final Set<String> SKIPPED_OPTIONS =
      Set.of(
          "-i", "--index-url", "--extra-index-url", "--no-index", "-f", "--find-links",
          "--trusted-host", "--no-binary", "--only-binary", "--prefer-binary", "--require-hashes",
          "--pre", "--use-feature", "-Z", "--always-unzip", "--config-settings", "--global-option",
          "--install-option");

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    List<ScanError> errors = new ArrayList<>();
    List<Comp> comps = new ArrayList<>();
    Map<String, Comp> constraints = new HashMap<>();
    Scope scope = scopeOf(file.fileName());
    read(file, context, scope, comps, constraints, errors, new LinkedHashSet<>(), false);
    List<Component> out = new ArrayList<>(comps.size());
    for (Comp c : comps) {
      Comp pin = constraints.get(c.name);
      if (c.kind != VersionKind.PINNED && pin != null) {
        Comp pinned = new Comp(Ecosystem.PYPI, c.name, pin.version).kind(VersionKind.PINNED)
            .at(c.source).scope(c.scope).direct(c.direct);
        pin.hashes.forEach(pinned::hash);
        c.properties.forEach(pinned::property);
        out.add(pinned.build());
      } else {
        out.add(c.build());
      }
    }
    return new ReadResult(out, errors);
  }

  static Scope scopeOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.contains("test")) {
      return Scope.TEST;
    }
    if (n.contains("dev") || n.contains("lint") || n.contains("docs")) {
      return Scope.DEVELOPMENT;
    }
    return Scope.RUNTIME;
  }

  private void read(
      SourceFile file, ReadContext context, Scope scope, List<Comp> comps,
      Map<String, Comp> constraints, List<ScanError> errors, Set<String> stack,
      boolean asConstraints) {
    if (!stack.add(file.display())) {
      return;
    }
    String text;
    try {
      text = file.text();
    } catch (ReadFailure f) {
      errors.add(f.toError(file.display()));
      stack.remove(file.display());
      return;
    }
    String[] lines = Text.lines(text);
    Comp last = null;
    List<String> via = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      StringBuilder logical = new StringBuilder(lines[i]);
      while (endsWithBackslash(logical) && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1);
        logical.append(' ').append(lines[++i]);
      }
      String raw = logical.toString();
      String trimmed = raw.trim();
      if (trimmed.startsWith("#")) {
        String comment = trimmed.substring(1).trim();
        if (last != null && (comment.startsWith("via") || !via.isEmpty())) {
          via.add(comment);
          boolean fromInput = comment.contains("-r ") || comment.equals("via -r");
          if (fromInput) {
            last.direct(true);
          } else if (via.size() == 1) {
            last.direct(false);
          }
        }
        continue;
      }
      via.clear();
      String line = stripComment(raw).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("-")) {
        last = null;
        option(file, context, scope, comps, constraints, errors, stack, line, lineNo);
        continue;
      }
      Comp c = requirement(file, line, lineNo, scope, errors);
      last = c;
      if (c == null) {
        continue;
      }
      if (asConstraints) {
        if (c.kind == VersionKind.PINNED) {
          constraints.putIfAbsent(c.name, c);
        }
        last = null;
      } else {
        comps.add(c);
      }
    }
    stack.remove(file.display());
  }

  private static boolean endsWithBackslash(StringBuilder sb) {
    return sb.length() > 0 && sb.charAt(sb.length() - 1) == '\\';
  }

  /** Drops a {@code #} comment that starts the line or follows whitespace. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private void option(
      SourceFile file, ReadContext context, Scope scope, List<Comp> comps,
      Map<String, Comp> constraints, List<ScanError> errors, Set<String> stack, String line,
      int lineNo) {
    String opt;
    String arg;
    int eq = line.indexOf('=');
    int sp = indexOfWhitespace(line);
    if (eq > 0 && (sp < 0 || eq < sp)) {
      opt = line.substring(0, eq);
      arg = line.substring(eq + 1).trim();
    } else if (sp > 0) {
      opt = line.substring(0, sp);
      arg = line.substring(sp).trim();
    } else if (line.startsWith("-r") || line.startsWith("-c")) {
      opt = line.substring(0, 2);
      arg = line.substring(2).trim();
    } else {
      opt = line;
      arg = "";
    }
    boolean include = opt.equals("-r") || opt.equals("--requirement");
    boolean constraint = opt.equals("-c") || opt.equals("--constraint");
    if (include || constraint) {
      if (arg.isEmpty()) {
        errors.add(file.error(lineNo, ScanError.Kind.INVALID, opt + " without a file"));
        return;
      }
      if (arg.contains("://")) {
        errors.add(file.error(lineNo, ScanError.Kind.INVALID, "remote include " + arg + " is not read"));
        return;
      }
      if (stack.size() >= MAX_INCLUDE_DEPTH) {
        errors.add(file.error(lineNo, ScanError.Kind.LIMIT, "includes nested deeper than " + MAX_INCLUDE_DEPTH));
        return;
      }
      SourceFile other = context.near(file, arg);
      if (other == null) {
        errors.add(file.error(lineNo, ScanError.Kind.INVALID, "included file " + arg + " not found"));
        return;
      }
      read(other, context, scope, comps, constraints, errors, stack, constraint);
      return;
    }
    if (opt.equals("-e") || opt.equals("--editable") || SKIPPED_OPTIONS.contains(opt)) {
      return;
    }
    errors.add(file.error(lineNo, ScanError.Kind.INVALID, "unknown option " + opt));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** One requirement line, or null (with an error when it is malformed). */
  static @Nullable Comp requirement(
      SourceFile file, String line, int lineNo, Scope scope, List<ScanError> errors) {
    List<String> hashes = new ArrayList<>();
    String spec = line;
    int opt = spec.indexOf(" --");
    if (opt >= 0) {
      String[] opts = Text.words(spec.substring(opt).trim());
      spec = spec.substring(0, opt).trim();
      for (int j = 0; j < opts.length; j++) {
        String o = opts[j];
        if (o.startsWith("--hash=")) {
          hashes.add(o.substring("--hash=".length()));
        } else if (o.equals("--hash") && j + 1 < opts.length) {
          hashes.add(opts[++j]);
        }
      }
    }
    String markers = null;
    int semi = spec.indexOf(';');
    if (semi >= 0) {
      markers = spec.substring(semi + 1).trim();
      spec = spec.substring(0, semi).trim();
    }
    // a path, an archive or a bare URL: local or remote code, not a registry package
    if (spec.startsWith(".") || spec.startsWith("/") || spec.contains("://") && !spec.contains("@")) {
      return null;
    }
    int n = 0;
    while (n < spec.length() && isNameChar(spec.charAt(n))) {
      n++;
    }
    if (n == 0) {
      errors.add(file.error(lineNo, ScanError.Kind.INVALID, "cannot read requirement: " + clip(line)));
      return null;
    }
    String name = Names.pypi(spec.substring(0, n));
    String rest = spec.substring(n).trim();
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        errors.add(file.error(lineNo, ScanError.Kind.INVALID, "unclosed extras in: " + clip(line)));
        return null;
      }
      rest = rest.substring(close + 1).trim();
    }
    String version = "*";
    VersionKind kind = VersionKind.DECLARED_RANGE;
    if (rest.startsWith("@")) {
      version = "*";
    } else if (!rest.isEmpty()) {
      String specifiers = rest.startsWith("(") && rest.endsWith(")")
          ? rest.substring(1, rest.length() - 1).trim() : rest;
      specifiers = specifiers.replace(" ", "");
      if (!isSpecifierSet(specifiers)) {
        errors.add(file.error(lineNo, ScanError.Kind.INVALID, "cannot read version specifier: " + clip(line)));
        return null;
      }
      version = specifiers;
      if (!specifiers.contains(",") && (specifiers.startsWith("===")
          || specifiers.startsWith("==") && !specifiers.contains("*"))) {
        version = specifiers.substring(specifiers.startsWith("===") ? 3 : 2);
        kind = VersionKind.PINNED;
      }
    }
    Comp c = new Comp(Ecosystem.PYPI, name, version).kind(kind).at(file.at(lineNo)).scope(scope)
        .direct(true);
    if (markers != null && !markers.isEmpty()) {
      c.property("python:markers", markers);
    }
    Map<String, Integer> perAlg = new HashMap<>();
    for (String h : hashes) {
      perAlg.merge(h.substring(0, Math.max(0, h.indexOf(':'))), 1, Integer::sum);
    }
    for (String h : hashes) {
      if (perAlg.get(h.substring(0, Math.max(0, h.indexOf(':')))) == 1) {
        c.prefixedHash(h);
      }
    }
    return c;
  }

  private static boolean isNameChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.';
  }

  private static boolean isSpecifierSet(String s) {
    for (String part : Text.split(s, ',')) {
      if (!(part.startsWith("==") || part.startsWith("!=") || part.startsWith(">=")
          || part.startsWith("<=") || part.startsWith("~=") || part.startsWith(">")
          || part.startsWith("<"))) {
        return false;
      }
    }
    return true;
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
