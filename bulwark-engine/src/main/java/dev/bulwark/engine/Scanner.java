package dev.bulwark.engine;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import dev.bulwark.core.Version;
import dev.bulwark.engine.internal.InlineDirectives;
import dev.bulwark.engine.internal.AdvisorySources;
import dev.bulwark.engine.internal.InputFinder;
import dev.bulwark.engine.internal.SupplyChain;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.deps.VulnerabilityDatabase;
import dev.bulwark.deps.VulnerabilityFindings;
import dev.bulwark.secrets.SecretRules;
import dev.bulwark.secrets.SecretScanner;
import dev.bulwark.iac.Adapters;
import dev.bulwark.iac.IacAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.Ignore;
import dev.bulwark.model.Resource;
import dev.bulwark.rules.BuiltinRules;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleCatalog;
import dev.bulwark.rules.RuleRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scan: finds the inputs, reads each with the adapter that recognises it, runs the selected
 * rules on each model, applies suppressions (resource metadata, inline comments) and the baseline,
 * and returns the {@link Report}. Never throws for bad inputs — they become report errors; throws
 * {@link IllegalArgumentException} only for a bad request (unknown rule id, unreadable baseline).
 */
public final class Scanner {

  private static final int HEAD_BYTES = 64 * 1024;

  private final List<Rule> rules;
  private final Clock clock;

  /** A scanner with the built-in rules. */
  public Scanner() {
    this(BuiltinRules.all(), Clock.systemUTC());
  }

  public Scanner(List<Rule> rules, Clock clock) {
    this.rules = List.copyOf(rules);
    this.clock = clock;
  }

  /**
   * Every rule a scan can report, in id order: the posture rules, {@code DEP-001}, the secret
   * rules and the engine's own.
   */
  public static List<RuleMetadata> catalog() {
    List<RuleMetadata> all = new ArrayList<>(RuleCatalog.builtin());
    all.add(VulnerabilityFindings.RULE);
    all.addAll(SecretRules.metadata());
    all.addAll(EngineRules.all());
    all.sort(java.util.Comparator.comparing(RuleMetadata::id));
    return List.copyOf(all);
  }

  /** Metadata of the rules a request would run, in id order. */
  public List<RuleMetadata> selectedRules(ScanRequest request) {
    return select(request).stream().map(RuleCatalog::metadata).toList();
  }

  public Report scan(ScanRequest request) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    List<Rule> selected = select(request);
    Set<String> baseline =
        request.baseline() == null ? Set.of() : Baseline.read(request.baseline());
    RuleRunner runner = new RuleRunner(selected, request.settings());
    IacOptions options = new IacOptions(request.parameters(), request.limits());

    InputFinder finder = new InputFinder(request.includeDirs(), request.workingDirectory());
    List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    List<RuleMetadata> secretRules = selectedSecretRules(request);
    boolean deps = request.dependencies() && dependencyRuleSelected(request);
    SupplyChain supplyChain = null;
    if (deps || !secretRules.isEmpty()) {
      SecretScanner secretScanner = secretRules.isEmpty() ? null
          : SecretScanner.builder().rules(secretRules.stream().map(RuleMetadata::id).toList())
              .clock(clock).build();
      supplyChain = new SupplyChain(InventoryReader.withDefaults(), secretScanner, deps,
          memoize(() -> databases(request, notes)), finder::display);
    }
    InputFinder.Found found = finder.find(request.paths());
    List<ScanError> errors = new ArrayList<>(found.errors());
    List<FileResult> results =
        loadAndCheck(found.candidates(), runner, options, request.threads(), supplyChain);

    List<Finding> raw = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    Map<String, Path> paths = new HashMap<>();
    Map<String, Map<String, List<Ignore>>> ignores = new HashMap<>();
    for (FileResult r : results) {
      errors.addAll(r.errors);
      if (r.recognised) {
        scanned.add(r.candidate.display());
        paths.put(r.candidate.display(), r.candidate.path());
      }
      if (!r.ignores.isEmpty()) {
        ignores.put(r.candidate.display(), r.ignores);
      }
      raw.addAll(r.findings);
    }

    List<RuleMetadata> ruleMeta = new ArrayList<>(runner.metadata());
    if (deps) {
      ruleMeta.add(VulnerabilityFindings.RULE);
    }
    ruleMeta.addAll(secretRules);
    ruleMeta.addAll(EngineRules.all());

