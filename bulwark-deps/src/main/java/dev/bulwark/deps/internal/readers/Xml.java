package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A small element tree with lines, read with the JDK's own StAX parser with DTDs and external
 * entities off (no XXE, no entity expansion bombs): a document with a DTD that declares or uses
 * entities fails to parse.
 */
public final class Xml {
  /** Most elements per document. */
  static final int MAX_ELEMENTS = 500_000;

  private static final XMLInputFactory FACTORY = factory();

  private Xml() {}

  /** An element: local name, trimmed text of its direct text children, line, children. */
  public record El(String name, String text, int line, List<El> children) {

    public @Nullable El child(String n) {
      for (El c : children) {
        if (c.name.equals(n)) {
          return c;
        }
      }
      return null;
    }

    /** Text of the child {@code n}, or null when absent. */
    public @Nullable String text(String n) {
      El c = child(n);
      return c == null ? null : c.text;
    }

    public List<El> all(String n) {
      List<El> out = new ArrayList<>();
      for (El c : children) {
        if (c.name.equals(n)) {
          out.add(c);
        }
      }
      return out;
    }

    /** The children named {@code leaf} of the child path ({@code dependencies/dependency}). */
    public List<El> path(String parent, String leaf) {
      El p = child(parent);
      return p == null ? List.of() : p.all(leaf);
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (IllegalArgumentException notSupported) {
      // DTD support is already off
    }
    return f;
  }

  public static El parse(SourceFile file) throws ReadFailure {
    file.text(); // binary and encoding checks with our messages
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(file.bytes()));
      Deque<El> stack = new ArrayDeque<>();
      Deque<StringBuilder> texts = new ArrayDeque<>();
      El root = null;
      int count = 0;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (++count > MAX_ELEMENTS) {
              throw new ReadFailure(ScanError.Kind.LIMIT, r.getLocation().getLineNumber(),
                  "more than " + MAX_ELEMENTS + " XML elements");
            }
            if (stack.size() >= Trees.MAX_DEPTH) {
              throw new ReadFailure(ScanError.Kind.LIMIT, r.getLocation().getLineNumber(),
                  "XML nested deeper than " + Trees.MAX_DEPTH);
            }
            El el = new El(r.getLocalName(), "", r.getLocation().getLineNumber(), new ArrayList<>());
            stack.push(el);
            texts.push(new StringBuilder());
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!texts.isEmpty()) {
              texts.peek().append(r.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new ReadFailure(ScanError.Kind.PARSE, r.getLocation().getLineNumber(),
                  "entity reference &" + r.getLocalName() + "; is not allowed");
          case XMLStreamConstants.END_ELEMENT -> {
            El done = stack.pop();
            El withText = new El(done.name, texts.pop().toString().trim(), done.line, done.children);
            if (stack.isEmpty()) {
              root = withText;
            } else {
              stack.peek().children.add(withText);
            }
          }
          default -> { }
        }
      }
      if (root == null) {
        throw new ReadFailure(ScanError.Kind.PARSE, 0, "no XML root element");
      }
      return root;
    } catch (RuntimeException e) {
      // the JDK parser throws unchecked exceptions on some malformed declarations
      int line = r == null ? 0 : Math.max(0, r.getLocation().getLineNumber());
      throw new ReadFailure(ScanError.Kind.PARSE, line, "invalid XML (" + e.getClass().getSimpleName() + ")");
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      String msg = e.getMessage() == null ? "" : e.getMessage();
      int idx = msg.indexOf("Message: ");
      throw new ReadFailure(ScanError.Kind.PARSE, line,
          "invalid XML: " + Trees.firstLine(idx >= 0 ? msg.substring(idx + 9) : msg));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }
}
