package dev.bulwark.engine.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Inventory;
import dev.bulwark.deps.InventoryReader;
import dev.bulwark.deps.Match;
import dev.bulwark.deps.MatchResult;
import dev.bulwark.deps.Matcher;
import dev.bulwark.deps.VulnerabilityDatabase;
import dev.bulwark.deps.VulnerabilityFindings;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.Layer;
import dev.bulwark.model.Parameter;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Resource;
import dev.bulwark.secrets.SecretScanResult;
import dev.bulwark.secrets.SecretScanner;
import dev.bulwark.secrets.TextInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The dependency and secret pillars for one scan: for every function of a model, what its local
 * code and layers ship (read once per folder or archive, shared between functions and
 * templates), which of those packages have known vulnerabilities, and which secrets are
 * hard-coded in its code or in the template. Findings name the functions that ship what they are
 * about; a high or critical vulnerability in a function reachable from the internet without
 * authentication is raised to the top with that reason.
 */
public final class SupplyChain {

  /** What a code path (folder or archive) holds. */
  public record CodeScan(Inventory inventory, @Nullable SecretScanResult secrets) {}

  /** The findings and errors of one model, and the inventory of each function. */
  public record Result(
      List<Finding> findings, List<ScanError> errors, Map<String, Inventory> functionInventories) {}

  private final InventoryReader reader;
  private final @Nullable SecretScanner secrets;
  private final boolean dependencies;
  private final Supplier<List<VulnerabilityDatabase>> databases;
  private final java.util.function.Function<Path, String> display;
  private final Map<Path, CodeScan> scans = new ConcurrentHashMap<>();

  /**
   * @param secrets the secret scanner, or null when the secrets pillar is off
   * @param dependencies whether to read and match dependencies
   * @param databases advisory databases, loaded on first use (empty: not matched)
   * @param display how a path is shown
   */
  public SupplyChain(
      InventoryReader reader,
      @Nullable SecretScanner secrets,
      boolean dependencies,
      Supplier<List<VulnerabilityDatabase>> databases,
      java.util.function.Function<Path, String> display) {
    this.reader = reader;
    this.secrets = secrets;
    this.dependencies = dependencies;
    this.databases = databases;
    this.display = display;
  }

  /** Every code path scanned so far, with what it holds. */
  public Map<Path, CodeScan> scanned() {
    return Map.copyOf(scans);
  }

  /**
   * Runs both pillars for one template.
   *
   * @param posture the posture findings of the model (a secret LAMBDA-011 reports in an
   *     environment variable is not reported a second time)
   */
  public Result run(CloudModel model, Path template, String templateDisplay, List<Finding> posture) {
    List<Finding> findings = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    Path base = template.toAbsolutePath().getParent();

    // which functions ship which code paths (their own code and their layers' content)
    Map<Path, Set<String>> shippedBy = new LinkedHashMap<>();
    Map<String, List<Path>> pathsOf = new LinkedHashMap<>();
    for (Function fn : model.functions()) {
      List<Path> paths = new ArrayList<>();
      localPath(base, fn.code()).ifPresent(paths::add);
      for (var layerRef : fn.layers()) {
        layerRef.value().flatMap(Ref::resourceId).flatMap(id -> model.resource(id, Layer.class))
            .flatMap(l -> localPath(base, l.content())).ifPresent(paths::add);
      }
      pathsOf.put(fn.id(), paths);
      for (Path p : paths) {
        shippedBy.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(fn.id());
      }
    }

    // read each path once (also across templates of the same scan)
    Map<String, Inventory> inventories = new LinkedHashMap<>();
    for (Map.Entry<Path, Set<String>> e : shippedBy.entrySet()) {
      boolean first = !scans.containsKey(e.getKey());
      CodeScan scan = scans.computeIfAbsent(e.getKey(), this::scan);
      if (first) {
        errors.addAll(scan.inventory().errors());
        if (scan.secrets() != null) {
          errors.addAll(scan.secrets().errors());
          for (Finding f : scan.secrets().findings()) {
            findings.add(shippedBy(f, List.copyOf(e.getValue())));
          }
        }
      }
    }
    for (Map.Entry<String, List<Path>> e : pathsOf.entrySet()) {
      List<Inventory> parts = new ArrayList<>();
      for (Path p : e.getValue()) {
        parts.add(scans.get(p).inventory());
      }
      inventories.put(e.getKey(), parts.isEmpty() ? Inventory.empty() : Inventory.merge(parts));
    }

    if (dependencies) {
      findings.addAll(vulnerabilities(model, inventories));
    }
    if (secrets != null && Files.isRegularFile(template)) {
      findings.addAll(templateSecrets(model, template, templateDisplay, posture, errors));
    }
    return new Result(findings, errors, inventories);
  }

  private CodeScan scan(Path path) {
    String shown = display.apply(path);
    Inventory inventory = dependencies ? reader.read(path, shown) : Inventory.empty();
    SecretScanResult found = secrets == null ? null : secrets.scanPath(path, shown);
    return new CodeScan(inventory, found);
  }

