package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code go.mod}: {@code require} (single lines and blocks, {@code // indirect}), {@code replace}
 * (a module version replaced by another module, or by a local folder which drops it) and {@code
 * exclude}. Since Go 1.17 the main module lists every module of the build, so versions are exact.
 * Hashes come from the {@code go.sum} beside it ({@code h1:} directory hashes, as {@code GO-H1}).
 */
public final class GoModParser implements ManifestParser {

  private record Require(String path, String version, boolean indirect, int line) {}

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    String text;
    try {
      text = file.text();
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    List<ScanError> errors = new ArrayList<>();
    List<Require> requires = new ArrayList<>();
    Map<String, String[]> replaces = new HashMap<>(); // "path" or "path@version" -> {path, version}
    Set<String> excludes = new HashSet<>();
    String block = null;
    String[] lines = Text.lines(text);
    boolean sawModule = false;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      boolean indirect = raw.contains("// indirect");
      int comment = raw.indexOf("//");
      String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (block != null) {
        if (line.equals(")")) {
          block = null;
          continue;
        }
        directive(file, block, line, indirect, lineNo, requires, replaces, excludes, errors);
        continue;
      }
      String[] words = Text.words(line, 2);
      String verb = words[0];
      String rest = words.length > 1 ? words[1].trim() : "";
      if (verb.equals("module")) {
        sawModule = true;
      }
      if (rest.equals("(")) {
        block = verb;
        continue;
      }
      directive(file, verb, rest, indirect, lineNo, requires, replaces, excludes, errors);
    }
    if (!sawModule && requires.isEmpty()) {
      return ReadResult.failed(file.error(0, ScanError.Kind.INVALID, "no module directive: not a go.mod"));
    }
    Map<String, String> sums = sums(file, context);
    Map<String, Component> out = new LinkedHashMap<>();
    for (Require r : requires) {
      String path = r.path;
      String version = r.version;
      String[] rep = replaces.getOrDefault(path + "@" + version, replaces.get(path));
      if (rep != null) {
        if (rep[1].isEmpty()) {
          continue; // replaced by a local folder: the project's own code
        }
        path = rep[0];
        version = rep[1];
      }
      VersionKind kind = excludes.contains(r.path + "@" + r.version) ? VersionKind.DECLARED_RANGE : VersionKind.EXACT;
      Comp c = new Comp(Ecosystem.GO, path, version).kind(kind).at(file.at(r.line))
          .scope(Scope.RUNTIME).direct(!r.indirect);
      String h1 = sums.get(path + " " + version);
      if (h1 != null) {
        c.hash("GO-H1", h1);
      }
      out.putIfAbsent(c.key(), c.build());
    }
    return new ReadResult(new ArrayList<>(out.values()), errors);
  }

  private static void directive(
      SourceFile file, String verb, String args, boolean indirect, int lineNo,
      List<Require> requires, Map<String, String[]> replaces, Set<String> excludes,
      List<ScanError> errors) {
    String[] w = Text.words(args);
    switch (verb) {
      case "require" -> {
        if (w.length < 2) {
          errors.add(file.error(lineNo, ScanError.Kind.INVALID, "require needs a module path and a version"));
        } else {
          requires.add(new Require(unquote(w[0]), w[1], indirect, lineNo));
        }
      }
      case "exclude" -> {
        if (w.length >= 2) {
          excludes.add(unquote(w[0]) + "@" + w[1]);
        }
      }
      case "replace" -> {
        int arrow = args.indexOf("=>");
        if (arrow < 0) {
          errors.add(file.error(lineNo, ScanError.Kind.INVALID, "replace without =>"));
          return;
        }
        String[] left = Text.words(args.substring(0, arrow).trim());
        String[] right = Text.words(args.substring(arrow + 2).trim());
        if (left.length == 0 || right.length == 0) {
          errors.add(file.error(lineNo, ScanError.Kind.INVALID, "replace needs a module on both sides of =>"));
          return;
        }
        String from = unquote(left[0]) + (left.length > 1 ? "@" + left[1] : "");
        String to = unquote(right[0]);
        boolean localDir = to.startsWith("./") || to.startsWith("../") || to.startsWith("/");
        replaces.put(from, new String[] {to, localDir || right.length < 2 ? "" : right[1]});
      }
      default -> { }
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("`")) ? s.substring(1, s.length() - 1) : s;
  }

  /** {@code "module version" -> hex} from the go.sum beside the go.mod, module zips only. */
  private static Map<String, String> sums(SourceFile gomod, ReadContext context) {
    Map<String, String> out = new HashMap<>();
    SourceFile sum = context.near(gomod, "go.sum");
    if (sum == null) {
      return out;
    }
    String text;
    try {
      text = sum.text();
    } catch (ReadFailure f) {
      return out;
    }
    for (String line : Text.lines(text)) {
      String[] w = Text.words(line.trim());
      if (w.length != 3 || w[1].endsWith("/go.mod") || !w[2].startsWith("h1:")) {
        continue;
      }
      try {
        out.put(w[0] + " " + w[1], Names.hex(java.util.Base64.getDecoder().decode(w[2].substring(3))));
      } catch (IllegalArgumentException badBase64) {
        // a line we cannot decode adds no hash
      }
    }
    return out;
  }
}
