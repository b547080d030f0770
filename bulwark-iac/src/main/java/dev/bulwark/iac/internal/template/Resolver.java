package dev.bulwark.iac.internal.template;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node;
import dev.bulwark.model.Node.Scalar.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves intrinsic functions of a parsed template into {@link Node} trees: parameters (defaults
 * overridden by the given values), pseudo parameters, {@code Ref}, {@code Fn::GetAtt}, {@code
 * Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap}, {@code
 * Fn::Base64}, {@code Fn::Length}, {@code Fn::ToJsonString} and conditions. What cannot be known
 * offline becomes {@link Node.Unknown}; a string only partly known becomes {@link Node.Text}; an
 * {@code Fn::If} on an unknown condition becomes {@link Node.Choice}.
 *
 * <p>Resolving returns {@code null} for {@code AWS::NoValue}: the caller drops the key or item.
 *
 * <p>Pseudo parameters: {@code AWS::Partition} is {@code aws} and {@code AWS::URLSuffix} is {@code
 * amazonaws.com} unless given, or derived from a given {@code AWS::Region} ({@code cn-*}, {@code
 * us-gov-*}); {@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::StackName}, {@code
 * AWS::StackId} and {@code AWS::NotificationARNs} are unknown unless given in the parameters.
 *
 * <p>Work is bounded: recursion follows the input's nesting (limited while parsing), conditions
 * are evaluated once each with cycle detection, and the values and characters resolution creates
 * are counted against the limits.
 */
final class Resolver {

  /** Three-valued truth of a condition. */
  enum Tri {
    TRUE,
    FALSE,
    UNKNOWN;

    static Tri of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  /** Resolution produced more than the limits allow: reading the file stops. */
  static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    LimitExceeded(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

  private final String file;
  private final IacOptions options;
  private final List<ScanError> errors;
  private final Map<String, Node> parameters = new HashMap<>();
  private final @Nullable RawMap mappings;
  private final @Nullable RawMap conditions;
  private final Map<String, Tri> conditionValues = new HashMap<>();
  private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();
  private final Set<String> reported = new HashSet<>();
  private final long charBudget;
  private long chars;
  private long nodes;

  Resolver(String file, RawMap root, IacOptions options, List<ScanError> errors) {
    this.file = file;
    this.options = options;
    this.errors = errors;
    this.mappings = section(root, "Mappings");
    this.conditions = section(root, "Conditions");
    this.charBudget = Math.max(options.limits().maxFileBytes(), 1 << 20) * 4L;
    RawMap params = section(root, "Parameters");
    if (params != null) {
      for (Entry e : params.entryList()) {
        parameters.put(e.key(), parameterValue(e));
      }
    }
  }

  private @Nullable RawMap section(RawMap root, String name) {
    Entry e = root.entry(name);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof RawMap m) {
      return m;
    }
    if (!(e.value() instanceof RawScalar s && s.kind() == Kind.NULL)) {
      error(e.keyLine(), name + " must be a mapping; the section is ignored");
    }
    return null;
  }

  // ------------------------------------------------------------------ parameters

  private Node parameterValue(Entry e) {
    String name = e.key();
    SourceLocation at = keyLocation(e);
    String type = "String";
    RawNode def = null;
    if (e.value() instanceof RawMap decl) {
      RawNode t = decl.get("Type");
      if (t instanceof RawScalar ts && ts.value() != null) {
        type = ts.value();
      }
      def = decl.get("Default");
    } else {
      error(e.keyLine(), "parameter " + name + " must be a mapping with a Type");
    }
    String given = options.parameters().get(name);
    if (type.startsWith("AWS::SSM::Parameter::Value<")) {
      String path = given != null ? given : def instanceof RawScalar ds ? ds.value() : null;
      return new Node.Unknown(
          name,
          "parameter "
              + name
              + " is read from the SSM parameter "
              + (path == null ? "given at deploy time" : path)
              + " at deploy time",
          at);
    }
    if (given != null) {
      return typed(given, type, at);
    }
    if (def == null) {
      return new Node.Unknown(
          name, "parameter " + name + " has no default and no value was given", at);
    }
    if (def instanceof RawScalar ds) {
      return typed(ds.value() == null ? "" : ds.value(), type, at);
    }
    if (def instanceof RawList dl && isListType(type)) {
      List<Node> items = new ArrayList<>();
      for (RawNode i : dl.items) {
        if (i instanceof RawScalar is && is.value() != null) {
          items.add(new Node.Scalar(is.value(), Kind.STRING, at));
        } else {
          error(i.line(), "items of the Default of parameter " + name + " must be plain values");
        }
      }
      return new Node.ListNode(items, at);
    }
    error(def.line(), "the Default of parameter " + name + " must be a plain value");
    return new Node.Unknown(name, "parameter " + name + " has a malformed default", at);
  }

