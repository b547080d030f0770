package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a role can do, from every policy that applies to it ({@link CloudModel#policiesOf(Role)}):
 * admin, data writes, privilege escalation, writes on every resource. Only statements that
 * certainly apply and certainly {@code Allow} count; unknown actions and resources are ignored, so
 * nothing here is concluded from an unknown.
 *
 * <pre>{@code
 * RoleCapabilities caps = RoleCapabilities.of(model, role);
 * if (caps.isAdmin()) { ... caps.admin().get().describe() ... }
 * }</pre>
 */
public final class RoleCapabilities {

  /**
   * One action (or action pattern) allowed on some resources.
   *
   * @param action the action pattern as written, or {@code NotAction[...]} for NotAction grants
   * @param resources the resource patterns (shapes), {@code NotResource[...]} when negated
   * @param policy the policy that grants it
   * @param statement the statement that grants it
   */
  public record Grant(String action, List<String> resources, Policy policy, Statement statement) {

    public SourceLocation location() {
      return statement.location().hasLine() ? statement.location() : policy.location();
    }

    public boolean onAllResources() {
      return resources.contains("*");
    }

    /** {@code s3:* on * (policy AmazonS3FullAccess)}. */
    public String describe() {
      return action + " on " + String.join(", ", resources) + " (policy " + policy.name() + ")";
    }

    /** True when this grant allows the concrete action. */
    public boolean allows(String concreteAction) {
      if (statement.notAction()) {
        return statement.actions().stream()
            .noneMatch(a -> a.is(p -> IamActions.matches(p, concreteAction)));
      }
      return IamActions.matches(action, concreteAction);
    }
  }

  private final Role role;
  private final List<Grant> grants;

  private RoleCapabilities(Role role, List<Grant> grants) {
    this.role = role;
    this.grants = List.copyOf(grants);
  }

  /** Analyses a role of the model. */
  public static RoleCapabilities of(CloudModel model, Role role) {
    List<Grant> grants = new ArrayList<>();
    for (Policy policy : model.policiesOf(role)) {
      for (Statement s : policy.document().allows()) {
        List<String> resources = new ArrayList<>();
        for (Attr<String> r : s.resources()) {
          resources.add(r.isPresent() && r.values().size() == 1 ? r.get() : r.shape());
        }
        if (s.notResource()) {
          resources = List.of("NotResource[" + String.join(",", resources) + "]");
        }
        if (s.notAction()) {
          List<String> excluded = new ArrayList<>();
          s.actions().forEach(a -> excluded.add(a.shape()));
          grants.add(
              new Grant("NotAction[" + String.join(",", excluded) + "]", resources, policy, s));
          continue;
        }
        List<String> on = List.copyOf(resources);
        for (Attr<String> a : s.actions()) {
          a.value().ifPresent(action -> grants.add(new Grant(action, on, policy, s)));
        }
      }
    }
    return new RoleCapabilities(role, grants);
  }

  public Role role() {
    return role;
  }

  /** Every definite Allow, one per action pattern. */
  public List<Grant> grants() {
    return grants;
  }

  /** A grant of every action on every resource, if any. */
  public Optional<Grant> admin() {
    for (Grant g : grants) {
      if (g.onAllResources() && !g.statement().notAction() && IamActions.isAllActions(g.action())) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  public boolean isAdmin() {
    return admin().isPresent();
  }

  /** Grants that allow writing or deleting application data (S3, DynamoDB, SQS, secrets, …). */
  public List<Grant> dataWrites() {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      if (IamActions.DATA_WRITE_ACTIONS.stream().anyMatch(g::allows)) {
        out.add(g);
      }
    }
    return out;
  }

  public boolean canWriteData() {
    return !dataWrites().isEmpty();
  }

  /**
   * Grants that allow privilege escalation: IAM policy, credential and trust changes; changing
   * other functions' code or permissions or assuming any role (on {@code *}); and {@code
   * iam:PassRole} together with an action that runs code under the passed role.
   */
  public List<Grant> escalations() {
    List<Grant> out = new ArrayList<>();
    List<Grant> passRole = new ArrayList<>();
    boolean companion = false;
    for (Grant g : grants) {
      for (String action : IamActions.ESCALATION_ACTIONS) {
        boolean needsAllResources = !action.startsWith("iam:");
        if (g.allows(action) && (!needsAllResources || g.onAllResources())) {
          out.add(g);
          break;
        }
      }
      if (g.allows("iam:PassRole")) {
        passRole.add(g);
      }
      if (IamActions.PASS_ROLE_COMPANIONS.stream().anyMatch(g::allows)) {
        companion = true;
      }
    }
    if (companion) {
      for (Grant g : passRole) {
        if (!out.contains(g)) {
          out.add(g);
        }
      }
    }
    return out;
  }

  public boolean canEscalate() {
    return !escalations().isEmpty();
  }

  /** Grants of write or permissions-management actions on {@code *}. */
  public List<Grant> writesOnAllResources() {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      if (g.onAllResources()
          && (g.statement().notAction() || IamActions.grantsWriteOrPermissions(g.action()))) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The most dangerous capability in one phrase, for messages of combination rules: admin, then
   * escalation, then data writes; empty when none.
   */
  public Optional<String> worst() {
    Optional<Grant> admin = admin();
    if (admin.isPresent()) {
      return Optional.of("is admin (" + admin.get().describe() + ")");
    }
    List<Grant> esc = escalations();
    if (!esc.isEmpty()) {
      return Optional.of("can escalate privileges (" + esc.get(0).describe() + ")");
    }
    List<Grant> writes = dataWrites();
    if (!writes.isEmpty()) {
      return Optional.of("can write data (" + writes.get(0).describe() + ")");
    }
    return Optional.empty();
  }
}