    // every pillar's findings answer to Metadata and inline suppressions and to the baseline
    InlineDirectives inline = new InlineDirectives(paths, request.workingDirectory(), request.limits().maxFileBytes());
    List<Finding> findings = suppress(raw, ignores, inline, ruleMeta, baseline);
    findings.removeIf(f -> !f.severity().isAtLeast(request.minSeverity()));
    Collections.sort(scanned);
    return new Report(
        Version.tool(),
        started,
        Duration.ofNanos(System.nanoTime() - t0),
        findings,
        errors,
        scanned,
        ruleMeta,
        notes);
  }

  // ------------------------------------------------------------------ supply chain

  private static List<RuleMetadata> selectedSecretRules(ScanRequest request) {
    if (!request.secrets()) {
      return List.of();
    }
    List<RuleMetadata> out = new ArrayList<>();
    for (RuleMetadata m : SecretRules.metadata()) {
      if (wanted(request, m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean dependencyRuleSelected(ScanRequest request) {
    return wanted(request, VulnerabilityFindings.RULE);
  }

  private static boolean wanted(ScanRequest request, RuleMetadata m) {
    boolean wanted = request.onlyRules().isEmpty()
        ? (m.enabledByDefault() || request.allRules())
        : request.onlyRules().stream().anyMatch(p -> matches(p, m));
    return wanted && request.skipRules().stream().noneMatch(p -> matches(p, m));
  }

  private List<VulnerabilityDatabase> databases(ScanRequest request, List<String> notes) {
    return AdvisorySources.load(request.advisoryFolders(), request.advisoryCache(),
        request.paths(), request.workingDirectory(), clock, notes);
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private @Nullable T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  // ------------------------------------------------------------------ rule selection

  private List<Rule> select(ScanRequest request) {
    List<RuleMetadata> all = rules.stream().map(RuleCatalog::metadata).toList();
    for (String wanted : request.onlyRules()) {
      requireKnown(wanted, all);
    }
    for (String skipped : request.skipRules()) {
      requireKnown(skipped, all);
    }
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleMetadata m = all.get(i);
      boolean wanted =
          request.onlyRules().isEmpty()
              ? (m.enabledByDefault() || request.allRules())
              : request.onlyRules().stream().anyMatch(p -> matches(p, m));
      boolean skipped = request.skipRules().stream().anyMatch(p -> matches(p, m));
      if (wanted && !skipped) {
        out.add(rules.get(i));
      }
    }
    return out;
  }

  private static void requireKnown(String pattern, List<RuleMetadata> all) {
    if (all.stream().noneMatch(m -> matches(pattern, m))
        && EngineRules.all().stream().noneMatch(m -> matches(pattern, m))
        && SecretRules.metadata().stream().noneMatch(m -> matches(pattern, m))
        && !matches(pattern, VulnerabilityFindings.RULE)) {
      throw new IllegalArgumentException(
          "unknown rule '" + pattern + "' (see 'bulwark rules' for the list)");
    }
  }

  /** An id, an alias, or a prefix glob such as {@code IAM-*}, case-insensitive. */
  static boolean matches(String pattern, RuleMetadata m) {
    String p = pattern.trim().toUpperCase(Locale.ROOT);
    if (p.endsWith("*")) {
      String prefix = p.substring(0, p.length() - 1);
      return m.id().startsWith(prefix) || m.aliases().stream().anyMatch(a -> a.startsWith(prefix));
    }
    return m.answersTo(p);
  }

  // ------------------------------------------------------------------ loading

  private static final class FileResult {
    final InputFinder.Candidate candidate;
    boolean recognised;
    // the model's suppressions (Metadata ignores) by resource id; the model itself is not kept,
    // so a large scan holds findings, not every template's model
    final Map<String, List<Ignore>> ignores = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<ScanError> errors = new ArrayList<>();

    FileResult(InputFinder.Candidate candidate) {
      this.candidate = candidate;
    }
  }

  private static List<FileResult> loadAndCheck(
      List<InputFinder.Candidate> candidates, RuleRunner runner, IacOptions options, int threads,
      @Nullable SupplyChain supplyChain) {
    if (threads == 1 || candidates.size() < 2) {
      List<FileResult> out = new ArrayList<>();
      for (InputFinder.Candidate c : candidates) {
        out.add(process(c, runner, options, supplyChain));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, candidates.size()), r -> {
      Thread t = new Thread(r, "bulwark-scan");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FileResult>> futures = new ArrayList<>();
      for (InputFinder.Candidate c : candidates) {
        futures.add(pool.submit(() -> process(c, runner, options, supplyChain)));
      }
      List<FileResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          FileResult failed = new FileResult(candidates.get(i));
          failed.errors.add(new ScanError(candidates.get(i).display(), 0,
              ScanError.Kind.INTERNAL, "unexpected failure: " + e.getCause()));
          out.add(failed);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("scan interrupted", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static FileResult process(
      InputFinder.Candidate c, RuleRunner runner, IacOptions options,
      @Nullable SupplyChain supplyChain) {
    FileResult r = new FileResult(c);
    byte[] head;
    try (InputStream in = Files.newInputStream(c.path())) {
      head = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      r.errors.add(new ScanError(c.display(), 0, ScanError.Kind.IO, InputFinder.describe(e)));
      return r;
    }
    Optional<IacAdapter> adapter = Adapters.forFile(c.path(), head);
    if (adapter.isEmpty()) {
      if (c.explicit()) {
        r.errors.add(new ScanError(c.display(), 0, ScanError.Kind.INVALID,
            "not a recognised template (no AWSTemplateFormatVersion, no SAM Transform, and no"
                + " Resources with AWS:: types)"));
      }
      return r;
    }
    r.recognised = true;
    LoadResult loaded;
    try {
      loaded = adapter.get().load(c.path(), c.display(), options);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      r.errors.add(new ScanError(c.display(), 0, ScanError.Kind.INTERNAL,
          adapter.get().name() + " adapter failed: " + e));
      return r;
    }
    r.errors.addAll(loaded.errors());
    if (loaded.model() != null) {
      for (Resource res : loaded.model().resources()) {
        if (!res.meta().ignores().isEmpty()) {
          r.ignores.put(res.id(), res.meta().ignores());
        }
      }
      RuleRunner.Result checked = runner.run(loaded.model());
      r.findings.addAll(checked.findings());
      r.errors.addAll(checked.errors());
      if (supplyChain != null) {
        SupplyChain.Result sc =
            supplyChain.run(loaded.model(), c.path(), c.display(), checked.findings());
        r.findings.addAll(sc.findings());
        r.errors.addAll(sc.errors());
      }
    }
    return r;
  }

  // ------------------------------------------------------------------ suppressions

  private static List<Finding> suppress(
      List<Finding> raw,
      Map<String, Map<String, List<Ignore>>> ignores,
      InlineDirectives inline,
      List<RuleMetadata> ruleMeta,
      Set<String> baseline) {
    Map<String, RuleMetadata> byId = new LinkedHashMap<>();
    ruleMeta.forEach(m -> byId.put(m.id(), m));
    List<Finding> out = new ArrayList<>();
    Set<SourceLocation> reasonless = new HashSet<>();
    Set<String> filesWithFindings = new HashSet<>();
    for (Finding f : raw) {
      RuleMetadata meta = byId.get(f.ruleId());
      Suppression s = null;
      // 1. metadata on the resource
      Map<String, List<Ignore>> fileIgnores = ignores.get(f.location().file());
      if (fileIgnores != null && f.resource() != null && meta != null) {
        List<Ignore> resourceIgnores = fileIgnores.get(f.resource().id());
        if (resourceIgnores != null) {
          for (Ignore ig : resourceIgnores) {
            if (!meta.answersTo(ig.ruleId())) {
              continue;
            }
            if (ig.reason() == null || ig.reason().isBlank()) {
              reasonless.add(ig.location());
            } else if (s == null) {
              s = new Suppression(Suppression.Kind.METADATA, ig.reason(), ig.location());
            }
          }
        }
      }
      // 2. inline comments
      if (s == null && meta != null && f.location().hasLine()) {
        filesWithFindings.add(f.location().file());
        for (InlineDirectives.Directive d : inline.at(f.location().file(), f.location().startLine())) {
          boolean names = d.ruleIds().stream().anyMatch(meta::answersTo);
          if (!names) {
            continue;
          }
          if (d.reason().isBlank()) {
            reasonless.add(d.location());
          } else if (s == null) {
            s = new Suppression(Suppression.Kind.INLINE, d.reason(), d.location());
          }
        }
      }
      // 3. baseline
      if (s == null && !baseline.isEmpty() && baseline.contains(f.fingerprint())) {
        s = new Suppression(Suppression.Kind.BASELINE, "in the baseline", null);
      }
      out.add(s == null ? f : f.withSuppression(s));
    }
    for (String file : filesWithFindings) {
      for (InlineDirectives.Directive d : inline.all(file)) {
        if (d.reason().isBlank()) {
          reasonless.add(d.location());
        }
      }
    }
    for (SourceLocation at : reasonless) {
      Finding meta =
          Finding.builder(EngineRules.SUPPRESSION_WITHOUT_REASON)
              .message("Suppression at " + at + " gives no reason, so it suppresses nothing")
              .resource(at.file(), "file")
              .location(at)
              .key(Integer.toString(at.startLine()))
              .build();
      out.add(baseline.contains(meta.fingerprint())
          ? meta.withSuppression(new Suppression(Suppression.Kind.BASELINE, "in the baseline", null))
          : meta);
    }
    return out;
  }
}
