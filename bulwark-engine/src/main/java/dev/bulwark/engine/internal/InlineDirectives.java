package dev.bulwark.engine.internal;

import dev.bulwark.core.InlineDirective;
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

  private static final String TOKEN = InlineDirective.TOKEN;
  private static final int MAX_COMMENT_LINES_ABOVE = 8;

  /** One directive: the rule ids it names, its reason (possibly blank) and where it is. */
  public record Directive(List<String> ruleIds, String reason, SourceLocation location) {
    public boolean names(String idOrAlias) {
      for (String id : ruleIds) {
        if (id.equalsIgnoreCase(idOrAlias)) {
          return true;
        }
      }
      return false;
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
      String t = text.get(l - 1);
      if (!InlineDirective.isCommentLine(t)) {
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
      return InlineDirective.indexOfToken(text) < 0 ? List.of() : splitLines(text);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Parses a directive from one line of text, if the line has one ({@link InlineDirective}). */
  public static Optional<Directive> parse(String line, String file, int lineNo) {
    return InlineDirective.parse(line)
        .map(d -> new Directive(d.ruleIds(), d.reason(), SourceLocation.of(file, lineNo)));
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

  /** True when the bytes hold the token, ignoring ASCII case (checked before decoding a file). */
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


}
