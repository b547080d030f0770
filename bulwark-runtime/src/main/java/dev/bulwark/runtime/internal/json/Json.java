package dev.bulwark.runtime.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small, bounded JSON reader and writer over plain Java values: objects become {@code
 * LinkedHashMap<String, Object>}, arrays {@code ArrayList<Object>}, strings {@code String},
 * numbers {@code Integer}/{@code Long}/{@code BigInteger}/{@code Double}/{@code BigDecimal},
 * {@code true}/{@code false} {@code Boolean}, and {@code null} null.
 *
 * <p>No reflection, no dependency, depth and size bounded: event decoding runs on every
 * invocation and at cold start, where a general-purpose mapper costs tens of milliseconds.
 */
public final class Json {

  /** Default nesting limit, well above any real Lambda event. */
  public static final int DEFAULT_MAX_DEPTH = 128;

  private final String s;
  private final int maxDepth;
  private int pos;

  private Json(String s, int maxDepth) {
    this.s = s;
    this.maxDepth = maxDepth;
  }

  /** Parses one JSON document; throws {@link JsonException} naming the offset and reason. */
  public static @Nullable Object parse(String text) {
    return parse(text, DEFAULT_MAX_DEPTH);
  }

  public static @Nullable Object parse(String text, int maxDepth) {
    Json p = new Json(text, maxDepth);
    p.skipWs();
    Object v = p.value(0);
    p.skipWs();
    if (p.pos != p.s.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return v;
  }

  /** True when {@code text} looks like a JSON object or array (cheap pre-check, not validation). */
  public static boolean looksLikeContainer(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && isWs(text.charAt(i))) {
      i++;
    }
    int j = n - 1;
    while (j > i && isWs(text.charAt(j))) {
      j--;
    }
    if (i >= j) {
      return false;
    }
    char a = text.charAt(i);
    char b = text.charAt(j);
    return (a == '{' && b == '}') || (a == '[' && b == ']');
  }

  private static boolean isWs(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private @Nullable Object value(int depth) {
    if (pos >= s.length()) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + printable(c) + "'");
    }
  }

  private Map<String, @Nullable Object> object(int depth) {
    if (depth > maxDepth) {
      throw error("nesting deeper than " + maxDepth);
    }
    pos++;
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    skipWs();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String k = string();
      skipWs();
      if (peek() != ':') {
        throw error("expected ':'");
      }
      pos++;
      skipWs();
      m.put(k, value(depth));
      skipWs();
      char c = peek();
      pos++;
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<@Nullable Object> array(int depth) {
    if (depth > maxDepth) {
      throw error("nesting deeper than " + maxDepth);
    }
    pos++;
    List<@Nullable Object> a = new ArrayList<>();
    skipWs();
    if (peek() == ']') {
      pos++;
      return a;
    }
    while (true) {
      skipWs();
      a.add(value(depth));
      skipWs();
      char c = peek();
      pos++;
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    int start = pos;
    // fast path: no escapes
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '"') {
        return s.substring(start, pos++);
      }
      if (c == '\\') {
        break;
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      pos++;
    }
    StringBuilder b = new StringBuilder(Math.max(16, (pos - start) * 2));
    b.append(s, start, pos);
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        if (pos >= s.length()) {
          break;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            b.append(e);
            break;
          case 'b':
            b.append('\b');
            break;
          case 'f':
            b.append('\f');
            break;
          case 'n':
            b.append('\n');
            break;
          case 'r':
            b.append('\r');
            break;
          case 't':
            b.append('\t');
            break;
          case 'u':
            if (pos + 4 > s.length()) {
              throw error("truncated \\u escape");
            }
            int cp = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(s.charAt(pos++), 16);
              if (d < 0) {
                throw error("bad \\u escape");
              }
              cp = cp * 16 + d;
            }
            b.append((char) cp);
            break;
          default:
            pos--;
            throw error("bad escape '\\" + printable(e) + "'");
        }
      } else if (c < 0x20) {
        pos--;
        throw error("control character in string");
      } else {
        b.append(c);
      }
    }
    throw error("unterminated string");
  }

  private Number number() {
    int start = pos;
    boolean decimal = false;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c >= '0' && c <= '9') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        decimal = true;
        pos++;
      } else {
        break;
      }
    }
    if (pos == digits) {
      throw error("bad number");
    }
    String t = s.substring(start, pos);
    try {
      if (!decimal) {
        if (t.length() <= 9) {
          return Integer.parseInt(t);
        }
        if (t.length() <= 18) {
          long l = Long.parseLong(t);
          return l == (int) l ? Integer.valueOf((int) l) : Long.valueOf(l);
        }
        return new BigInteger(t);
      }
      BigDecimal bd = new BigDecimal(t);
      double d = bd.doubleValue();
      if (!Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(bd) == 0) {
        return d;
      }
      return bd;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad number '" + abbreviate(t) + "'");
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw error("unexpected token");
    }
    pos += word.length();
  }

  private char peek() {
    if (pos >= s.length()) {
      throw error("unexpected end of input");
    }
    return s.charAt(pos);
  }

  private void skipWs() {
    while (pos < s.length() && isWs(s.charAt(pos))) {
      pos++;
    }
  }

  private JsonException error(String reason) {
    int line = 1;
    int col = 1;
    int end = Math.min(pos, s.length());
    for (int i = 0; i < end; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new JsonException("line " + line + ", column " + col + ": " + reason);
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private static String abbreviate(String t) {
    return t.length() > 20 ? t.substring(0, 20) + "…" : t;
  }

  // ---------------------------------------------------------------- writing

  /** Writes {@code value} as compact JSON. Unknown types are written as strings. */
  public static String write(@Nullable Object value) {
    StringBuilder b = new StringBuilder(256);
    write(b, value);
    return b.toString();
  }

  public static void write(StringBuilder b, @Nullable Object value) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String str) {
      quote(b, str);
    } else if (value instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        quote(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (value instanceof Iterable<?> it) {
      b.append('[');
      boolean first = true;
      for (Object o : it) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(b, o);
      }
      b.append(']');
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      b.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else {
      quote(b, value.toString());
    }
  }

  /** Appends {@code str} as a JSON string literal. */
  public static void quote(StringBuilder b, String str) {
    b.append('"');
    int n = str.length();
    int last = 0;
    for (int i = 0; i < n; i++) {
      char c = str.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c == '\u2028' || c == '\u2029') {
        b.append(str, last, i);
        switch (c) {
          case '"':
            b.append("\\\"");
            break;
          case '\\':
            b.append("\\\\");
            break;
          case '\n':
            b.append("\\n");
            break;
          case '\r':
            b.append("\\r");
            break;
          case '\t':
            b.append("\\t");
            break;
          default:
            b.append(String.format("\\u%04x", (int) c));
        }
        last = i + 1;
      }
    }
    b.append(str, last, n);
    b.append('"');
  }
}
