package dev.bulwark.runtime.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the line fixtures under {@code src/test/resources/detect} (see the README there). */
final class Fixtures {

  /** One fixture line: where it came from and the input it describes. */
  record Line(String file, int number, Input input) {
    @Override
    public String toString() {
      return file + ":" + number + " " + input.value().replace("\n", "\\n").replace("\r", "\\r");
    }
  }

  private Fixtures() {}

  static List<Path> files(String folder) {
    URL url = Fixtures.class.getResource("/detect/" + folder);
    if (url == null) {
      throw new IllegalStateException("no fixture folder detect/" + folder + " on the class path");
    }
    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Line> lines(Path file) {
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Line> out = new ArrayList<>();
    String name = file.getFileName().toString();
    for (int i = 0; i < raw.size(); i++) {
      String line = raw.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(new Line(name, i + 1, input(unescape(line))));
    }
    return out;
  }

  private static Input input(String line) {
    if (line.startsWith("key:")) {
      String key = line.substring(4);
      return new Input("query." + key, key, Input.Kind.KEY);
    }
    if (line.startsWith("header:")) {
      return new Input("header.x-test", line.substring(7), Input.Kind.HEADER);
    }
    if (line.startsWith("path:")) {
      return new Input("path", line.substring(5), Input.Kind.PATH);
    }
    return Input.value("query.q", line);
  }

  /** Decodes the escapes \n \r \t \0 \\ \\uXXXX; any other backslash stays as it is. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char d = s.charAt(i + 1);
      switch (d) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case '0' -> b.append('\0');
        case '\\' -> b.append('\\');
        case 'u' -> {
          if (i + 5 < s.length()) {
            b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
            i += 4;
          } else {
            b.append("\\u");
          }
        }
        default -> {
          b.append(c).append(d);
        }
      }
      i++;
    }
    return b.toString();
  }

  /** The attack class a fixture file is named after: {@code sql-injection.txt}. */
  static AttackClass classOf(Path file) {
    String label = file.getFileName().toString().replace(".txt", "");
    for (AttackClass c : AttackClass.values()) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    throw new IllegalStateException("fixture " + file + " is not named after an attack class");
  }
}
