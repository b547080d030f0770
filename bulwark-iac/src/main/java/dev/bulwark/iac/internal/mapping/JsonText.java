package dev.bulwark.iac.internal.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON written inside a string property (a policy document or a redrive policy given as JSON text).
 * Every value of the result is located at the string itself.
 */
final class JsonText {

  private static final int MAX_DEPTH = 64;
  private static final int MAX_CHARS = 1 << 20;
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private JsonText() {}

  /** The parsed value, or empty when the text is not a JSON object or array. */
  static Optional<Node> parse(String text, SourceLocation at) {
    String t = text.trim();
    if (t.length() > MAX_CHARS || !(t.startsWith("{") || t.startsWith("["))) {
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(t)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      Node n = read(p, at);
      return p.nextToken() == null ? Optional.of(n) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Node read(JsonParser p, SourceLocation at) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Node.MapNode.Builder b = Node.MapNode.builder(4);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        b.put(name, at, read(p, at));
      }
      return b.build(at);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p, at));
      }
      return new Node.ListNode(items, at);
    }
    if (t == JsonToken.VALUE_STRING) {
      return new Node.Scalar(p.getText(), Node.Scalar.Kind.STRING, at);
    }
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return new Node.Scalar(p.getText(), Node.Scalar.Kind.NUMBER, at);
    }
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return new Node.Scalar(p.getText(), Node.Scalar.Kind.BOOLEAN, at);
    }
    if (t == JsonToken.VALUE_NULL) {
      return new Node.Scalar(null, Node.Scalar.Kind.NULL, at);
    }
    throw new IOException("unexpected token " + t);
  }
}