  private static boolean isListType(String type) {
    return type.equals("CommaDelimitedList") || type.startsWith("List<");
  }

  private static Node typed(String value, String type, SourceLocation at) {
    if (isListType(type)) {
      List<Node> items = new ArrayList<>();
      for (String part : splitLiteral(value, ",")) {
        items.add(new Node.Scalar(part.trim(), Kind.STRING, at));
      }
      return new Node.ListNode(items, at);
    }
    return new Node.Scalar(value, type.equals("Number") ? Kind.NUMBER : Kind.STRING, at);
  }

  /** Splits on every occurrence of {@code delimiter} (not a regex); keeps empty parts. */
  static List<String> splitLiteral(String s, String delimiter) {
    List<String> out = new ArrayList<>();
    if (delimiter.isEmpty()) {
      out.add(s);
      return out;
    }
    int from = 0;
    while (true) {
      int i = s.indexOf(delimiter, from);
      if (i < 0) {
        out.add(s.substring(from));
        return out;
      }
      out.add(s.substring(from, i));
      from = i + delimiter.length();
    }
  }

  /** Copies a parameter's value to the place that uses it (findings point at the use). */
  private static Node relocate(Node n, SourceLocation at) {
    if (n instanceof Node.Scalar s) {
      return new Node.Scalar(s.value(), s.kind(), at);
    }
    if (n instanceof Node.ListNode l) {
      List<Node> items = new ArrayList<>(l.items().size());
      for (Node i : l.items()) {
        items.add(relocate(i, at));
      }
      return new Node.ListNode(items, at);
    }
    if (n instanceof Node.Unknown u) {
      return new Node.Unknown(u.name(), u.reason(), at);
    }
    return n;
  }

  // ------------------------------------------------------------------ values

  SourceLocation location(RawNode n) {
    return new SourceLocation(file, n.line(), n.endLine(), n.column());
  }

  SourceLocation keyLocation(Entry e) {
    return new SourceLocation(file, e.keyLine(), e.keyLine(), e.keyColumn());
  }

  /** Resolves a value; null for {@code AWS::NoValue}. */
  @Nullable Node resolve(RawNode n) {
    if (n instanceof RawScalar s) {
      return new Node.Scalar(s.value(), s.kind(), location(s));
    }
    if (n instanceof RawList l) {
      List<Node> items = new ArrayList<>(l.items.size());
      for (RawNode i : l.items) {
        Node r = resolve(i);
        if (r != null) {
          items.add(r);
        }
      }
      return new Node.ListNode(items, location(l));
    }
    RawMap m = (RawMap) n;
    Entry single = m.single();
    if (single != null && isIntrinsic(single.key())) {
      return intrinsic(single, m);
    }
    return resolveMap(m);
  }

  /** Resolves a mapping entry by entry (entries resolving to {@code AWS::NoValue} are left out). */
  Node.MapNode resolveMap(RawMap m) {
    Node.MapNode.Builder b = Node.MapNode.builder(m.count());
    for (Entry e : m.entryList()) {
      Node v = resolve(e.value());
      if (v != null) {
        b.put(e.key(), keyLocation(e), v);
      }
    }
    return b.build(location(m));
  }

  private static boolean isIntrinsic(String key) {
    return key.equals(Intrinsics.REF)
        || (key.startsWith("Fn::") && !key.startsWith(Intrinsics.FOR_EACH_PREFIX));
  }