  private static Optional<Path> localPath(Path base, Function.Code code) {
    if (code.kind() != Function.Code.Kind.LOCAL) {
      return Optional.empty();
    }
    return code.location().value().map(loc -> base.resolve(loc).normalize())
        .filter(Files::exists)
        .map(p -> {
          try {
            return p.toRealPath();
          } catch (java.io.IOException e) {
            return p.toAbsolutePath();
          }
        });
  }

  // ------------------------------------------------------------------ vulnerabilities

  private List<Finding> vulnerabilities(CloudModel model, Map<String, Inventory> inventories) {
    Map<String, Component> components = new LinkedHashMap<>();
    Map<String, Set<String>> functionsOf = new LinkedHashMap<>();
    for (Map.Entry<String, Inventory> e : inventories.entrySet()) {
      for (Component c : e.getValue().components()) {
        String key = c.source().file() + "\u0000" + c.key();
        components.putIfAbsent(key, c);
        functionsOf.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.getKey());
      }
    }
    if (components.isEmpty()) {
      return List.of();
    }
    List<VulnerabilityDatabase> dbs = databases.get();
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<Component, String> keys = new LinkedHashMap<>();
    components.forEach((k, c) -> keys.put(c, k));
    for (VulnerabilityDatabase db : dbs) {
      MatchResult result = new Matcher(db).match(components.values());
      for (Match m : result.matches()) {
        String key = keys.get(m.component());
        if (key == null || !seen.add(key + "\u0000" + m.primaryId())) {
          continue;
        }
        List<String> functions = List.copyOf(functionsOf.getOrDefault(key, Set.of()));
        Finding f = VulnerabilityFindings.toFinding(m, functions);
        Optional<String> exposure = exposure(model, functions);
        out.add(exposure.isPresent() ? VulnerabilityFindings.prioritise(f, exposure.get()) : f);
      }
    }
    return out;
  }

  private static Optional<String> exposure(CloudModel model, List<String> functions) {
    for (String id : functions) {
      Optional<Function> fn = model.resource(id, Function.class);
      if (fn.isEmpty()) {
        continue;
      }
      List<Exposure.Path> paths = Exposure.unauthenticatedPaths(model, fn.get());
      if (!paths.isEmpty()) {
        return Optional.of("function " + id + " is reachable without authentication via "
            + paths.get(0).description());
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ secrets

  private List<Finding> templateSecrets(CloudModel model, Path template, String templateDisplay,
      List<Finding> posture, List<ScanError> errors) {
    SecretScanResult result = secrets.scanPath(template, templateDisplay);
    errors.addAll(result.errors());
    Set<Integer> envSecretLines = new HashSet<>();
    for (Finding f : posture) {
      if (f.ruleId().equals("LAMBDA-011")) {
        envSecretLines.add(f.location().startLine());
      }
    }
    List<Finding> candidates = new ArrayList<>(result.findings());
    // parameter defaults, judged with the parameter's name (the text scan cannot see it)
    for (Parameter p : model.parameters()) {
      if (p.defaultValue().isPresent() && p.defaultValue().value().isPresent()) {
        SourceLocation at = p.defaultValue().location();
        SecretScanResult r = secrets.scan(TextInput.value(templateDisplay, at.startLine(),
            p.name(), p.defaultValue().get()));
        for (Finding f : r.findings()) {
          candidates.add(f.resource() == null
              ? with(f, new ResourceRef(p.name(), "parameter"), f.properties()) : f);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Finding f : candidates) {
      if (envSecretLines.contains(f.location().startLine())) {
        continue; // LAMBDA-011 already reports this environment variable
      }
      if (!seen.add(f.location().startLine() + "\u0000" + f.key())) {
        continue;
      }
      Optional<Resource> owner = owner(model, f.location());
      out.add(owner.isPresent() && f.resource() == null
          ? with(f, owner.get().meta().ref(), f.properties())
          : f);
    }
    return out;
  }

  /** The smallest resource whose span holds the line. */
  private static Optional<Resource> owner(CloudModel model, SourceLocation at) {
    Resource best = null;
    for (Resource r : model.resources()) {
      SourceLocation l = r.location();
      if (r.meta().generatedFrom() == null && l.file().equals(at.file())
          && l.startLine() <= at.startLine() && at.startLine() <= l.endLine()
          && (best == null || l.endLine() - l.startLine()
              < best.location().endLine() - best.location().startLine())) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Finding shippedBy(Finding f, List<String> functions) {
    Map<String, String> props = new LinkedHashMap<>(f.properties());
    props.put("functions", String.join(",", functions));
    Finding g = with(f, f.resource(), props);
    return new Finding(g.ruleId(), g.severity(), g.title(),
        g.message() + "; shipped by " + String.join(", ", functions), g.resource(), g.location(),
        g.remediation(), g.suppression(), g.key(), g.properties());
  }

  private static Finding with(Finding f, @Nullable ResourceRef resource, Map<String, String> props) {
    return new Finding(f.ruleId(), f.severity(), f.title(), f.message(), resource, f.location(),
        f.remediation(), f.suppression(), f.key(), props);
  }
}
