package dev.bulwark.runtime.detect.conformance;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detectors;
import dev.bulwark.runtime.detect.Input;
import dev.bulwark.runtime.internal.decode.EventDecoder;
import dev.bulwark.runtime.internal.decode.Field;
import dev.bulwark.runtime.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the built-in detectors on the development corpora: the libinjection SQLi and XSS samples
 * (each wrapped as the {@code q} query parameter of an API Gateway v2 event and decoded by the
 * runtime's {@link EventDecoder}), its false-positive list, and the benign Lambda events (every
 * string of each, values and keys, and the fields the decoder yields). Run by {@code
 * scripts/detection-conformance}.
 *
 * <p>Usage: {@code DetectionConformance <corpus-dir> [--verbose]}. Exit code 0 when every target is
 * met, 1 when one is missed, 2 when the corpus is missing.
 */
public final class DetectionConformance {

  static final double TARGET_DETECTION = 0.97;
  static final double TARGET_FALSE_POSITIVES = 0.01;

  private final Detectors detectors = Detectors.defaults();
  private final PrintStream out;
  private final boolean verbose;

  private DetectionConformance(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: DetectionConformance <corpus-dir> [--verbose]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    boolean verbose = args.length > 1 && args[1].equals("--verbose");
    Path libinjection = corpus.resolve("attacks-dev/libinjection");
    Path events = corpus.resolve("lambda-events");
    if (!Files.isDirectory(libinjection) || !Files.isDirectory(events)) {
      System.err.println(
          "detection-conformance: corpus not found: expected "
              + libinjection + " and " + events
              + " (set BULWARK_CORPUS to the folder holding attacks-dev/ and lambda-events/)");
      System.exit(2);
    }
    System.exit(new DetectionConformance(System.out, verbose).run(libinjection, events) ? 0 : 1);
  }

  private boolean run(Path libinjection, Path events) throws IOException {
    long t0 = System.nanoTime();
    double sqli = samples(libinjection, "sqli-", AttackClass.SQL_INJECTION, "SQL injection");
    double xss = samples(libinjection, "xss-", AttackClass.XSS, "XSS");
    double fp = falsePositives(libinjection.resolve("false_positives.txt"));
    int benign = benignEvents(events);
    out.printf(Locale.ROOT, "%ntargets%n");
    boolean ok = true;
    ok &= target("SQL injection detected", sqli, ">=", TARGET_DETECTION, sqli >= TARGET_DETECTION);
    ok &= target("XSS detected", xss, ">=", TARGET_DETECTION, xss >= TARGET_DETECTION);
    ok &= target("false positives", fp, "<=", TARGET_FALSE_POSITIVES, fp <= TARGET_FALSE_POSITIVES);
    out.printf(Locale.ROOT, "  %-28s %8d   target 0   %s%n", "benign-event detections", benign,
        benign == 0 ? "ok" : "MISSED");
    ok &= benign == 0;
    out.printf(Locale.ROOT, "%n%s in %.1f s%n", ok ? "all targets met" : "targets missed",
        (System.nanoTime() - t0) / 1e9);
    return ok;
  }

  private boolean target(String what, double value, String op, double goal, boolean met) {
    out.printf(Locale.ROOT, "  %-28s %7.2f %%  target %s %.0f %%  %s%n", what, value * 100, op,
        goal * 100, met ? "ok" : "MISSED");
    return met;
  }