  private @Nullable Node intrinsic(Entry e, RawMap m) {
    SourceLocation at = location(m);
    RawNode arg = e.value();
    switch (e.key()) {
      case Intrinsics.REF:
        return ref(arg, at);
      case Intrinsics.GET_ATT:
        return getAtt(arg, at);
      case Intrinsics.SUB:
        return sub(arg, at);
      case Intrinsics.JOIN:
        return join(arg, at);
      case Intrinsics.SELECT:
        return select(arg, at);
      case Intrinsics.SPLIT:
        return split(arg, at);
      case Intrinsics.FIND_IN_MAP:
        return findInMap(arg, at);
      case Intrinsics.IF:
        return ifThenElse(arg, at);
      case Intrinsics.BASE64:
        return base64(arg, at);
      case Intrinsics.LENGTH:
        return length(arg, at);
      case Intrinsics.TO_JSON_STRING:
        return toJsonString(arg, at);
      case Intrinsics.EQUALS:
      case Intrinsics.AND:
      case Intrinsics.OR:
      case Intrinsics.NOT:
        return truth(condition(m), at);
      case Intrinsics.IMPORT_VALUE:
        {
          Node name = resolve(arg);
          String export = name == null ? "" : name.shape();
          return new Node.Unknown(
              "ImportValue " + export,
              "Fn::ImportValue reads the value " + export + " exported by another stack",
              at);
        }
      case Intrinsics.GET_AZS:
        return new Node.Unknown(
            Intrinsics.GET_AZS,
            "the availability zones of a region are known only at deploy time",
            at);
      case Intrinsics.CIDR:
        return new Node.Unknown(
            Intrinsics.CIDR, "Fn::Cidr address blocks are not computed offline", at);
      case Intrinsics.TRANSFORM:
        return new Node.Unknown(
            Intrinsics.TRANSFORM,
            "the macro " + transformName(arg) + " runs at deploy time",
            at);
      default:
        return malformed(e.key(), at, "is not a known intrinsic function");
    }
  }

  private static String transformName(RawNode arg) {
    if (arg instanceof RawMap m && m.get("Name") instanceof RawScalar s && s.value() != null) {
      return s.value();
    }
    return "(unnamed)";
  }

  private Node.Unknown malformed(String fn, SourceLocation at, String why) {
    error(at.startLine(), fn + " " + why);
    return new Node.Unknown(fn, fn + " " + why, at);
  }

  private static @Nullable String scalarText(@Nullable RawNode n) {
    return n instanceof RawScalar s ? s.value() : null;
  }

  /** The text of a resolved, known scalar, else null. */
  private static @Nullable String knownText(@Nullable Node n) {
    return n instanceof Node.Scalar s ? s.value() : null;
  }

  // ------------------------------------------------------------------ Ref and GetAtt

  private @Nullable Node ref(RawNode arg, SourceLocation at) {
    String name = scalarText(arg);
    if (name == null || name.isEmpty()) {
      return malformed(Intrinsics.REF, at, "takes the name of a parameter or a resource");
    }
    return refByName(name, at);
  }

  private @Nullable Node refByName(String name, SourceLocation at) {
    if (name.equals("AWS::NoValue")) {
      return null;
    }
    if (name.startsWith("AWS::")) {
      return pseudo(name, at);
    }
    Node p = parameters.get(name);
    if (p != null) {
      return relocate(p, at);
    }
    return new Node.Reference(name, null, at);
  }

  private Node pseudo(String name, SourceLocation at) {
    String given = options.parameters().get(name);
    String region = options.parameters().get("AWS::Region");
    switch (name) {
      case "AWS::Partition":
        if (given != null) {
          return new Node.Scalar(given, Kind.STRING, at);
        }
        return new Node.Scalar(partitionOf(region), Kind.STRING, at);
      case "AWS::URLSuffix":
        if (given != null) {
          return new Node.Scalar(given, Kind.STRING, at);
        }
        return new Node.Scalar(
            region != null && region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com",
            Kind.STRING,
            at);
      case "AWS::NotificationARNs":
        if (given != null) {
          return typed(given, "CommaDelimitedList", at);
        }
        return new Node.Unknown(name, unknownPseudo(name), at);
      case "AWS::Region":
      case "AWS::AccountId":
      case "AWS::StackName":
      case "AWS::StackId":
        if (given != null) {
          return new Node.Scalar(given, Kind.STRING, at);
        }
        return new Node.Unknown(name, unknownPseudo(name), at);
      default:
        return malformed(name, at, "is not a pseudo parameter");
    }
  }

