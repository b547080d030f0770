package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node.Scalar.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML into a {@link RawNode} tree straight from SnakeYAML Engine's event stream.
 *
 * <p>Building from events rather than through SnakeYAML's composer gives one tree instead of two,
 * keeps every mark, and lets the limits apply while reading: the composer is recursive and would
 * overflow the stack on deeply nested input before any check could run. Short-form intrinsic
 * tags ({@code !Ref}, {@code !Sub}, …) become their long form ({@code {"Fn::Sub": …}}); aliases
 * share the anchored node; {@code <<} merge keys are applied; only the first document is read.
 */
final class YamlTreeReader {

  private static final String YAML_TAG = "tag:yaml.org,2002:";
  private static final String MERGE_KEY = "<<";

  /** YAML data carried by an open collection. */
  private static final class Pending {
    @Nullable Anchor anchor;
    @Nullable String intrinsic;
    int tagLine;
    int tagColumn;
    boolean flow;
  }

  private final String file;
  private final IacOptions.Limits limits;
  private final List<ScanError> errors;
  private final TreeBuilder builder;
  private final Map<Anchor, RawNode> anchors = new HashMap<>();
  private final Set<Anchor> open = new HashSet<>();
  private int collectionAliases;

  private static final IacOptions.Limits DEFAULT_LIMITS = IacOptions.Limits.defaults();
  private static final LoadSettings DEFAULT_SETTINGS = settings(DEFAULT_LIMITS);