  /** Detection rate over every {@code prefix*.txt} file; prints one line per file. */
  private double samples(Path dir, String prefix, AttackClass expected, String title)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .toList();
    }
    out.printf(Locale.ROOT, "%s samples (as query parameter q of an API Gateway v2 event)%n", title);
    out.printf(Locale.ROOT, "  %-44s %7s %9s %8s %9s%n", "file", "samples", "detected", "rate",
        "as class");
    int total = 0;
    int detected = 0;
    int asClass = 0;
    for (Path f : files) {
      int n = 0;
      int d = 0;
      int c = 0;
      for (String sample : samples(f)) {
        n++;
        List<Detection> found = detectors.detectAll("GET /search", inputs(sample));
        if (!found.isEmpty()) {
          d++;
        }
        if (found.stream().anyMatch(x -> x.attackClass() == expected)) {
          c++;
        } else if (verbose) {
          out.println("    miss " + f.getFileName() + ": " + printable(sample)
              + (found.isEmpty() ? "" : "   (found " + found + ")"));
        }
      }
      out.printf(Locale.ROOT, "  %-44s %7d %9d %7.2f%% %8.2f%%%n", f.getFileName(), n, d,
          100.0 * d / Math.max(1, n), 100.0 * c / Math.max(1, n));
      total += n;
      detected += d;
      asClass += c;
    }
    double rate = (double) asClass / Math.max(1, total);
    out.printf(Locale.ROOT, "  %-44s %7d %9d %7.2f%% %8.2f%%%n%n", "total", total, detected,
        100.0 * detected / Math.max(1, total), 100 * rate);
    return rate;
  }

  private double falsePositives(Path file) throws IOException {
    int n = 0;
    int flagged = 0;
    List<String> shown = new ArrayList<>();
    for (String sample : samples(file)) {
      n++;
      List<Detection> found = detectors.detectAll("GET /search", inputs(sample));
      if (!found.isEmpty()) {
        flagged++;
        shown.add(printable(sample) + "   -> " + found.get(0).rule() + " " + found.get(0).confidence());
      }
    }
    double rate = (double) flagged / Math.max(1, n);
    out.printf(Locale.ROOT, "false positives (%s): %d of %d flagged, %.2f %%%n",
        file.getFileName(), flagged, n, 100 * rate);
    for (String s : shown) {
      out.println("    flagged: " + s);
    }
    out.println();
    return rate;
  }

  private int benignEvents(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int strings = 0;
    int fields = 0;
    int detections = 0;
    int unreadable = 0;
    for (Path f : files) {
      Object event;
      try {
        event = MiniJson.parse(Files.readString(f, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        unreadable++;
        out.println("    unreadable: " + dir.relativize(f) + ": " + e.getMessage());
        continue;
      }
      List<Input> inputs = EventInputs.of(event);
      strings += inputs.size();
      for (Input in : inputs) {
        for (Detection d : detectors.detect("", in)) {
          detections++;
          out.println("    benign event flagged: " + dir.relativize(f) + " " + d);
        }
      }
      List<Input> decoded = coreInputs(Json.parse(Files.readString(f, StandardCharsets.UTF_8)));
      fields += decoded.size();
      for (Input in : decoded) {
        for (Detection d : detectors.detect("", in)) {
          detections++;
          out.println("    benign event flagged (core decoder): " + dir.relativize(f) + " " + d);
        }
      }
    }
    out.printf(Locale.ROOT, "benign events: %d files, %d strings (values and keys) and %d fields "
            + "decoded by the runtime's EventDecoder, %d detections%s%n",
        files.size(), strings, fields, detections,
        unreadable == 0 ? "" : ", " + unreadable + " unreadable");
    return detections;
  }

  /** The samples of a corpus file: non-blank, non-comment lines, URL-decoded once. */
  static List<String> samples(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(decodeOnce(line));
    }
    return out;
  }

  static String decodeOnce(String line) {
    try {
      return URLDecoder.decode(line, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      // a stray '%': decode what can be decoded, keep the rest
      StringBuilder b = new StringBuilder(line.length());
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '%' && i + 2 < line.length() && isHex(line.charAt(i + 1)) && isHex(line.charAt(i + 2))) {
          int j = i;
          java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
          while (j + 2 < line.length() && line.charAt(j) == '%' && isHex(line.charAt(j + 1))
              && isHex(line.charAt(j + 2))) {
            bytes.write(Integer.parseInt(line.substring(j + 1, j + 3), 16));
            j += 3;
          }
          b.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
          i = j - 1;
        } else {
          b.append(c == '+' ? ' ' : c);
        }
      }
      return b.toString();
    }
  }

  /** The sample on one line: controls shown as escapes. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /**
   * The inputs of an API Gateway v2 event carrying {@code value} as query parameter {@code q}, as
   * the runtime core's {@link EventDecoder} decodes it (every decoded field, inert ones included).
   */
  static List<Input> inputs(String value) {
    return coreInputs(Json.parse(apiGatewayV2Event(value)));
  }

  static List<Input> coreInputs(Object event) {
    List<Input> out = new ArrayList<>();
    for (Field f : new EventDecoder().decode(event).fields()) {
      out.add(f.input());
    }
    return out;
  }

  static String apiGatewayV2Event(String value) {
    String raw = "q=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    return "{\"version\":\"2.0\",\"routeKey\":\"GET /search\",\"rawPath\":\"/search\","
        + "\"rawQueryString\":" + MiniJson.quote(raw) + ","
        + "\"headers\":{\"accept\":\"application/json\",\"host\":\"api.example.com\","
        + "\"user-agent\":\"curl/8.5.0\"},"
        + "\"queryStringParameters\":{\"q\":" + MiniJson.quote(value) + "},"
        + "\"requestContext\":{\"accountId\":\"123456789012\",\"apiId\":\"api\","
        + "\"domainName\":\"api.example.com\",\"http\":{\"method\":\"GET\",\"path\":\"/search\","
        + "\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"203.0.113.7\",\"userAgent\":\"curl/8.5.0\"},"
        + "\"requestId\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\",\"routeKey\":\"GET /search\","
        + "\"stage\":\"$default\",\"timeEpoch\":1700000000000},\"isBase64Encoded\":false}";
  }
}