  private static String unknownPseudo(String name) {
    return name + " is known only at deploy time (give it as a parameter to resolve it)";
  }

  private static String partitionOf(@Nullable String region) {
    if (region == null) {
      return "aws";
    }
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  private Node getAtt(RawNode arg, SourceLocation at) {
    String id;
    String attribute;
    String text = scalarText(arg);
    if (text != null) {
      int dot = text.indexOf('.');
      if (dot <= 0 || dot == text.length() - 1) {
        return malformed(Intrinsics.GET_ATT, at, "takes Resource.Attribute");
      }
      id = text.substring(0, dot);
      attribute = text.substring(dot + 1);
    } else if (arg instanceof RawList l && l.items.size() == 2 && scalarText(l.items.get(0)) != null) {
      id = scalarText(l.items.get(0));
      Node a = resolve(l.items.get(1));
      attribute = knownText(a);
      if (attribute == null || attribute.isEmpty()) {
        if (a != null && !(a instanceof Node.Scalar)) {
          return new Node.Unknown(
              id + "." + a.shape(), "the attribute name of " + id + " is not known", at);
        }
        return malformed(Intrinsics.GET_ATT, at, "takes [Resource, Attribute]");
      }
    } else {
      return malformed(Intrinsics.GET_ATT, at, "takes Resource.Attribute or [Resource, Attribute]");
    }
    if (id == null || id.isEmpty()) {
      return malformed(Intrinsics.GET_ATT, at, "takes Resource.Attribute or [Resource, Attribute]");
    }
    return new Node.Reference(id, attribute, at);
  }

  // ------------------------------------------------------------------ strings

  /** Accumulates a string from literal and unknown parts. */
  private final class TextBuilder {
    private final SourceLocation at;
    private final List<Node> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    TextBuilder(SourceLocation at) {
      this.at = at;
    }

    void literal(String s) {
      chars += s.length();
      if (chars > charBudget) {
        throw new LimitExceeded(
            at.startLine(),
            "resolving intrinsic functions built more than " + charBudget + " characters");
      }
      literal.append(s);
    }

    void part(Node n) {
      if (n instanceof Node.Scalar s) {
        literal(s.value() == null ? "" : s.value());
      } else if (n instanceof Node.Text t) {
        for (Node p : t.parts()) {
          part(p);
        }
      } else {
        flush();
        parts.add(n);
      }
    }

    private void flush() {
      if (literal.length() > 0) {
        parts.add(new Node.Scalar(literal.toString(), Kind.STRING, at));
        literal.setLength(0);
      }
    }

    Node build() {
      if (parts.isEmpty()) {
        return new Node.Scalar(literal.toString(), Kind.STRING, at);
      }
      flush();
      if (parts.size() == 1) {
        // "${Res.Arn}" alone is the reference itself, as Fn::GetAtt would give it
        return parts.get(0);
      }
      return new Node.Text(parts, at);
    }
  }

  private Node sub(RawNode arg, SourceLocation at) {
    String template = scalarText(arg);
    RawMap vars = null;
    if (template == null) {
      if (arg instanceof RawList l
          && (l.items.size() == 1 || l.items.size() == 2)
          && scalarText(l.items.get(0)) != null
          && (l.items.size() == 1 || l.items.get(1) instanceof RawMap)) {
        template = scalarText(l.items.get(0));
        vars = l.items.size() == 2 ? (RawMap) l.items.get(1) : null;
      } else {
        return malformed(
            Intrinsics.SUB, at, "takes a string, or a list of a string and a map of variables");
      }
    }
    Map<String, Node> values = new HashMap<>();
    if (vars != null) {
      for (Entry v : vars.entryList()) {
        Node r = resolve(v.value());
        values.put(v.key(), r == null ? new Node.Scalar("", Kind.STRING, at) : r);
      }
    }
    TextBuilder tb = new TextBuilder(at);
    int i = 0;
    int n = template.length();
    while (i < n) {
      int open = template.indexOf("${", i);
      if (open < 0) {
        tb.literal(template.substring(i));
        break;
      }
      tb.literal(template.substring(i, open));
      int close = template.indexOf('}', open + 2);
      if (close < 0) {
        tb.literal(template.substring(open));
        break;
      }
      String name = template.substring(open + 2, close);
      if (name.startsWith("!")) {
        tb.literal("${" + name.substring(1) + "}");
      } else {
        tb.part(subVariable(name.trim(), values, at));
      }
      i = close + 1;
    }
    return tb.build();
  }

  private Node subVariable(String name, Map<String, Node> vars, SourceLocation at) {
    Node v = vars.get(name);
    if (v == null) {
      int dot = name.indexOf('.');
      if (dot > 0 && dot < name.length() - 1 && !name.startsWith("AWS::")) {
        return new Node.Reference(name.substring(0, dot), name.substring(dot + 1), at);
      }
      if (name.isEmpty()) {
        return malformed(Intrinsics.SUB, at, "has an empty ${} variable");
      }
      v = refByName(name, at);
      if (v == null) {
        return malformed(Intrinsics.SUB, at, "cannot use AWS::NoValue as a variable");
      }
    }
    if (v instanceof Node.ListNode || v instanceof Node.MapNode) {
      return malformed(
          Intrinsics.SUB, at, "variable ${" + name + "} is a list or a map, not a string");
    }
    return v;
  }

  private Node join(RawNode arg, SourceLocation at) {
    if (!(arg instanceof RawList l) || l.items.size() != 2) {
      return malformed(Intrinsics.JOIN, at, "takes [delimiter, [values]]");
    }
    String delimiter = knownText(resolve(l.items.get(0)));
    if (delimiter == null) {
      return malformed(Intrinsics.JOIN, at, "needs a known string delimiter");
    }
    Node list = resolve(l.items.get(1));
    if (list == null) {
      return malformed(Intrinsics.JOIN, at, "needs a list of values");
    }
    if (!(list instanceof Node.ListNode items)) {
      if (list instanceof Node.Scalar || list instanceof Node.MapNode) {
        return malformed(Intrinsics.JOIN, at, "needs a list of values");
      }
      return new Node.Unknown(
          Intrinsics.JOIN, "Fn::Join of a list that is not known: " + list.shape(), at);
    }
    TextBuilder tb = new TextBuilder(at);
    boolean first = true;
    for (Node item : items.items()) {
      if (!first) {
        tb.literal(delimiter);
      }
      first = false;
      if (item instanceof Node.ListNode || item instanceof Node.MapNode) {
        tb.part(malformed(Intrinsics.JOIN, item.location(), "joins strings, not lists or maps"));
      } else {
        tb.part(item);
      }
    }
    return tb.build();
  }

  private Node select(RawNode arg, SourceLocation at) {
    if (!(arg instanceof RawList l) || l.items.size() != 2) {
      return malformed(Intrinsics.SELECT, at, "takes [index, [values]]");
    }
    Node index = resolve(l.items.get(0));
    Node list = resolve(l.items.get(1));
    String indexText = knownText(index);
    if (indexText == null) {
      if (index instanceof Node.Scalar || index == null) {
        return malformed(Intrinsics.SELECT, at, "needs an index");
      }
      return new Node.Unknown(Intrinsics.SELECT, "the index of Fn::Select is not known", at);
    }
    int i = parseIndex(indexText);
    if (i < 0) {
      return malformed(Intrinsics.SELECT, at, "index '" + indexText + "' is not a number");
    }
    if (list instanceof Node.ListNode items) {
      if (i >= items.items().size()) {
        return malformed(
            Intrinsics.SELECT,
            at,
            "index " + i + " is out of range (the list has " + items.items().size() + " items)");
      }
      return items.items().get(i);
    }
    if (list == null || list instanceof Node.Scalar || list instanceof Node.MapNode) {
      return malformed(Intrinsics.SELECT, at, "needs a list of values");
    }
    return new Node.Unknown(
        Intrinsics.SELECT, "Fn::Select from a list that is not known: " + list.shape(), at);
  }

  private static int parseIndex(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 9) {
      return -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(t);
  }

  private Node split(RawNode arg, SourceLocation at) {
    if (!(arg instanceof RawList l) || l.items.size() != 2) {
      return malformed(Intrinsics.SPLIT, at, "takes [delimiter, string]");
    }
    String delimiter = knownText(resolve(l.items.get(0)));
    if (delimiter == null || delimiter.isEmpty()) {
      return malformed(Intrinsics.SPLIT, at, "needs a known, non-empty delimiter");
    }
    Node source = resolve(l.items.get(1));
    String text = knownText(source);
    if (text == null) {
      if (source == null || source instanceof Node.ListNode || source instanceof Node.MapNode) {
        return malformed(Intrinsics.SPLIT, at, "splits a string");
      }
      return new Node.Unknown(
          Intrinsics.SPLIT, "Fn::Split of a string that is not known: " + source.shape(), at);
    }
    List<String> parts = splitLiteral(text, delimiter);
    countNodes(parts.size(), at);
    List<Node> items = new ArrayList<>(parts.size());
    for (String p : parts) {
      items.add(new Node.Scalar(p, Kind.STRING, at));
    }
    return new Node.ListNode(items, at);
  }

  private void countNodes(int n, SourceLocation at) {
    nodes += n;
    if (nodes > options.limits().maxNodes()) {
      throw new LimitExceeded(
          at.startLine(),
          "resolving intrinsic functions built more than " + options.limits().maxNodes() + " values");
    }
  }

  private @Nullable Node base64(RawNode arg, SourceLocation at) {
    Node v = resolve(arg);
    if (v == null) {
      return malformed(Intrinsics.BASE64, at, "needs a value");
    }
    return v;
  }

  private Node length(RawNode arg, SourceLocation at) {
    Node v = resolve(arg);
    if (v instanceof Node.ListNode l) {
      for (Node i : l.items()) {
        if (i instanceof Node.Choice) {
          return new Node.Unknown(
              Intrinsics.LENGTH, "the list's length depends on a condition", at);
        }
      }
      return new Node.Scalar(Integer.toString(l.items().size()), Kind.NUMBER, at);
    }
    if (v == null || v instanceof Node.Scalar || v instanceof Node.MapNode) {
      return malformed(Intrinsics.LENGTH, at, "needs a list");
    }
    return new Node.Unknown(Intrinsics.LENGTH, "Fn::Length of a list that is not known", at);
  }

  private Node toJsonString(RawNode arg, SourceLocation at) {
    Node v = resolve(arg);
    if (v == null) {
      return malformed(Intrinsics.TO_JSON_STRING, at, "needs a value");
    }
    if (!v.isKnown()) {
      return new Node.Unknown(
          Intrinsics.TO_JSON_STRING, "Fn::ToJsonString of a value not fully known", at);
    }
    StringBuilder sb = new StringBuilder();
    writeJson(v, sb);
    TextBuilder tb = new TextBuilder(at);
    tb.literal(sb.toString());
    return tb.build();
  }

  private static void writeJson(Node n, StringBuilder sb) {
    if (n instanceof Node.MapNode m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(e.getKey(), sb);
        sb.append(':');
        writeJson(e.getValue(), sb);
      }
      sb.append('}');
    } else if (n instanceof Node.ListNode l) {
      sb.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeJson(l.items().get(i), sb);
      }
      sb.append(']');
    } else if (n instanceof Node.Scalar s) {
      if (s.value() == null) {
        sb.append("null");
      } else if (s.kind() == Kind.STRING) {
        quote(s.value(), sb);
      } else {
        sb.append(s.value());
      }
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, sb);
    sb.append('"');
  }