  /** Parser settings; immutable, so shared between files and threads. */
  private static LoadSettings settings(IacOptions.Limits limits) {
    return LoadSettings.builder()
        .setUseMarks(true)
        .setParseComments(false)
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 1024)))
        .build();
  }

  private YamlTreeReader(
      String file, IacOptions.Limits limits, List<ScanError> errors, int textLength) {
    this.file = file;
    this.limits = limits;
    this.errors = errors;
    this.builder = new TreeBuilder(file, limits, errors, textLength);
  }

  /**
   * Parses {@code text}. Non-fatal problems are added to {@code errors}.
   *
   * @return the root of the first document
   * @throws ReadFailure syntax errors ({@code PARSE}), limits ({@code LIMIT}), an empty file
   */
  static RawNode read(String text, String file, IacOptions.Limits limits, List<ScanError> errors)
      throws ReadFailure {
    return new YamlTreeReader(file, limits, errors, text.length()).run(text);
  }

  private RawNode run(String text) throws ReadFailure {
    LoadSettings settings =
        limits.maxFileBytes() == DEFAULT_LIMITS.maxFileBytes() ? DEFAULT_SETTINGS : settings(limits);
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    int documents = 0;
    try {
      while (parser.hasNext()) {
        Event e = parser.next();
        switch (e.getEventId()) {
          case DocumentStart:
            documents++;
            if (documents > 1) {
              errors.add(
                  new ScanError(
                      file,
                      line(e.getStartMark()),
                      ScanError.Kind.INVALID,
                      "the file holds several YAML documents; only the first is read"));
              return finish();
            }
            break;
          case Scalar:
            scalar((ScalarEvent) e);
            break;
          case Alias:
            alias((AliasEvent) e);
            break;
          case MappingStart:
          case SequenceStart:
            start((CollectionStartEvent) e);
            break;
          case MappingEnd:
          case SequenceEnd:
            end(e);
            break;
          default:
            break;
        }
      }
    } catch (MarkedYamlEngineException ex) {
      Optional<Mark> m = ex.getProblemMark().isPresent() ? ex.getProblemMark() : ex.getContextMark();
      String context = ex.getContext() == null ? "" : ex.getContext() + ": ";
      throw new ReadFailure(
          file, line(m), ScanError.Kind.PARSE, "YAML syntax: "
              + Messages.shortenQuoted(context + ex.getProblem())
              + Messages.yamlHint(ex.getProblem()));
    } catch (ReaderException ex) {
      throw new ReadFailure(
          file,
          SourceText.lineAt(text, ex.getPosition()),
          ScanError.Kind.PARSE,
          "character U+"
              + String.format("%04X", ex.getCodePoint())
              + " is not allowed in YAML");
    } catch (YamlEngineException ex) {
      throw new ReadFailure(file, 0, ScanError.Kind.PARSE, "YAML: " + ex.getMessage());
    }
    return finish();
  }

  private RawNode finish() throws ReadFailure {
    RawNode root = builder.root();
    if (root == null) {
      throw new ReadFailure(file, 0, ScanError.Kind.INVALID, "the file is empty");
    }
    return root;
  }

  private void scalar(ScalarEvent e) throws ReadFailure {
    int line = line(e.getStartMark());
    int column = column(e.getStartMark());
    String value = e.getValue();
    if (builder.expectingKey()) {
      builder.key(value, line, column);
      return;
    }
    builder.count(1, line);
    Kind kind;
    String text = value;
    String intrinsic = null;
    Optional<String> tag = e.getTag();
    if (tag.isEmpty()) {
      kind = e.isPlain() ? YamlScalars.kindOf(value) : Kind.STRING;
    } else {
      String t = tag.get();
      if (t.startsWith(YAML_TAG)) {
        kind = coreTagKind(t.substring(YAML_TAG.length()), value);
      } else {
        intrinsic = intrinsicFor(t, line);
        kind = Kind.STRING;
      }
    }
    if (kind == Kind.BOOLEAN) {
      String b = YamlScalars.booleanValue(value);
      text = b != null ? b : value;
    }
    RawNode node =
        new RawScalar(kind == Kind.NULL ? null : builder.share(text), kind, line, endLine(e), column);
    if (intrinsic != null) {
      node = wrap(intrinsic, node, line, column);
    }
    if (e.getAnchor().isPresent()) {
      anchors.put(e.getAnchor().get(), node);
    }
    deliver(node);
  }

  private static Kind coreTagKind(String name, String value) {
    switch (name) {
      case "int":
      case "float":
        return Kind.NUMBER;
      case "bool":
        return YamlScalars.booleanValue(value) != null ? Kind.BOOLEAN : Kind.STRING;
      case "null":
        return Kind.NULL;
      default:
        return Kind.STRING;
    }
  }

  /** The long-form name of a short-form intrinsic tag, or null (with an error) if unknown. */
  private @Nullable String intrinsicFor(String tag, int line) {
    if (tag.equals("!")) {
      return null;
    }
    String name = Intrinsics.forTag(tag);
    if (name == null) {
      errors.add(
          new ScanError(
              file,
              line,
              ScanError.Kind.INVALID,
              "unknown tag " + tag + "; the value is read without it"));
    }
    return name;
  }

  private RawNode wrap(String intrinsic, RawNode value, int line, int column) throws ReadFailure {
    builder.count(1, line);
    RawMap m = new RawMap(line, column);
    m.put(intrinsic, line, column, value);
    m.endLine = Math.max(line, value.endLine());
    return m;
  }

  private void alias(AliasEvent e) throws ReadFailure {
    Anchor a = e.getAlias();
    int line = line(e.getStartMark());
    RawNode target = anchors.get(a);
    if (target == null) {
      String why =
          open.contains(a)
              ? "alias *" + a.getValue() + " refers to a node that contains it"
              : "alias *" + a.getValue() + " has no anchor before it";
      throw new ReadFailure(file, line, ScanError.Kind.PARSE, "YAML: " + why);
    }
    if (builder.expectingKey()) {
      if (target instanceof RawScalar s) {
        builder.key(s.value() == null ? "null" : s.value(), line, column(e.getStartMark()));
      } else {
        complexKey(line);
      }
      return;
    }
    if (!(target instanceof RawScalar)) {
      collectionAliases++;
      if (collectionAliases > limits.maxAliases()) {
        throw new ReadFailure(
            file,
            line,
            ScanError.Kind.LIMIT,
            "more than " + limits.maxAliases() + " aliases to collections; the file is not read");
      }
    }
    builder.count(target.size(), line);
    deliver(target);
  }

  private void complexKey(int line) {
    errors.add(
        new ScanError(
            file,
            line,
            ScanError.Kind.INVALID,
            "a mapping key must be a plain value; this entry is ignored"));
    builder.skipNextValue();
  }

  private void start(CollectionStartEvent e) throws ReadFailure {
    int line = line(e.getStartMark());
    if (e.getEventId() == Event.ID.MappingStart) {
      builder.startMap(line, column(e.getStartMark()));
    } else {
      builder.startList(line, column(e.getStartMark()));
    }
    Pending p = null;
    if (e.getAnchor().isPresent() || e.getTag().isPresent() || e.isFlow()) {
      p = pending();
      p.flow = e.isFlow();
      if (e.getAnchor().isPresent()) {
        p.anchor = e.getAnchor().get();
        open.add(p.anchor);
      }
      Optional<String> tag = e.getTag();
      if (tag.isPresent() && !tag.get().startsWith(YAML_TAG)) {
        p.intrinsic = intrinsicFor(tag.get(), line);
        p.tagLine = line;
        p.tagColumn = column(e.getStartMark());
      }
    }
  }

  /** The YAML data of the innermost open collection, created on first use. */
  private Pending pending() {
    Object x = builder.extra();
    if (x instanceof Pending p) {
      return p;
    }
    Pending p = new Pending();
    builder.setExtra(p);
    return p;
  }

  private void end(Event e) throws ReadFailure {
    Object x = builder.extra();
    Pending p = x instanceof Pending pp ? pp : null;
    RawNode node = builder.end(p != null && p.flow ? endLine(e) : 0);
    if (node instanceof RawMap m && m.has(MERGE_KEY)) {
      applyMerges(m);
    }
    if (p != null) {
      if (p.intrinsic != null) {
        node = wrap(p.intrinsic, node, p.tagLine, p.tagColumn);
      }
      if (p.anchor != null) {
        open.remove(p.anchor);
        anchors.put(p.anchor, node);
      }
    }
    deliver(node);
  }

  /** Hands a finished value to its parent; a collection where a key is expected is refused. */
  private void deliver(RawNode node) {
    if (builder.expectingKey()) {
      complexKey(node.line());
      return;
    }
    builder.value(node);
  }

  /** YAML merge keys: entries of the merged maps that the map does not set itself. */
  private void applyMerges(RawMap m) {
    RawNode.Entry merge = m.remove(MERGE_KEY);
    List<RawNode> merges =
        merge.value() instanceof RawList l ? l.items : List.of(merge.value());
    for (RawNode n : merges) {
      if (!(n instanceof RawMap source)) {
        errors.add(
            new ScanError(
                file, n.line(), ScanError.Kind.INVALID, "'<<' merges only mappings; ignored"));
        continue;
      }
      for (RawNode.Entry en : source.entryList()) {
        if (!m.has(en.key())) {
          m.put(en.key(), en.keyLine(), en.keyColumn(), en.value());
        }
      }
    }
  }

  private static int line(Optional<Mark> m) {
    return m.map(x -> x.getLine() + 1).orElse(0);
  }

  private static int column(Optional<Mark> m) {
    return m.map(x -> x.getColumn() + 1).orElse(0);
  }

  /** Last line of a node: an end mark at column 0 of a later line belongs to the line before. */
  private static int endLine(Event e) {
    Optional<Mark> s = e.getStartMark();
    Optional<Mark> m = e.getEndMark();
    if (m.isEmpty()) {
      return line(s);
    }
    int end = m.get().getLine() + 1;
    int start = line(s);
    if (m.get().getColumn() == 0 && end > start) {
      end--;
    }
    return Math.max(start, end);
  }
}
