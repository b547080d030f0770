package dev.bulwark.rules.testing;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import dev.bulwark.iac.Adapters;
import dev.bulwark.iac.IacAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleCatalog;
import dev.bulwark.rules.RuleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs one rule over its fixture folder {@code src/test/resources/rules/<ID>/} and compares the
 * findings with the expectations written in the fixtures.
 *
 * <ul>
 *   <li>{@code fail*.yaml|yml|json}: must produce exactly the expected findings. In YAML the
 *       expectation is a comment {@code # expect: ID} (several ids comma-separated, several
 *       comments stacked) on the line before the line the finding must start on. JSON has no
 *       comments: a sidecar {@code fail.json.expect} lists {@code <line> <ID>} pairs.
 *   <li>{@code pass*}: must produce no finding of the rule.
 *   <li>{@code settings.properties} (optional): {@code asOf}, {@code trustedAccounts}
 *       (comma-separated), {@code ownerTagKey}, and any other key as a rule option.
 * </ul>
 *
 * Fixture files must load without scan errors.
 */
public final class RuleFixtures {

  /** Default "today" of fixtures, so runtime deprecation fixtures do not age. */
  public static final LocalDate FIXTURE_DATE = LocalDate.of(2026, 11, 1);

  private RuleFixtures() {}

  /** One fixture file's outcome. */
  public record Outcome(
      Path file, Map<Integer, List<String>> expected, Map<Integer, List<String>> actual,
      List<Finding> findings, List<ScanError> errors) {

    /** Differences, one per line, empty when the fixture passes. */
    public List<String> problems() {
      List<String> out = new ArrayList<>();
      for (ScanError e : errors) {
        out.add("load error: " + e);
      }
      Set<Integer> lines = new HashSet<>(expected.keySet());
      lines.addAll(actual.keySet());
      for (int line : new java.util.TreeSet<>(lines)) {
        List<String> exp = sorted(expected.getOrDefault(line, List.of()));
        List<String> act = sorted(actual.getOrDefault(line, List.of()));
        if (!exp.equals(act)) {
          out.add(file.getFileName() + ":" + line + " expected " + exp + " but found " + act
              + describe(line));
        }
      }
      return out;
    }

    private String describe(int line) {
      StringBuilder sb = new StringBuilder();
      for (Finding f : findings) {
        if (f.location().startLine() == line) {
          sb.append("\n    ").append(f.ruleId()).append(": ").append(f.message());
        }
      }
      return sb.toString();
    }

    private static List<String> sorted(List<String> in) {
      List<String> copy = new ArrayList<>(in);
      copy.sort(null);
      return copy;
    }
  }

  /** The folders under {@code root} (one per rule id). */
  public static List<Path> folders(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fixture files of a folder: {@code fail*} and {@code pass*} templates. */
  public static List<Path> files(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> {
            String n = p.getFileName().toString();
            return (n.startsWith("fail") || n.startsWith("pass"))
                && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")
                    || n.endsWith(".template"));
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code rule} on one fixture file. */
  public static Outcome run(Rule rule, Path file) {
    RuleSettings settings = settings(file.getParent());
    List<ScanError> errors = new ArrayList<>();
    Optional<CloudModel> model = load(file, errors);
    List<Finding> findings = new ArrayList<>();
    if (model.isPresent()) {
      Findings sink = new Findings(RuleCatalog.metadata(rule), settings);
      rule.check(model.get(), sink);
      findings.addAll(sink.results());
    }
    String id = RuleCatalog.metadata(rule).id();
    Map<Integer, List<String>> actual = new TreeMap<>();
    for (Finding f : findings) {
      actual.computeIfAbsent(f.location().startLine(), k -> new ArrayList<>()).add(f.ruleId());
    }
    Map<Integer, List<String>> expected = expectations(file);
    expected.values().forEach(v -> v.removeIf(x -> !x.equals(id)));
    expected.values().removeIf(List::isEmpty);
    return new Outcome(file, expected, actual, findings, errors);
  }

  /** Loads a template through the adapters, as the engine does. */
  public static Optional<CloudModel> load(Path file, List<ScanError> errors) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<IacAdapter> adapter = Adapters.forFile(file, head);
    if (adapter.isEmpty()) {
      errors.add(new ScanError(file.toString(), 0, ScanError.Kind.INVALID,
          "no adapter recognises this fixture"));
      return Optional.empty();
    }
    LoadResult result = adapter.get().load(file, file.getFileName().toString(),
        IacOptions.defaults());
    errors.addAll(result.errors());
    return result.modelIfAny();
  }

  /** Expected rule ids by 1-based line. */
  public static Map<Integer, List<String>> expectations(Path file) {
    Map<Integer, List<String>> out = new TreeMap<>();
    try {
      Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
      if (Files.exists(sidecar)) {
        for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
          String t = line.trim();
          if (t.isEmpty() || t.startsWith("#")) {
            continue;
          }
          String[] parts = t.split("\\s+", 2);
          out.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>())
              .addAll(ids(parts[1]));
        }
        return out;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> pending = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).trim();
        int at = t.indexOf("# expect:");
        if (t.startsWith("# expect:")) {
          pending.addAll(ids(t.substring(at + "# expect:".length())));
          continue;
        }
        if (!pending.isEmpty()) {
          out.computeIfAbsent(i + 1, k -> new ArrayList<>()).addAll(pending);
          pending.clear();
        }
      }
      if (!pending.isEmpty()) {
        throw new IllegalStateException(file + ": '# expect:' on the last line has no target");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> ids(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Settings from the folder's {@code settings.properties}, over fixture defaults. */
  public static RuleSettings settings(Path folder) {
    RuleSettings.Builder b = RuleSettings.builder().asOf(FIXTURE_DATE);
    Path file = folder.resolve("settings.properties");
    if (!Files.exists(file)) {
      return b.build();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String v = p.getProperty(name).trim();
      switch (name) {
        case "asOf" -> b.asOf(LocalDate.parse(v));
        case "trustedAccounts" -> b.trustedAccounts(Set.copyOf(ids(v)));
        case "ownerTagKey" -> b.ownerTagKey(v);
        default -> options.put(name, v);
      }
    }
    options.forEach(b::option);
    return b.build();
  }
}