  // ------------------------------------------------------------------ FindInMap

  private Node findInMap(RawNode arg, SourceLocation at) {
    if (!(arg instanceof RawList l) || l.items.size() < 3 || l.items.size() > 4) {
      return malformed(
          Intrinsics.FIND_IN_MAP, at, "takes [MapName, TopLevelKey, SecondLevelKey]");
    }
    RawNode defaultValue = null;
    if (l.items.size() == 4) {
      if (l.items.get(3) instanceof RawMap dm && dm.get("DefaultValue") != null) {
        defaultValue = dm.get("DefaultValue");
      } else {
        return malformed(Intrinsics.FIND_IN_MAP, at, "takes {DefaultValue: …} as fourth item");
      }
    }
    Node mapName = resolve(l.items.get(0));
    Node top = resolve(l.items.get(1));
    Node second = resolve(l.items.get(2));
    String name = knownText(mapName);
    if (name == null) {
      return new Node.Unknown(Intrinsics.FIND_IN_MAP, "the mapping name is not known", at);
    }
    RawNode mapping = mappings == null ? null : mappings.get(name);
    if (!(mapping instanceof RawMap map)) {
      if (defaultValue != null) {
        return resolveOrAbsentAsEmpty(defaultValue, at);
      }
      return malformed(Intrinsics.FIND_IN_MAP, at, "refers to mapping " + name + ", which is not defined");
    }
    String topKey = knownText(top);
    String secondKey = knownText(second);
    if (topKey != null && secondKey != null) {
      RawNode value = map.get(topKey) instanceof RawMap tm ? tm.get(secondKey) : null;
      if (value != null) {
        return resolveOrAbsentAsEmpty(value, at);
      }
      if (defaultValue != null) {
        return resolveOrAbsentAsEmpty(defaultValue, at);
      }
      return malformed(
          Intrinsics.FIND_IN_MAP,
          at,
          "finds no " + topKey + "/" + secondKey + " in mapping " + name);
    }
    // A key is not known: the value is still known when every candidate holds the same value.
    Node same = null;
    boolean missing = false;
    for (Entry te : map.entryList()) {
      if (topKey != null && !te.key().equals(topKey)) {
        continue;
      }
      if (!(te.value() instanceof RawMap tm)) {
        missing = true;
        break;
      }
      RawNode v = secondKey != null ? tm.get(secondKey) : null;
      List<RawNode> candidates = new ArrayList<>();
      if (secondKey != null) {
        if (v == null) {
          missing = true;
          break;
        }
        candidates.add(v);
      } else {
        for (Entry se : tm.entryList()) {
          candidates.add(se.value());
        }
      }
      for (RawNode c : candidates) {
        Node r = resolve(c);
        if (r == null || !r.isKnown() || (same != null && !same.shape().equals(r.shape()))) {
          missing = true;
          break;
        }
        same = r;
      }
      if (missing) {
        break;
      }
    }
    if (same != null && !missing) {
      return relocate(same, at);
    }
    Node unknownKey = topKey == null ? top : second;
    return new Node.Unknown(
        Intrinsics.FIND_IN_MAP,
        "Fn::FindInMap in "
            + name
            + " with a key that is not known"
            + (unknownKey == null ? "" : " (" + unknownKey.shape() + ")"),
        at);
  }

