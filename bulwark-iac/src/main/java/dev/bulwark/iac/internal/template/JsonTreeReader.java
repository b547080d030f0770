package dev.bulwark.iac.internal.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import dev.bulwark.model.Node.Scalar.Kind;
import java.io.IOException;
import java.util.List;

/** Reads JSON into a {@link RawNode} tree with Jackson's streaming parser, without recursion. */
final class JsonTreeReader {

  private static final JsonFactory DEFAULT_FACTORY = factory(IacOptions.Limits.defaults());

  private JsonTreeReader() {}

  private static JsonFactory factory(IacOptions.Limits limits) {
    // Our own depth check runs first and names the line; Jackson's is the backstop.
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 1024)))
                .build())
        .build();
  }

  /**
   * Parses {@code text}. Non-fatal problems (duplicate keys, content after the document) are added
   * to {@code errors}.
   *
   * @throws ReadFailure syntax errors ({@code PARSE}), limits ({@code LIMIT}), an empty file
   */
  static RawNode read(String text, String file, IacOptions.Limits limits, List<ScanError> errors)
      throws ReadFailure {
    JsonFactory f =
        limits.maxDepth() == IacOptions.Limits.defaults().maxDepth()
                && limits.maxFileBytes() == IacOptions.Limits.defaults().maxFileBytes()
            ? DEFAULT_FACTORY
            : factory(limits);
    TreeBuilder b = new TreeBuilder(file, limits, errors, text.length());
    try (JsonParser p = f.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ReadFailure(file, 0, ScanError.Kind.INVALID, "the file is empty");
      }
      do {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (t) {
          case START_OBJECT:
            b.startMap(line, column);
            break;
          case START_ARRAY:
            b.startList(line, column);
            break;
          case END_OBJECT:
          case END_ARRAY:
            b.value(b.end(line));
            break;
          case FIELD_NAME:
            b.key(p.currentName(), line, column);
            break;
          case VALUE_STRING:
            b.count(1, line);
            b.value(new RawScalar(b.share(p.getText()), Kind.STRING, line, line, column));
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            b.count(1, line);
            b.value(new RawScalar(p.getText(), Kind.NUMBER, line, line, column));
            break;
          case VALUE_TRUE:
          case VALUE_FALSE:
            b.count(1, line);
            b.value(
                new RawScalar(t == JsonToken.VALUE_TRUE ? "true" : "false", Kind.BOOLEAN, line, line, column));
            break;
          case VALUE_NULL:
            b.count(1, line);
            b.value(new RawScalar(null, Kind.NULL, line, line, column));
            break;
          default:
            break;
        }
        if (b.depth() == 0) {
          break;
        }
        t = p.nextToken();
      } while (t != null);
      RawNode root = b.root();
      if (root == null) {
        throw new ReadFailure(
            file, p.currentLocation().getLineNr(), ScanError.Kind.PARSE, "JSON syntax: unexpected end of file");
      }
      try {
        if (p.nextToken() != null) {
          errors.add(
              new ScanError(
                  file,
                  p.currentTokenLocation().getLineNr(),
                  ScanError.Kind.INVALID,
                  "content after the end of the JSON document is ignored"));
        }
      } catch (JsonParseException ex) {
        errors.add(
            new ScanError(
                file,
                lineOf(ex),
                ScanError.Kind.INVALID,
                "content after the end of the JSON document is ignored"));
      }
      return root;
    } catch (StreamConstraintsException ex) {
      throw new ReadFailure(file, lineOf(ex), ScanError.Kind.LIMIT, "JSON: " + Messages.shortenQuoted(ex.getOriginalMessage()));
    } catch (JsonParseException ex) {
      throw new ReadFailure(
          file, lineOf(ex), ScanError.Kind.PARSE, "JSON syntax: " + Messages.shortenQuoted(ex.getOriginalMessage()));
    } catch (IOException ex) {
      throw new ReadFailure(file, 0, ScanError.Kind.IO, "could not read: " + ex.getMessage());
    }
  }

  private static int lineOf(com.fasterxml.jackson.core.JacksonException ex) {
    JsonLocation l = ex.getLocation();
    return l == null ? 0 : Math.max(l.getLineNr(), 0);
  }
}
