package dev.bulwark.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inline suppression comment every pillar reads: {@code # bulwark:ignore ID[,ID…] reason},
 * after {@code #}, {@code //}, {@code /*}, {@code <!--} or {@code --} (YAML, code, XML, SQL).
 * The ids end at the first whitespace; the rest of the line, without a closing {@code *}{@code /}
 * or {@code -->}, is the reason. A directive without a reason parses (with a blank reason): it
 * suppresses nothing, and the engine reports it.
 *
 * <pre>{@code
 * InlineDirective.parse("  AuthType: NONE  # bulwark:ignore LAMBDA-006 public webhook")
 *     .filter(d -> d.names("LAMBDA-006") && !d.reason().isBlank());
 * }</pre>
 *
 * @param ruleIds the ids (or aliases) as written, at least one
 * @param reason the reason, possibly blank
 */
public record InlineDirective(List<String> ruleIds, String reason) {

  /** The token that starts a directive (matched case-insensitively). */
  public static final String TOKEN = "bulwark:ignore";

  private static final List<String> OPENERS = List.of("#", "//", "/*", "<!--", "--");
  private static final List<String> CLOSERS = List.of("*/", "-->");

  public InlineDirective {
    ruleIds = List.copyOf(ruleIds);
  }

  /** True when the directive names this rule id or alias (case-insensitive). */
  public boolean names(String idOrAlias) {
    for (String id : ruleIds) {
      if (id.equalsIgnoreCase(idOrAlias)) {
        return true;
      }
    }
    return false;
  }

  /** The directive on one line of text, if the line has one inside a comment. */
  public static Optional<InlineDirective> parse(String line) {
    int at = indexOfToken(line);
    if (at < 0) {
      return Optional.empty();
    }
    String before = line.substring(0, at).trim();
    if (OPENERS.stream().noneMatch(before::endsWith)) {
      return Optional.empty();
    }
    String rest = line.substring(at + TOKEN.length());
    for (String closer : CLOSERS) {
      int c = rest.lastIndexOf(closer);
      if (c >= 0) {
        rest = rest.substring(0, c);
      }
    }
    rest = rest.trim();
    int space = 0;
    while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
      space++;
    }
    List<String> ids = new ArrayList<>();
    for (String id : rest.substring(0, space).split(",")) {
      if (!id.isBlank()) {
        ids.add(id.trim());
      }
    }
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InlineDirective(ids, rest.substring(space).trim()));
  }

  /** True when the trimmed line starts a comment (a line of the comment block above a finding). */
  public static boolean isCommentLine(String line) {
    String t = line.trim();
    return t.startsWith("#") || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")
        || t.startsWith("<!--") || t.startsWith("--");
  }

  /** Where {@link #TOKEN} starts in the text, ignoring case, or -1 (the text is not copied). */
  public static int indexOfToken(CharSequence text) {
    int last = text.length() - TOKEN.length();
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < TOKEN.length(); j++) {
        char c = text.charAt(i + j);
        if (c != TOKEN.charAt(j) && Character.toLowerCase(c) != TOKEN.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
