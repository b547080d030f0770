package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link RawNode} tree from a stream of start/end/value calls, without recursion, while
 * enforcing the depth and node limits and reporting duplicate keys. Shared by the YAML and the
 * JSON readers so that both give the same tree with the same checks.
 *
 * <p>Duplicate keys: the last value wins (as in most YAML and JSON readers, and in what
 * CloudFormation deploys), and an {@code INVALID} error names the key and both lines.
 */
final class TreeBuilder {

  /** One open collection. */
  private static final class Frame {
    final RawNode node;
    @Nullable String key;
    int keyLine;
    int keyColumn;
    boolean skipValue;
    @Nullable Object extra;

    Frame(RawNode node) {
      this.node = node;
    }
  }

  private final String file;
  private final IacOptions.Limits limits;
  private final List<ScanError> errors;
  private final ArrayList<Frame> stack = new ArrayList<>();
  private long nodes;
  private @Nullable RawNode root;

  TreeBuilder(String file, IacOptions.Limits limits, List<ScanError> errors, int textLength) {
    this.file = file;
    this.limits = limits;
    this.errors = errors;
    this.shareTexts = textLength >= SHARE_FROM_LENGTH;
  }

  int depth() {
    return stack.size();
  }

  @Nullable RawNode root() {
    return root;
  }

  /** True when the innermost open collection is a map waiting for a key. */
  boolean expectingKey() {
    if (stack.isEmpty()) {
      return false;
    }
    Frame f = stack.get(stack.size() - 1);
    return f.node instanceof RawMap && f.key == null && !f.skipValue;
  }

  /** Per-collection data of the reader (YAML: anchor, tag, merges); null when none. */
  @Nullable Object extra() {
    return stack.get(stack.size() - 1).extra;
  }

  void setExtra(@Nullable Object extra) {
    stack.get(stack.size() - 1).extra = extra;
  }

  /** The innermost open collection. */
  RawNode top() {
    return stack.get(stack.size() - 1).node;
  }

  void startMap(int line, int column) throws ReadFailure {
    push(new RawMap(line, column), line);
  }

  void startList(int line, int column) throws ReadFailure {
    push(new RawList(line, column), line);
  }

  private void push(RawNode n, int line) throws ReadFailure {
    if (stack.size() >= limits.maxDepth()) {
      throw new ReadFailure(
          file,
          line,
          ScanError.Kind.LIMIT,
          "nesting deeper than " + limits.maxDepth() + " levels; the file is not read");
    }
    count(1, line);
    stack.add(new Frame(n));
  }

  /**
   * Closes the innermost collection and returns it (not yet delivered to its parent).
   *
   * @param endLine the line of the closing bracket, or 0 to use the end of the last child
   */
  RawNode end(int endLine) {
    Frame f = stack.remove(stack.size() - 1);
    if (endLine > 0) {
      setEndLine(f.node, Math.max(endLine, f.node.line()));
    }
    return f.node;
  }

  private static void setEndLine(RawNode n, int endLine) {
    if (n instanceof RawMap m) {
      m.endLine = endLine;
    } else if (n instanceof RawList l) {
      l.endLine = endLine;
    }
  }

  // one String per distinct short text: a large template repeats the same keys and values
  // (Type, Properties, Runtime, python3.12, …) thousands of times, and the parser makes a new
  // String for each; the trees and the model keep them. A small template gains nothing worth the
  // hashing, so only texts of at least SHARE_FROM_LENGTH characters share.
  static final int SHARE_FROM_LENGTH = 256 * 1024;
  private final boolean shareTexts;
  private final java.util.HashMap<String, String> texts = new java.util.HashMap<>();
  private static final int MAX_SHARED_LENGTH = 64;
  private static final int MAX_SHARED_TEXTS = 1 << 16;

  /** The same text, shared with earlier equal short texts of this file. */
  @Nullable String share(@Nullable String text) {
    if (!shareTexts || text == null || text.length() > MAX_SHARED_LENGTH) {
      return text;
    }
    String known = texts.get(text);
    if (known != null) {
      return known;
    }
    if (texts.size() < MAX_SHARED_TEXTS) {
      texts.put(text, text);
    }
    return text;
  }

  // a key seen first is stored as the JVM's canonical instance: keys are mostly the property
  // names the mappers look up as literals, and those look-ups then hit on identity
  private String shareKey(String key) {
    if (!shareTexts || key.length() > MAX_SHARED_LENGTH) {
      return key;
    }
    String known = texts.get(key);
    if (known != null) {
      return known;
    }
    if (texts.size() >= MAX_SHARED_TEXTS) {
      return key;
    }
    String canonical = key.intern();
    texts.put(canonical, canonical);
    return canonical;
  }

  /** Gives the innermost map its next key. */
  void key(String key, int line, int column) {
    Frame f = stack.get(stack.size() - 1);
    f.key = shareKey(key);
    f.keyLine = line;
    f.keyColumn = column;
  }

  /** The next value of the innermost map is dropped (its key could not be used). */
  void skipNextValue() {
    stack.get(stack.size() - 1).skipValue = true;
  }

  /** Counts nodes toward {@link IacOptions.Limits#maxNodes()}. */
  void count(int n, int line) throws ReadFailure {
    nodes += n;
    if (nodes > limits.maxNodes()) {
      throw new ReadFailure(
          file,
          line,
          ScanError.Kind.LIMIT,
          "more than "
              + limits.maxNodes()
              + " values (after expanding aliases); the file is not read");
    }
  }

  /** Delivers a finished value to the innermost open collection (or makes it the root). */
  void value(RawNode v) {
    if (stack.isEmpty()) {
      root = v;
      return;
    }
    Frame f = stack.get(stack.size() - 1);
    if (f.node instanceof RawList l) {
      l.add(v);
      if (v.endLine() > l.endLine) {
        l.endLine = v.endLine();
      }
      return;
    }
    RawMap m = (RawMap) f.node;
    if (v.endLine() > m.endLine) {
      m.endLine = v.endLine();
    }
    if (f.skipValue) {
      f.skipValue = false;
      return;
    }
    String k = f.key;
    f.key = null;
    if (k == null) {
      return;
    }
    Entry previous = m.put(k, f.keyLine, f.keyColumn, v);
    if (previous != null) {
      errors.add(
          new ScanError(
              file,
              f.keyLine,
              ScanError.Kind.INVALID,
              "duplicate key '"
                  + k
                  + "' (first at line "
                  + previous.keyLine()
                  + "); the last value is used"));
    }
  }
}