  private Node resolveOrAbsentAsEmpty(RawNode value, SourceLocation at) {
    Node r = resolve(value);
    return r == null ? new Node.Scalar("", Kind.STRING, at) : relocateScalar(r, at);
  }

  private static Node relocateScalar(Node n, SourceLocation at) {
    return n instanceof Node.Scalar || n instanceof Node.ListNode ? relocate(n, at) : n;
  }

  // ------------------------------------------------------------------ conditions

  private @Nullable Node ifThenElse(RawNode arg, SourceLocation at) {
    if (!(arg instanceof RawList l) || l.items.size() != 3 || scalarText(l.items.get(0)) == null) {
      return malformed(Intrinsics.IF, at, "takes [ConditionName, ValueIfTrue, ValueIfFalse]");
    }
    String name = scalarText(l.items.get(0));
    Tri c = conditionNamed(name, at.startLine());
    if (c == Tri.TRUE) {
      return resolve(l.items.get(1));
    }
    if (c == Tri.FALSE) {
      return resolve(l.items.get(2));
    }
    Node a = resolve(l.items.get(1));
    Node b = resolve(l.items.get(2));
    return new Node.Choice(
        name,
        a == null ? new Node.Absent(location(l.items.get(1))) : a,
        b == null ? new Node.Absent(location(l.items.get(2))) : b,
        at);
  }

