package dev.bulwark.engine.internal;

import dev.bulwark.core.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Inline suppression comments: {@code # bulwark:ignore LAMBDA-006,APIGW-001 reason text} (or with
 * {@code //}) on the finding's line or in the comment lines directly above it. Files are read
 * lazily, once, up to a size limit.
 */
public final class InlineDirectives {

  private static final String TOKEN = "bulwark:ignore";
  private static final int MAX_COMMENT_LINES_ABOVE = 8;

  /** One directive: the rule ids it names, its reason (possibly blank) and where it is. */
  public record Directive(List<String> ruleIds, String reason, SourceLocation location) {
    public boolean names(String idOrAlias) {
      return ruleIds.stream().anyMatch(id -> id.equalsIgnoreCase(idOrAlias));
    }
  }

  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();
  private final Map<String, Path> paths;
  private final Path base;
  private final long maxBytes;

  /**
   * @param paths files by display name
   * @param base the folder other display names are relative to (lockfiles and code files that
   *     dependency and secret findings point at); names that are not regular files there, such as
   *     entries inside archives, have no directives
   */
  public InlineDirectives(Map<String, Path> paths, Path base, long maxBytes) {
    this.paths = paths;
    this.base = base;
    this.maxBytes = maxBytes;
  }

  /** Directives that apply to a finding starting on {@code line} of {@code file}. */
  public List<Directive> at(String file, int line) {
    List<String> text = lines(file);
    List<Directive> out = new ArrayList<>();
    if (line < 1 || line > text.size()) {
      return out;
    }
    parse(text.get(line - 1), file, line).ifPresent(out::add);
    for (int l = line - 1; l >= 1 && l >= line - MAX_COMMENT_LINES_ABOVE; l--) {
      String t = text.get(l - 1).trim();
      if (!(t.startsWith("#") || t.startsWith("//"))) {
        break;
      }
      parse(t, file, l).ifPresent(out::add);
    }
    return out;
  }

  /** Every directive in a file. */
  public List<Directive> all(String file) {
    List<String> text = lines(file);
    List<Directive> out = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      parse(text.get(i), file, i + 1).ifPresent(out::add);
    }
    return out;
  }

  private List<String> lines(String file) {
    return lines.computeIfAbsent(file, f -> read(pathOf(f)));
  }

  private @Nullable Path pathOf(String display) {
    Path p = paths.get(display);
    if (p != null) {
      return p;
    }
    try {
      Path candidate = base.resolve(display);
      return Files.isRegularFile(candidate) ? candidate : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  private List<String> read(@Nullable Path path) {
    if (path == null) {
      return List.of();
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
      // most files have no directive: look for the ASCII token in the bytes before decoding
      if (!containsToken(bytes)) {
        return List.of();
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      // most files have no directive: no need to keep their lines
      return indexOfToken(text) < 0 ? List.of() : splitLines(text);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Parses a directive from one line of text, if the line has one. */
  public static Optional<Directive> parse(String line, String file, int lineNo) {
    int at = indexOfToken(line);
    if (at < 0) {
      return Optional.empty();
    }
    String before = line.substring(0, at).trim();
    if (!(before.endsWith("#") || before.endsWith("//") || before.endsWith("/*")
        || before.endsWith("<!--"))) {
      return Optional.empty();
    }
    String rest = line.substring(at + TOKEN.length());
    for (String closer : List.of("*/", "-->")) {
      int c = rest.lastIndexOf(closer);
      if (c >= 0) {
        rest = rest.substring(0, c);
      }
    }
    rest = rest.trim();
    int space = indexOfWhitespace(rest);
    String idsText = space < 0 ? rest : rest.substring(0, space);
    String reason = space < 0 ? "" : rest.substring(space).trim();
    List<String> ids = new ArrayList<>();
    for (String id : idsText.split(",")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Directive(ids, reason, SourceLocation.of(file, lineNo)));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The lines of a text, split at CR LF, CR or LF (the last line may be empty). */
  static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** Where {@link #TOKEN} starts in the line, ignoring case, or -1 (no copy of the line). */
  private static boolean containsToken(byte[] bytes) {
    int last = bytes.length - TOKEN.length();
    outer:
    for (int i = 0; i <= last; i++) {
      if ((bytes[i] | 0x20) != 'b') {
        continue;
      }
      for (int j = 1; j < TOKEN.length(); j++) {
        int b = bytes[i + j];
        char t = TOKEN.charAt(j);
        if (b != t && (b | 0x20) != t) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static int indexOfToken(String line) {
    int last = line.length() - TOKEN.length();
    for (int i = 0; i <= last; i++) {
      char c = line.charAt(i);
      if ((c == 'b' || c == 'B') && line.regionMatches(true, i, TOKEN, 0, TOKEN.length())) {
        return i;
      }
    }
    return -1;
  }
}
