package dev.bulwark.runtime.internal.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A bounded multipart/form-data reader: part names, file names and text contents. */
final class Multipart {
  private Multipart() {}

  record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] content) {
    boolean isText() {
      if (contentType == null) {
        return filename == null || !EventDecoder.looksBinary(content);
      }
      String ct = contentType.toLowerCase(Locale.ROOT);
      return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
          || ct.equals("application/x-www-form-urlencoded");
    }

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  static @Nullable String boundary(String contentTypeHeader) {
    for (String p : Strings.split(contentTypeHeader, ';')) {
      String t = p.trim();
      if (t.regionMatches(true, 0, "boundary=", 0, 9)) {
        String b = t.substring(9).trim();
        if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        return b.isEmpty() || b.length() > 70 ? null : b;
      }
    }
    return null;
  }

  static List<Part> parse(byte[] body, String boundary, int maxParts) {
    byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delim, 0);
    while (pos >= 0 && parts.size() < maxParts) {
      int start = pos + delim.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // closing delimiter
      }
      start = skipLineBreak(body, start);
      int next = indexOf(body, delim, start);
      if (next < 0) {
        break;
      }
      int end = next;
      if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
        end -= 2;
      } else if (end >= 1 && body[end - 1] == '\n') {
        end -= 1;
      }
      Part p = part(body, start, Math.max(start, end));
      if (p != null) {
        parts.add(p);
      }
      pos = next;
    }
    return parts;
  }

  private static @Nullable Part part(byte[] b, int start, int end) {
    int headerEnd = -1;
    int contentStart = -1;
    for (int i = start; i < end; i++) {
      if (b[i] == '\n' && i + 1 < end && b[i + 1] == '\n') {
        headerEnd = i;
        contentStart = i + 2;
        break;
      }
      if (b[i] == '\r' && i + 3 < end && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
        headerEnd = i;
        contentStart = i + 4;
        break;
      }
    }
    if (headerEnd < 0) {
      return null;
    }
    String headers = new String(b, start, headerEnd - start, StandardCharsets.UTF_8);
    String name = null;
    String filename = null;
    String contentType = null;
    for (String line : Strings.lines(headers)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String h = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String v = line.substring(colon + 1).trim();
      if (h.equals("content-disposition")) {
        name = param(v, "name");
        filename = param(v, "filename");
      } else if (h.equals("content-type")) {
        contentType = v;
      }
    }
    if (name == null) {
      return null;
    }
    byte[] content = java.util.Arrays.copyOfRange(b, contentStart, Math.max(contentStart, end));
    return new Part(name, filename, contentType, content);
  }

  private static @Nullable String param(String header, String key) {
    for (String p : Strings.split(header, ';')) {
      String t = p.trim();
      int eq = t.indexOf('=');
      if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(key)) {
        String v = t.substring(eq + 1).trim();
        if (v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return null;
  }

  private static int skipLineBreak(byte[] b, int i) {
    if (i < b.length && b[i] == '\r') {
      i++;
    }
    if (i < b.length && b[i] == '\n') {
      i++;
    }
    return i;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
