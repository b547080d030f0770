package dev.bulwark.deps.internal.readers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.bulwark.core.ScanError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses JSON, YAML and TOML into {@link Tree}s with nesting, alias and size limits. Each call
 * reads its input once.
 */
public final class Trees {
  /** Deepest nesting of any lockfile format (they use a handful of levels). */
  static final int MAX_DEPTH = 128;

  /** Most values after YAML alias expansion, per file. */
  static final int MAX_NODES = 5_000_000;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private static final TomlMapper TOML = new TomlMapper();

  private Trees() {}

  public static Tree json(SourceFile file) throws ReadFailure {
    String text = file.text();
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ReadFailure(ScanError.Kind.PARSE, 0, "empty file, expected JSON");
      }
      Tree root = readJson(p, t);
      if (p.nextToken() != null) {
        throw new ReadFailure(
            ScanError.Kind.PARSE, p.currentLocation().getLineNr(), "content after the JSON value");
      }
      return root;
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("nesting depth")) {
        throw new ReadFailure(
            ScanError.Kind.LIMIT, line(e), "JSON nested deeper than " + MAX_DEPTH + " levels");
      }
      throw new ReadFailure(ScanError.Kind.PARSE, line(e), "invalid JSON: " + firstLine(msg));
    } catch (IOException e) {
      throw new ReadFailure(ScanError.Kind.IO, 0, "cannot read: " + e.getMessage());
    }
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
  }

  private static Tree readJson(JsonParser p, JsonToken t) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Tree> fields = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          Tree value = readJson(p, p.nextToken());
          fields.remove(name);
          fields.put(name, value);
          keyLines.put(name, keyLine);
        }
        return new Tree.Obj(fields, keyLines, line);
      }
      case START_ARRAY -> {
        List<Tree> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readJson(p, n));
        }
        return new Tree.Arr(items, line);
      }
      case VALUE_NULL -> {
        return new Tree.Scalar(null, line);
      }
      default -> {
        return new Tree.Scalar(p.getText(), line);
      }
    }
  }

  public static Tree yaml(SourceFile file, long maxBytes) throws ReadFailure {
    String text = file.text();
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.display())
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 1)))
            .setUseMarks(true)
            .build();
    try {
      Composer composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      if (!composer.hasNext()) {
        return Tree.Obj.empty();
      }
      Node node = composer.next();
      int[] budget = {MAX_NODES};
      return convert(node, 0, budget);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ReadFailure(ScanError.Kind.PARSE, line, "invalid YAML: " + firstLine(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new ReadFailure(ScanError.Kind.PARSE, 0, "invalid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static Tree convert(Node node, int depth, int[] budget) throws ReadFailure {
    int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    if (depth > MAX_DEPTH) {
      throw new ReadFailure(ScanError.Kind.LIMIT, line, "YAML nested deeper than " + MAX_DEPTH);
    }
    if (--budget[0] < 0) {
      throw new ReadFailure(
          ScanError.Kind.LIMIT, line, "more than " + MAX_NODES + " YAML values (alias expansion)");
    }
    if (node instanceof MappingNode m) {
      Map<String, Tree> fields = new LinkedHashMap<>();
      Map<String, Integer> keyLines = new LinkedHashMap<>();
      for (NodeTuple tuple : m.getValue()) {
        Node k = tuple.getKeyNode();
        String key = k instanceof ScalarNode s ? s.getValue() : String.valueOf(convert(k, depth + 1, budget));
        fields.remove(key);
        fields.put(key, convert(tuple.getValueNode(), depth + 1, budget));
        keyLines.put(key, k.getStartMark().map(mk -> mk.getLine() + 1).orElse(line));
      }
      return new Tree.Obj(fields, keyLines, line);
    }
    if (node instanceof SequenceNode s) {
      List<Tree> items = new ArrayList<>(s.getValue().size());
      for (Node n : s.getValue()) {
        items.add(convert(n, depth + 1, budget));
      }
      return new Tree.Arr(items, line);
    }
    ScalarNode sc = (ScalarNode) node;
    String tag = sc.getTag().getValue();
    boolean isNull =
        tag.endsWith(":null")
            || (sc.isPlain()
                && (sc.getValue().isEmpty() || sc.getValue().equals("~") || sc.getValue().equals("null")));
    return new Tree.Scalar(isNull ? null : sc.getValue(), line);
  }

  /**
   * TOML, without lines: the values of each {@code [[name]]} array-of-tables header get the line
   * of their header (the lock formats list one package per header).
   */
  public static Tree toml(SourceFile file, String arrayHeader) throws ReadFailure {
    String text = file.text();
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ReadFailure(
          ScanError.Kind.PARSE, line(e), "invalid TOML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ReadFailure(ScanError.Kind.IO, 0, "cannot read: " + e.getMessage());
    }
    if (root == null) {
      return Tree.Obj.empty();
    }
    List<Integer> headers = headerLines(text, "[[" + arrayHeader + "]]");
    Tree tree = fromJsonNode(root, 0, 0);
    if (tree instanceof Tree.Obj o && o.get(arrayHeader) instanceof Tree.Arr a
        && a.items().size() == headers.size()) {
      List<Tree> items = new ArrayList<>(a.items().size());
      for (int i = 0; i < a.items().size(); i++) {
        Tree item = a.items().get(i);
        items.add(item instanceof Tree.Obj io ? new Tree.Obj(io.fields(), io.keyLines(), headers.get(i)) : item);
      }
      Map<String, Tree> fields = new LinkedHashMap<>(o.fields());
      fields.put(arrayHeader, new Tree.Arr(items, headers.isEmpty() ? 0 : headers.get(0)));
      return new Tree.Obj(fields, o.keyLines(), 0);
    }
    return tree;
  }

  private static List<Integer> headerLines(String text, String header) {
    List<Integer> out = new ArrayList<>();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (text.startsWith(header, start)) {
          out.add(line);
        }
        line++;
        start = i + 1;
      }
    }
    return out;
  }

  private static Tree fromJsonNode(JsonNode n, int line, int depth) throws ReadFailure {
    if (depth > MAX_DEPTH) {
      throw new ReadFailure(ScanError.Kind.LIMIT, 0, "TOML nested deeper than " + MAX_DEPTH);
    }
    if (n.isObject()) {
      Map<String, Tree> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), fromJsonNode(e.getValue(), line, depth + 1));
      }
      return new Tree.Obj(fields, Map.of(), line);
    }
    if (n.isArray()) {
      List<Tree> items = new ArrayList<>(n.size());
      for (JsonNode c : n) {
        items.add(fromJsonNode(c, line, depth + 1));
      }
      return new Tree.Arr(items, line);
    }
    return new Tree.Scalar(n.isNull() ? null : n.asText(), line);
  }

  static String firstLine(@org.jspecify.annotations.Nullable String msg) {
    if (msg == null) {
      return "unknown error";
    }
    int nl = msg.indexOf('\n');
    String s = nl < 0 ? msg : msg.substring(0, nl);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