  private Node truth(Tri t, SourceLocation at) {
    if (t == Tri.UNKNOWN) {
      return new Node.Unknown("condition", "the condition depends on values not known", at);
    }
    return new Node.Scalar(t == Tri.TRUE ? "true" : "false", Kind.BOOLEAN, at);
  }

  /** Evaluates a named condition once; cycles and undefined names give an error and UNKNOWN. */
  Tri conditionNamed(String name, int line) {
    Tri cached = conditionValues.get(name);
    if (cached != null) {
      return cached;
    }
    Entry def = conditions == null ? null : conditions.entry(name);
    if (def == null) {
      if (reported.add("condition:" + name)) {
        error(line, "condition " + name + " is not defined in Conditions");
      }
      return Tri.UNKNOWN;
    }
    if (!evaluating.add(name)) {
      List<String> chain = new ArrayList<>(evaluating);
      chain = chain.subList(chain.indexOf(name), chain.size());
      error(
          def.keyLine(),
          "condition " + name + " refers to itself (" + String.join(" → ", chain) + " → " + name + ")");
      return Tri.UNKNOWN;
    }
    try {
      if (evaluating.size() > options.limits().maxDepth()) {
        errors.add(
            new ScanError(
                file,
                def.keyLine(),
                ScanError.Kind.LIMIT,
                "conditions nest more than " + options.limits().maxDepth() + " deep; " + name + " is not evaluated"));
        return Tri.UNKNOWN;
      }
      Tri v = condition(def.value());
      conditionValues.put(name, v);
      return v;
    } finally {
      evaluating.remove(name);
    }
  }

