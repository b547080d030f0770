package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of one property map of a resource. A missing key gives an absent (or defaulted)
 * attribute located at the owner; a value of the wrong type gives an {@code INVALID} error and an
 * unknown attribute; unresolved values stay unknown with their shape and references.
 */
final class Props {

  private final MappingContext ctx;
  private final String owner;
  private final String path;
  private final Node.MapNode map;
  private final SourceLocation location;
  private final @Nullable Node unknownSource;

  private Props(
      MappingContext ctx,
      String owner,
      String path,
      Node.MapNode map,
      SourceLocation location,
      @Nullable Node unknownSource) {
    this.ctx = ctx;
    this.owner = owner;
    this.path = path;
    this.map = map;
    this.location = location;
    this.unknownSource = unknownSource;
  }

  static Props of(MappingContext ctx, String owner, Node.MapNode map) {
    return new Props(ctx, owner, "", map, map.location(), null);
  }

  /** A resource's properties; absent and defaulted attributes are located at the resource. */
  static Props of(MappingContext ctx, String owner, Node.MapNode map, SourceLocation owning) {
    return new Props(ctx, owner, "", map, owning, null);
  }

  private static final Node.MapNode EMPTY =
      new Node.MapNode(Map.of(), Map.of(), SourceLocation.NONE);

  static Node.MapNode emptyMap(SourceLocation at) {
    return new Node.MapNode(Map.of(), Map.of(), at);
  }

  /** Properties that are not written: every read is absent (or defaulted) at {@code at}. */
  static Props empty(MappingContext ctx, String owner, SourceLocation at) {
    return new Props(ctx, owner, "", EMPTY, at, null);
  }

  String owner() {
    return owner;
  }

  MappingContext ctx() {
    return ctx;
  }

  /** Where absent and defaulted attributes of this map are located. */
  SourceLocation location() {
    return location;
  }

  Node.MapNode map() {
    return map;
  }

  /** True when the whole map could not be resolved: every attribute read from it is unknown. */
  boolean isUnknown() {
    return unknownSource != null;
  }

  boolean has(String key) {
    Node n = map.get(key);
    return n != null && !isNull(n);
  }

  @Nullable Node node(String key) {
    Node n = map.get(key);
    return n == null || isNull(n) ? null : n;
  }

  SourceLocation keyLocation(String key) {
    return map.entries().containsKey(key) ? map.keyLocation(key) : location;
  }

  /** Location of the value of {@code key}, or of this map when the key is missing. */
  SourceLocation at(String key) {
    Node n = node(key);
    return n != null ? n.location() : location;
  }

  private String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean isNull(Node n) {
    return n instanceof Node.Scalar s && s.value() == null;
  }

  // ------------------------------------------------------------------ nested maps and lists

  /**
   * The map under {@code key}: empty (located here) when missing; unknown when it could not be
   * resolved; an error and empty when it is not a map.
   */
  Props sub(String key) {
    Node n = node(key);
    if (unknownSource != null) {
      return new Props(ctx, owner, name(key), EMPTY, location, unknownSource);
    }
    if (n == null) {
      return new Props(ctx, owner, name(key), EMPTY, location, null);
    }
    return subOf(n, name(key));
  }

  /** A nested map given as a node (list items, event definitions). */
  Props subOf(Node n, String name) {
    if (n instanceof Node.MapNode m) {
      return new Props(ctx, owner, name, m, m.location(), null);
    }
    if (!(n instanceof Node.Unknown
        || n instanceof Node.Choice
        || n instanceof Node.Reference
        || n instanceof Node.Text
        || n instanceof Node.Absent)) {
      ctx.invalid(n.location(), owner, name + ": expected a map but found " + describe(n));
    }
    return new Props(ctx, owner, name, EMPTY, n.location(), n);
  }

  /**
   * The items under {@code key}: a list's items, or the single value when a single value is written
   * where a list is accepted. Unknown lists give no items.
   */
  List<Node> items(String key) {
    Node n = node(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof Node.ListNode l) {
      List<Node> out = new ArrayList<>(l.items().size());
      for (Node i : l.items()) {
        if (!(i instanceof Node.Absent) && !isNull(i)) {
          out.add(i);
        }
      }
      return out;
    }
    if (n instanceof Node.Unknown || n instanceof Node.Choice) {
      return List.of();
    }
    return List.of(n);
  }

  // ------------------------------------------------------------------ scalars

