package dev.bulwark.iac.internal.template;

import dev.bulwark.iac.IacOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * Rough throughput comparison (not a unit test; the JMH benchmark in bulwark-bench is the
 * reference): reading templates with {@link TemplateReader} (parse, resolve, build the template)
 * against a plain SnakeYAML Engine parse ({@code Compose}: the node graph with marks, which is
 * what any located reading needs at least) of the same text. Uses a generated template of
 * 10,000 SAM functions and, when present, the corpus folder given as argument.
 *
 * <p>Run: {@code java -cp <test classpath> dev.bulwark.iac.internal.template.ReadThroughputRun
 * /work/shared/corpus/serverless-patterns}
 */
public final class ReadThroughputRun {

  private ReadThroughputRun() {}

  public static void main(String[] args) throws IOException {
    String big = generated(10_000);
    System.out.printf("generated template: %d functions, %d KiB%n", 10_000, big.length() / 1024);
    compare(List.of(big), 5);
    phases(big, 5);
    if (args.length > 0 && Files.isDirectory(Path.of(args[0]))) {
      List<String> texts = new ArrayList<>();
      try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
        for (Path p : s.filter(f -> f.toString().matches(".*\\.(yaml|yml)$")).sorted().toList()) {
          byte[] b = Files.readAllBytes(p);
          if (TemplateSniffer.looksLikeTemplate(p, b)) {
            texts.add(new String(b, StandardCharsets.UTF_8));
          }
        }
      }
      System.out.printf("corpus: %d YAML templates%n", texts.size());
      compare(texts, 10);
    }
  }

  static String generated(int functions) {
    StringBuilder y =
        new StringBuilder(
            "AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n"
                + "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n"
                + "Conditions:\n  IsProd: !Equals [!Ref Stage, prod]\n"
                + "Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 30\nResources:\n");
    for (int i = 0; i < functions; i++) {
      y.append("  Fn").append(i).append(":\n")
          .append("    Type: AWS::Serverless::Function\n")
          .append("    Properties:\n")
          .append("      FunctionName: !Sub \"${Stage}-fn-").append(i).append("\"\n")
          .append("      Handler: app.handler\n")
          .append("      CodeUri: src/\n")
          .append("      MemorySize: !If [IsProd, 1024, 256]\n")
          .append("      Tracing: Active\n")
          .append("      Environment:\n        Variables:\n          TABLE: !Ref Table\n")
          .append("      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n")
          .append("      Events:\n        Api:\n          Type: HttpApi\n          Properties:\n")
          .append("            Path: /items/").append(i).append("\n            Method: get\n");
    }
    y.append("  Table:\n    Type: AWS::DynamoDB::Table\n");
    return y.toString();
  }

  /** Time of each phase on one text: parser events only, raw tree, full read. */
  private static void phases(String text, int rounds) {
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    long events = Long.MAX_VALUE;
    long raw = Long.MAX_VALUE;
    long full = Long.MAX_VALUE;
    int sink = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      var parser =
          new org.snakeyaml.engine.v2.parser.ParserImpl(
              settings, new org.snakeyaml.engine.v2.scanner.StreamReader(settings, text));
      while (parser.hasNext()) {
        parser.next();
        sink++;
      }
      long t1 = System.nanoTime();
      try {
        sink += YamlTreeReader.read(text, "t.yaml", IacOptions.Limits.defaults(), new ArrayList<>()).size();
      } catch (ReadFailure e) {
        throw new IllegalStateException(e);
      }
      long t2 = System.nanoTime();
      sink += TemplateReader.read(text, Path.of("t.yaml"), "t.yaml", IacOptions.defaults()).errors().size();
      long t3 = System.nanoTime();
      events = Math.min(events, t1 - t0);
      raw = Math.min(raw, t2 - t1);
      full = Math.min(full, t3 - t2);
    }
    System.out.printf(
        "  phases: parser events %d ms, raw tree %d ms, full read %d ms (%d)%n",
        events / 1_000_000, raw / 1_000_000, full / 1_000_000, sink);
  }

  private static void compare(List<String> texts, int rounds) {
    LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    long bestOurs = Long.MAX_VALUE;
    long bestPlain = Long.MAX_VALUE;
    int sink = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (String t : texts) {
        TemplateReader.Result r = TemplateReader.read(t, Path.of("t.yaml"), "t.yaml", IacOptions.defaults());
        sink += r.template() == null ? 0 : r.template().resources().size();
      }
      long t1 = System.nanoTime();
      for (String t : texts) {
        try {
          sink += new Compose(settings).composeString(t).isPresent() ? 1 : 0;
        } catch (RuntimeException e) {
          sink--; // a file with a syntax error: both readers stop there
        }
      }
      long t2 = System.nanoTime();
      bestOurs = Math.min(bestOurs, t1 - t0);
      bestPlain = Math.min(bestPlain, t2 - t1);
    }
    System.out.printf(
        "  TemplateReader %d ms, plain SnakeYAML compose %d ms, ratio %.2f (best of %d; %d)%n",
        bestOurs / 1_000_000, bestPlain / 1_000_000, (double) bestOurs / bestPlain, rounds, sink);
  }
}
