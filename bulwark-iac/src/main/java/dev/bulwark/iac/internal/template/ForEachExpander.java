package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node;
import dev.bulwark.model.Node.Scalar.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]} (the
 * {@code AWS::LanguageExtensions} transform) in the raw tree, before intrinsics are resolved.
 *
 * <p>The collection is a list of values or a {@code Ref} to a list parameter. In the output keys
 * and values, {@code ${Identifier}} becomes the item and {@code &{Identifier}} the item without
 * its non-alphanumeric characters; {@code {"Ref": Identifier}} becomes the item. Loops may nest.
 * Expanded values keep the lines of the loop's body. The values created count against {@link
 * IacOptions.Limits#maxNodes()}.
 */
final class ForEachExpander {

  private final String file;
  private final Resolver resolver;
  private final List<ScanError> errors;
  private final int maxNodes;
  private long created;

  ForEachExpander(String file, Resolver resolver, IacOptions.Limits limits, List<ScanError> errors) {
    this.file = file;
    this.resolver = resolver;
    this.errors = errors;
    this.maxNodes = limits.maxNodes();
  }

  /** The tree with every loop expanded; unchanged subtrees are shared. */
  RawNode expand(RawNode n) {
    if (n instanceof RawList l) {
      RawList out = null;
      for (int i = 0; i < l.items.size(); i++) {
        RawNode item = l.items.get(i);
        RawNode e = expand(item);
        if (e != item && out == null) {
          out = new RawList(l.line, l.column);
          for (int j = 0; j < i; j++) {
            out.add(l.items.get(j));
          }
        }
        if (out != null) {
          out.add(e);
        }
      }
      if (out != null) {
        out.endLine = l.endLine;
        return out;
      }
      return l;
    }
    if (!(n instanceof RawMap m)) {
      return n;
    }
    boolean changed = false;
    List<Entry> entries = new ArrayList<>(m.count());
    for (Entry e : m.entryList()) {
      if (e.key().startsWith(Intrinsics.FOR_EACH_PREFIX)) {
        changed = true;
        loop(e, entries);
        continue;
      }
      RawNode v = expand(e.value());
      if (v != e.value()) {
        changed = true;
        entries.add(new Entry(e.key(), e.keyLine(), e.keyColumn(), v));
      } else {
        entries.add(e);
      }
    }
    if (!changed) {
      return m;
    }
    RawMap out = new RawMap(m.line, m.column);
    out.endLine = m.endLine;
    for (Entry e : entries) {
      Entry previous = out.put(e.key(), e.keyLine(), e.keyColumn(), e.value());
      if (previous != null) {
        error(e.keyLine(), "Fn::ForEach makes the key '" + e.key() + "' twice; the last value is used");
      }
    }
    // an output may itself hold loops (nested Fn::ForEach): they are in the copied values
    return out;
  }

  /** Adds the entries one loop makes to {@code out}. */
  private void loop(Entry e, List<Entry> out) {
    if (!(e.value() instanceof RawList l)
        || l.items.size() != 3
        || !(l.items.get(0) instanceof RawScalar id)
        || id.value() == null
        || !(l.items.get(2) instanceof RawMap body)) {
      error(e.keyLine(), e.key() + " takes [Identifier, Collection, {OutputKey: OutputValue}]; it is not expanded");
      return;
    }
    List<String> items = collection(l.items.get(1));
    if (items == null) {
      error(
          e.keyLine(),
          e.key() + ": the collection is not a list of known values; the loop is not expanded");
      return;
    }
    String identifier = id.value();
    List<Entry> made = new ArrayList<>();
    for (String item : items) {
      for (Entry be : body.entryList()) {
        String key = substitute(be.key(), identifier, item);
        made.add(new Entry(key, be.keyLine(), be.keyColumn(), copy(be.value(), identifier, item)));
      }
    }
    // expand loops nested in the output (they now carry this loop's item)
    for (Entry m : made) {
      if (m.key().startsWith(Intrinsics.FOR_EACH_PREFIX)) {
        loop(m, out);
      } else {
        out.add(new Entry(m.key(), m.keyLine(), m.keyColumn(), expand(m.value())));
      }
    }
  }

  private @Nullable List<String> collection(RawNode n) {
    Node resolved = resolver.resolve(n);
    if (!(resolved instanceof Node.ListNode list)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Node i : list.items()) {
      if (!(i instanceof Node.Scalar s) || s.value() == null) {
        return null;
      }
      out.add(s.value());
    }
    return out;
  }

  private RawNode copy(RawNode n, String id, String item) {
    count(n.line());
    if (n instanceof RawScalar s) {
      if (s.value() == null || s.kind() != Kind.STRING) {
        return s;
      }
      String v = substitute(s.value(), id, item);
      return v.equals(s.value()) ? s : new RawScalar(v, Kind.STRING, s.line(), s.endLine(), s.column());
    }
    if (n instanceof RawList l) {
      RawList out = new RawList(l.line, l.column);
      out.endLine = l.endLine;
      for (RawNode i : l.items) {
        out.add(copy(i, id, item));
      }
      return out;
    }
    RawMap m = (RawMap) n;
    Entry single = m.single();
    if (single != null
        && single.key().equals(Intrinsics.REF)
        && single.value() instanceof RawScalar ref
        && id.equals(ref.value())) {
      return new RawScalar(item, Kind.STRING, m.line, m.endLine, m.column);
    }
    RawMap out = new RawMap(m.line, m.column);
    out.endLine = m.endLine;
    for (Entry e : m.entryList()) {
      out.put(substitute(e.key(), id, item), e.keyLine(), e.keyColumn(), copy(e.value(), id, item));
    }
    return out;
  }

  private void count(int line) {
    if (++created > maxNodes) {
      throw new Resolver.LimitExceeded(line, "Fn::ForEach made more than " + maxNodes + " values");
    }
  }

  static String substitute(String s, String id, String item) {
    if (s.indexOf('{') < 0) {
      return s;
    }
    return s.replace("${" + id + "}", item).replace("&{" + id + "}", alphanumeric(item));
  }

  private static String alphanumeric(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void error(int line, String message) {
    errors.add(new ScanError(file, line, ScanError.Kind.INVALID, message));
  }
}