  Attr<String> str(String key) {
    return read(key, n -> str(n, name(key)));
  }

  Attr<String> str(String key, String dflt) {
    Attr<String> a = str(key);
    return a.isAbsent() ? Attr.defaulted(dflt, location) : a;
  }

  Attr<Boolean> bool(String key) {
    return read(key, n -> bool(n, name(key)));
  }

  Attr<Boolean> bool(String key, boolean dflt) {
    Attr<Boolean> a = bool(key);
    return a.isAbsent() ? Attr.defaulted(dflt, location) : a;
  }

  Attr<Integer> integer(String key) {
    return read(key, n -> integer(n, name(key)));
  }

  Attr<Integer> integer(String key, int dflt) {
    Attr<Integer> a = integer(key);
    return a.isAbsent() ? Attr.defaulted(dflt, location) : a;
  }

  Attr<Double> decimal(String key) {
    return read(key, n -> decimal(n, name(key)));
  }

  Attr<Ref> ref(String key) {
    return read(key, n -> ref(n, name(key)));
  }

  Attr<PolicyDocument> policy(String key) {
    return read(key, n -> policy(n, name(key)));
  }

  List<Attr<String>> strings(String key) {
    if (unknownSource != null) {
      return List.of(Attr.unknown(unknownSource));
    }
    Node n = node(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof Node.Unknown) {
      return List.of(Attr.unknown(n));
    }
    if (n instanceof Node.Choice c) {
      return List.of(str(c, name(key)));
    }
    List<Attr<String>> out = new ArrayList<>();
    for (Node i : items(key)) {
      out.add(str(i, name(key)));
    }
    return out;
  }

  List<Attr<Ref>> refs(String key) {
    if (unknownSource != null) {
      return List.of(Attr.unknown(unknownSource));
    }
    Node n = node(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof Node.Unknown || n instanceof Node.Choice) {
      return List.of(ref(n, name(key)));
    }
    List<Attr<Ref>> out = new ArrayList<>();
    for (Node i : items(key)) {
      out.add(ref(i, name(key)));
    }
    return out;
  }

  private <T> Attr<T> read(String key, Function<Node, Attr<T>> convert) {
    if (unknownSource != null) {
      return Attr.unknown(unknownSource);
    }
    Node n = node(key);
    return n == null ? Attr.absent(location) : convert.apply(n);
  }

  // ------------------------------------------------------------------ node conversions

  Attr<String> str(Node n, String what) {
    return scalar(n, what, "a string", s -> Optional.of(s));
  }

  Attr<Boolean> bool(Node n, String what) {
    return scalar(
        n,
        what,
        "true or false",
        s -> {
          String l = s.toLowerCase(Locale.ROOT);
          return l.equals("true")
              ? Optional.of(true)
              : l.equals("false") ? Optional.of(false) : Optional.empty();
        });
  }

  Attr<Integer> integer(Node n, String what) {
    return scalar(n, what, "a whole number", Props::parseInt);
  }

  Attr<Double> decimal(Node n, String what) {
    return scalar(n, what, "a number", Props::parseDouble);
  }

  private <T> Attr<T> scalar(
      Node n, String what, String expected, Function<String, Optional<T>> parse) {
    if (n instanceof Node.Scalar s) {
      if (s.value() == null) {
        return Attr.absent(s.location());
      }
      Optional<T> v = parse.apply(s.value());
      if (v.isPresent()) {
        return Attr.of(v.get(), s.location());
      }
      ctx.invalid(
          s.location(), owner, what + ": expected " + expected + " but found " + describe(s));
      return Attr.unknown(s);
    }
    if (n instanceof Node.Choice c) {
      List<T> alts = new ArrayList<>();
      for (Node a : c.alternatives()) {
        if (!(a instanceof Node.Scalar s) || s.value() == null) {
          return Attr.unknown(c);
        }
        Optional<T> v = parse.apply(s.value());
        if (v.isEmpty()) {
          ctx.invalid(
              s.location(), owner, what + ": expected " + expected + " but found " + describe(s));
          return Attr.unknown(c);
        }
        if (!alts.contains(v.get())) {
          alts.add(v.get());
        }
      }
      return Attr.oneOf(alts, c.location());
    }
    if (n instanceof Node.Absent a) {
      return Attr.absent(a.location());
    }
    if (n instanceof Node.MapNode || n instanceof Node.ListNode) {
      ctx.invalid(
          n.location(), owner, what + ": expected " + expected + " but found " + describe(n));
    }
    return Attr.unknown(n);
  }

