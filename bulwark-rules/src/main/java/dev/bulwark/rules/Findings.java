package dev.bulwark.rules;

import dev.bulwark.core.Finding;
import dev.bulwark.core.RuleMetadata;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a rule reports. Bound to one rule and one model by the runner; the finding's rule id,
 * title, severity and remediation come from the rule's {@link RuleInfo}.
 *
 * <pre>{@code
 * findings.report(fn, fn.tracing(), "Function " + fn.id() + " has tracing " + fn.tracing().shape());
 * findings.on(role).at(grant.location()).key(grant.action()).severity(Severity.CRITICAL)
 *     .report("Role " + role.id() + " ...");
 * }</pre>
 */
public final class Findings {

  private final RuleMetadata rule;
  private final RuleSettings settings;
  private final List<Finding> out = new ArrayList<>();

  /** A collector for {@code rule}; used by the runner and by tests. */
  public Findings(RuleMetadata rule, RuleSettings settings) {
    this.rule = Objects.requireNonNull(rule);
    this.settings = Objects.requireNonNull(settings);
  }

  /** The user settings (as-of date, trusted accounts, owner tag key). */
  public RuleSettings settings() {
    return settings;
  }

  /** Reports on the resource as a whole (its span). */
  public void report(Resource resource, String message) {
    on(resource).report(message);
  }

  /** Reports on one attribute of the resource (its line, or the resource when defaulted). */
  public void report(Resource resource, Attr<?> value, String message) {
    on(resource).at(value).report(message);
  }

  /** Reports at an explicit location. */
  public void report(Resource resource, SourceLocation where, String message) {
    on(resource).at(where).report(message);
  }

  /** Starts a finding on a resource; finish it with {@link Report#report(String)}. */
  public Report on(Resource resource) {
    return new Report(resource);
  }

  /** What was reported so far, in order. */
  public List<Finding> results() {
    return List.copyOf(out);
  }

  /** A finding being described. */
  public final class Report {
    private final Resource resource;
    private SourceLocation where;
    private String key = "";
    private Severity severity;

    private Report(Resource resource) {
      this.resource = resource;
      this.where = resource.location();
      this.severity = rule.severity();
    }

    /**
     * Points at an attribute where it is written; defaulted and absent attributes (not written in
     * the source) point at the resource.
     */
    public Report at(Attr<?> value) {
      this.where =
          value.isExplicit() && value.location().hasLine() ? value.location() : resource.location();
      return this;
    }

    public Report at(SourceLocation location) {
      this.where = location.hasLine() ? location : resource.location();
      return this;
    }

    /** Distinguishes several findings of the rule on one resource (part of the fingerprint). */
    public Report key(String k) {
      this.key = k;
      return this;
    }

    /** Raises or lowers the severity for this finding (combination rules, context). */
    public Report severity(Severity s) {
      this.severity = s;
      return this;
    }

    public void report(String message) {
      out.add(
          Finding.builder(rule)
              .severity(severity)
              .message(message)
              .resource(resource.meta().ref())
              .location(where)
              .key(key)
              .build());
    }
  }
}