  /** Evaluates a condition expression. */
  Tri condition(RawNode n) {
    Entry e = n instanceof RawMap m ? m.single() : null;
    if (e == null) {
      error(n.line(), "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
      return Tri.UNKNOWN;
    }
    RawNode arg = e.value();
    switch (e.key()) {
      case Intrinsics.CONDITION:
        {
          String name = scalarText(arg);
          if (name == null) {
            error(n.line(), "Condition takes a condition name");
            return Tri.UNKNOWN;
          }
          return conditionNamed(name, n.line());
        }
      case Intrinsics.EQUALS:
        {
          if (!(arg instanceof RawList l) || l.items.size() != 2) {
            error(n.line(), "Fn::Equals takes [value, value]");
            return Tri.UNKNOWN;
          }
          return equal(resolve(l.items.get(0)), resolve(l.items.get(1)));
        }
      case Intrinsics.NOT:
        {
          if (!(arg instanceof RawList l) || l.items.size() != 1) {
            error(n.line(), "Fn::Not takes [condition]");
            return Tri.UNKNOWN;
          }
          Tri v = condition(l.items.get(0));
          return v == Tri.UNKNOWN ? v : Tri.of(v == Tri.FALSE);
        }
      case Intrinsics.AND:
      case Intrinsics.OR:
        {
          boolean and = e.key().equals(Intrinsics.AND);
          if (!(arg instanceof RawList l) || l.items.size() < 2 || l.items.size() > 10) {
            error(n.line(), e.key() + " takes a list of 2 to 10 conditions");
            return Tri.UNKNOWN;
          }
          Tri result = and ? Tri.TRUE : Tri.FALSE;
          for (RawNode c : l.items) {
            Tri v = condition(c);
            if (v == (and ? Tri.FALSE : Tri.TRUE)) {
              return v;
            }
            if (v == Tri.UNKNOWN) {
              result = Tri.UNKNOWN;
            }
          }
          return result;
        }
      default:
        error(n.line(), e.key() + " cannot be used as a condition");
        return Tri.UNKNOWN;
    }
  }

  private static Tri equal(@Nullable Node a, @Nullable Node b) {
    if (a == null || b == null) {
      return Tri.UNKNOWN;
    }
    if (a instanceof Node.Scalar sa && b instanceof Node.Scalar sb) {
      String x = sa.value() == null ? "" : sa.value();
      String y = sb.value() == null ? "" : sb.value();
      return Tri.of(x.equals(y));
    }
    if (a.isKnown() && b.isKnown()) {
      return Tri.of(a.shape().equals(b.shape()));
    }
    return Tri.UNKNOWN;
  }

  // ------------------------------------------------------------------ errors

  void error(int line, String message) {
    errors.add(new ScanError(file, line, ScanError.Kind.INVALID, message));
  }
}