  /** A reference to another resource, or a literal name/ARN. */
  Attr<Ref> ref(Node n, String what) {
    if (n instanceof Node.Scalar s && s.value() == null || n instanceof Node.Absent) {
      return Attr.absent(n.location());
    }
    if (n instanceof Node.MapNode || n instanceof Node.ListNode) {
      ctx.invalid(
          n.location(),
          owner,
          what + ": expected a name, ARN or reference but found " + describe(n));
      return Attr.unknown(n);
    }
    if (n instanceof Node.Choice c) {
      List<Ref> alts = new ArrayList<>();
      for (Node a : c.alternatives()) {
        Optional<Ref> r = refOf(a);
        if (r.isEmpty()) {
          return Attr.unknown(c);
        }
        if (!alts.contains(r.get())) {
          alts.add(r.get());
        }
      }
      return Attr.oneOf(alts, c.location());
    }
    Optional<Ref> r = refOf(n);
    return r.isPresent() ? Attr.of(r.get(), n.location()) : Attr.unknown(n);
  }

  /**
   * The reference a value designates: a resource ({@code Ref}/{@code GetAtt}, or a {@code Sub}
   * whose only unresolved parts are one resource and pseudo parameters such as {@code
   * AWS::Region}), or a literal.
   */
  Optional<Ref> refOf(Node n) {
    if (n instanceof Node.Reference r) {
      return Optional.of(ctx.toRef(r.logicalId(), r.attribute()));
    }
    if (n instanceof Node.Scalar s) {
      return s.value() == null || s.value().isEmpty()
          ? Optional.empty()
          : Optional.of(Ref.literal(s.value()));
    }
    if (n instanceof Node.Text t) {
      Node.Reference single = singleReference(t);
      return single == null
          ? Optional.empty()
          : Optional.of(ctx.toRef(single.logicalId(), single.attribute()));
    }
    return Optional.empty();
  }

  /** The one resource reference of a text whose other parts are known or pseudo parameters. */
  static Node.@Nullable Reference singleReference(Node.Text t) {
    Node.Reference found = null;
    for (Node p : t.parts()) {
      if (p instanceof Node.Reference r) {
        if (found != null && !(found.logicalId().equals(r.logicalId()))) {
          return null;
        }
        found = r;
      } else if (p instanceof Node.Unknown u) {
        if (!u.name().startsWith("AWS::")) {
          return null;
        }
      } else if (!(p instanceof Node.Scalar)) {
        return null;
      }
    }
    return found;
  }

  Attr<PolicyDocument> policy(Node n, String what) {
    if (n instanceof Node.MapNode || n instanceof Node.ListNode) {
      return Attr.of(PolicyDocument.parse(n), n.location());
    }
    if (n instanceof Node.Scalar s && s.value() != null) {
      Optional<Node> parsed = JsonText.parse(s.value(), s.location());
      if (parsed.isPresent() && parsed.get() instanceof Node.MapNode) {
        return Attr.of(PolicyDocument.parse(parsed.get()), s.location());
      }
      ctx.invalid(
          s.location(), owner, what + ": expected a policy document but found " + describe(s));
      return Attr.unknown(s);
    }
    if (n instanceof Node.Choice c) {
      List<PolicyDocument> docs = new ArrayList<>();
      for (Node a : c.alternatives()) {
        if (!(a instanceof Node.MapNode)) {
          return Attr.unknown(c);
        }
        docs.add(PolicyDocument.parse(a));
      }
      return Attr.oneOf(docs, c.location());
    }
    if (n instanceof Node.Absent a) {
      return Attr.absent(a.location());
    }
    return Attr.unknown(n);
  }

  // ------------------------------------------------------------------ helpers

  static Optional<Integer> parseInt(String s) {
    try {
      String t = s.trim();
      if (t.endsWith(".0")) {
        t = t.substring(0, t.length() - 2);
      }
      return Optional.of(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Double> parseDouble(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A short description of a value for error messages; long text is cut. */
  static String describe(Node n) {
    if (n instanceof Node.MapNode) {
      return "a map";
    }
    if (n instanceof Node.ListNode) {
      return "a list";
    }
    if (n instanceof Node.Scalar s) {
      String v = s.value() == null ? "null" : s.value();
      return "'" + (v.length() > 24 ? v.substring(0, 20) + "…" : v) + "'";
    }
    return "'" + n.shape() + "'";
  }
}
