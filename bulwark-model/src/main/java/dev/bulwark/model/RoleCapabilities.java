package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a role can do, from every policy that applies to it ({@link CloudModel#policiesOf(Role)}):
 * admin, data writes, privilege escalation, writes on every resource.
 *
 * <p>Two views:
 *
 * <ul>
 *   <li><b>as written</b> — {@link #grants()}, {@link #writesOnAllResources()}: every definite
 *       {@code Allow} of the role's policies, whatever else applies;
 *   <li><b>effective</b> — {@link #admin()}, {@link #escalations()}, {@link #dataWrites()},
 *       {@link #mostDangerous()}: an action counts only when no unconditional {@code Deny} on every
 *       resource removes it and the role's permissions boundary allows it. A boundary that cannot
 *       be resolved (a parameter, a customer-managed ARN) may allow nothing, so it leaves no
 *       effective capability: nothing is concluded from an unknown.
 * </ul>
 *
 * Only statements that certainly apply and certainly {@code Allow} count; unknown actions and
 * resources are ignored.
 *
 * <pre>{@code
 * RoleCapabilities caps = RoleCapabilities.of(model, role);
 * caps.mostDangerous().ifPresent(d -> System.out.println("role " + role.id() + " " + d.phrase()));
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

    public Grant {
      resources = List.copyOf(resources);
    }

    /** The statement's line, or the policy's when the statement has none (managed summaries). */
    public SourceLocation location() {
      return statement.location().hasLine() ? statement.location() : policy.location();
    }

    /** True when some resource is exactly {@code *}. */
    public boolean onAllResources() {
      return resources.contains("*");
    }

    /**
     * True when some resource designates every resource of its kind ({@code *}, {@code
     * arn:aws:s3:::*}, {@code …:table/*}); see {@link IamActions#isBroadResource}.
     */
    public boolean onBroadResources() {
      for (int i = 0; i < resources.size(); i++) {
        if (IamActions.isBroadResource(resources.get(i))) {
          return true;
        }
      }
      return false;
    }

    /** True for a {@code NotAction} grant: every action but the listed ones. */
    public boolean isNotAction() {
      return statement.notAction();
    }

    /** True when the policy is written in the source (inline or a policy resource of the model). */
    public boolean writtenInSource() {
      return policy.source() instanceof Policy.Inline || policy.source() instanceof Policy.Attached;
    }

    /**
     * {@code s3:* on * (policy AmazonS3FullAccess)}; NotAction grants read {@code every action
     * except iam:* on * (policy …)}.
     */
    public String describe() {
      String what = action;
      if (isNotAction()) {
        List<String> excluded = new ArrayList<>();
        statement.actions().forEach(a -> excluded.add(a.shape()));
        what = "every action except " + String.join(", ", excluded);
      }
      return what + " on " + String.join(", ", resources) + " (policy " + policy.name() + ")";
    }

    /** True when this grant allows the concrete action (on some resource). */
    public boolean allows(String concreteAction) {
      if (statement.notAction()) {
        return statement.actions().stream()
            .noneMatch(a -> a.mayBe(p -> IamActions.matches(p, concreteAction)));
      }
      return IamActions.matches(action, concreteAction);
    }
  }

  /** How a permissions boundary limits the role. */
  public enum Boundary {
    /** No boundary: the policies alone decide. */
    NONE,
    /** A boundary whose document is known (a policy of the model or a known managed policy). */
    KNOWN,
    /** A boundary that cannot be resolved: no effective capability is concluded. */
    UNKNOWN
  }

  /** Kinds of dangerous capability, most dangerous first. */
  public enum Level {
    /** Every action on every resource. */
    ADMIN,
    /** Can raise its own privileges. */
    ESCALATION,
    /** Can write or delete data in every resource of a data service. */
    BROAD_DATA_WRITE
  }

  /**
   * A dangerous capability, for messages.
   *
   * @param level what kind
   * @param phrase {@code can write data (dynamodb:* on * (policy Crud))}
   * @param grant the grant that gives it
   */
  public record Danger(Level level, String phrase, Grant grant) {}

  /**
   * A way to escalate privileges.
   *
   * @param action the escalating action ({@code iam:PutRolePolicy}, {@code iam:PassRole})
   * @param grant the grant that allows it
   * @param companion for {@code iam:PassRole}, the grant that runs code under the passed role
   */
  public record Escalation(String action, Grant grant, @Nullable Grant companion) {

    /** {@code iam:PassRole with lambda:CreateFunction (iam:PassRole on * (policy P))}. */
    public String describe() {
      String head = companion == null ? action : action + " with " + companionAction(companion);
      return head + " (" + grant.describe() + ")";
    }

    private static String companionAction(Grant g) {
      for (String a : IamActions.PASS_ROLE_COMPANIONS) {
        if (g.allows(a)) {
          return a;
        }
      }
      return g.action();
    }
  }

  private static final Map<String, List<String>> DATA_WRITES_BY_SERVICE =
      IamActions.byService(IamActions.DATA_WRITE_ACTIONS);
  private static final Map<String, List<String>> ESCALATIONS_BY_SERVICE =
      IamActions.byService(IamActions.ESCALATION_ACTIONS);
  private static final Map<String, List<String>> COMPANIONS_BY_SERVICE =
      IamActions.byService(IamActions.PASS_ROLE_COMPANIONS);

  /**
   * The concrete actions of {@code actions} a grant could allow: those of the grant's service
   * when its action pattern names one literally ({@code dynamodb:Get*}), every one otherwise
   * ({@code *}, {@code dynamo*:*}, NotAction). Keeps the per-grant checks to the few actions that
   * can match.
   */
  private static List<String> candidates(Grant g, Map<String, List<String>> byService, List<String> all) {
    if (g.isNotAction()) {
      return all;
    }
    String service = IamActions.literalService(g.action());
    if (service == null) {
      return all;
    }
    return byService.getOrDefault(service, List.of());
  }

  private final Role role;
  private final List<Grant> grants;
  private final List<Statement> denies;
  private final Boundary boundary;
  private final @Nullable PolicyDocument boundaryDocument;
  private final boolean complete;
  // memoized analyses: the role and its policies are immutable
  private volatile @Nullable List<Grant> dataWrites;
  private volatile @Nullable List<Escalation> escalationPaths;
  private volatile @Nullable Optional<Grant> admin;
  private volatile @Nullable Optional<Grant> nearAdmin;

  private RoleCapabilities(
      Role role,
      List<Grant> grants,
      List<Statement> denies,
      Boundary boundary,
      @Nullable PolicyDocument boundaryDocument,
      boolean complete) {
    this.role = role;
    this.grants = List.copyOf(grants);
    this.denies = List.copyOf(denies);
    this.boundary = boundary;
    this.boundaryDocument = boundaryDocument;
    this.complete = complete;
  }

  /** What a role of the model can do; analysed once per role and model. */
  public static RoleCapabilities of(CloudModel model, Role role) {
    return model.capabilities(role);
  }

  static RoleCapabilities analyse(CloudModel model, Role role) {
    List<Grant> grants = new ArrayList<>();
    List<Statement> denies = new ArrayList<>();
    boolean complete = true;
    for (Policy policy : model.policiesOf(role)) {
      PolicyDocument doc = policy.document();
      complete &= doc.complete() && doc.statements().size() == doc.definiteStatements().size();
      if (policy.source() instanceof Policy.AwsManaged m && !m.known()) {
        complete = false;
      }
      for (Statement s : doc.definiteStatements()) {
        if (s.isDeny() && s.isUnconditional() && s.appliesToAllResources()) {
          denies.add(s);
        }
      }
      for (Statement s : doc.allows()) {
        for (Attr<String> a : s.actions()) {
          complete &= a.value().isPresent();
        }
        grants.addAll(grantsOf(policy, s));
      }
    }
    Attr<Ref> b = role.permissionsBoundary();
    Boundary state = Boundary.NONE;
    PolicyDocument boundaryDoc = null;
    if (!b.isAbsent()) {
      boundaryDoc = boundaryDocument(model, b).orElse(null);
      state = boundaryDoc == null ? Boundary.UNKNOWN : Boundary.KNOWN;
    }
    return new RoleCapabilities(role, grants, denies, state, boundaryDoc, complete);
  }

  private static List<Grant> grantsOf(Policy policy, Statement s) {
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
      return List.of(
          new Grant("NotAction[" + String.join(",", excluded) + "]", resources, policy, s));
    }
    List<Grant> out = new ArrayList<>();
    for (Attr<String> a : s.actions()) {
      List<String> on = resources;
      a.value().ifPresent(action -> out.add(new Grant(action, on, policy, s)));
    }
    return out;
  }

  private static Optional<PolicyDocument> boundaryDocument(CloudModel model, Attr<Ref> b) {
    Optional<Ref> ref = b.value();
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = ref.get().resourceId();
    if (id.isPresent()) {
      return model
          .resource(id.get(), IamPolicy.class)
          .flatMap(p -> p.document().value())
          .filter(PolicyDocument::complete);
    }
    return ref.get().literal().flatMap(arn -> AwsManagedPolicies.summary(arn));
  }

  public Role role() {
    return role;
  }

  /** Every definite Allow, one per action pattern, as written. */
  public List<Grant> grants() {
    return grants;
  }

  /** The permissions boundary's state. */
  public Boundary boundary() {
    return boundary;
  }

  /**
   * True when every policy of the role was resolved: no unknown managed policy, no unresolved
   * statement, action or document.
   */
  public boolean isComplete() {
    return complete;
  }

  /**
   * True when the action is not removed by an unconditional Deny on every resource and the
   * permissions boundary (if any) is known and allows it.
   */
  public boolean isEffective(String concreteAction) {
    for (Statement d : denies) {
      if (denies(d, concreteAction)) {
        return false;
      }
    }
    return switch (boundary) {
      case NONE -> true;
      case UNKNOWN -> false;
      case KNOWN -> boundaryAllows(concreteAction);
    };
  }

  private boolean boundaryAllows(String action) {
    PolicyDocument doc = boundaryDocument;
    if (doc == null) {
      return false;
    }
    for (Statement d : doc.definiteStatements()) {
      if (d.isDeny() && d.isUnconditional() && d.appliesToAllResources() && denies(d, action)) {
        return false;
      }
    }
    for (Statement s : doc.allows()) {
      if (s.notAction()
          ? s.actions().stream().allMatch(a -> a.is(p -> !IamActions.matches(p, action)))
          : s.actions().stream().anyMatch(a -> a.is(p -> IamActions.matches(p, action)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean denies(Statement d, String action) {
    if (d.notAction()) {
      return d.actions().stream().allMatch(a -> a.is(p -> !IamActions.matches(p, action)));
    }
    return d.actions().stream().anyMatch(a -> a.is(p -> IamActions.matches(p, action)));
  }

  private boolean effectivelyAllows(Grant g, String action) {
    return g.allows(action) && isEffective(action);
  }

  /**
   * An unconditional grant of every action on every resource, if nothing takes anything away
   * from it (no Deny on every resource; no boundary, or a known boundary that allows everything).
   */
  public Optional<Grant> admin() {
    Optional<Grant> cached = admin;
    if (cached == null) {
      cached = computeAdmin();
      admin = cached;
    }
    return cached;
  }

  private Optional<Grant> computeAdmin() {
    if (!denies.isEmpty() || boundary == Boundary.UNKNOWN) {
      return Optional.empty();
    }
    if (boundary == Boundary.KNOWN && !boundaryAllowsEverything()) {
      return Optional.empty();
    }
    for (Grant g : grants) {
      if (g.onAllResources() && !g.isNotAction() && IamActions.isAllActions(g.action())
          && g.statement().isUnconditional()) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private boolean boundaryAllowsEverything() {
    PolicyDocument doc = boundaryDocument;
    if (doc == null) {
      return false;
    }
    boolean all = false;
    for (Statement s : doc.definiteStatements()) {
      if (s.isDeny()) {
        return false;
      }
      all |= s.isAllow() && !s.notAction() && s.appliesToAllResources()
          && s.actions().stream().anyMatch(a -> a.is(IamActions::isAllActions));
    }
    return all;
  }

  public boolean isAdmin() {
    return admin().isPresent();
  }

  /**
   * An unconditional {@code NotAction} grant on every resource that leaves out at most five action
   * patterns ({@code PowerUserAccess}: everything but IAM, Organizations and Account), under the
   * same conditions as {@link #admin()}.
   */
  public Optional<Grant> nearAdmin() {
    Optional<Grant> cached = nearAdmin;
    if (cached == null) {
      cached = computeNearAdmin();
      nearAdmin = cached;
    }
    return cached;
  }

  private Optional<Grant> computeNearAdmin() {
    if (!denies.isEmpty() || boundary != Boundary.NONE) {
      return Optional.empty();
    }
    for (Grant g : grants) {
      if (g.isNotAction() && g.onAllResources() && g.statement().isUnconditional()
          && g.statement().actions().size() <= 5
          && g.statement().actions().stream().allMatch(Attr::isPresent)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /** Grants that effectively allow writing or deleting application data (S3, DynamoDB, …). */
  public List<Grant> dataWrites() {
    List<Grant> cached = dataWrites;
    if (cached == null) {
      cached = computeDataWrites();
      dataWrites = cached;
    }
    return cached;
  }

  private List<Grant> computeDataWrites() {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      List<String> candidates =
          candidates(g, DATA_WRITES_BY_SERVICE, IamActions.DATA_WRITE_ACTIONS);
      for (String a : candidates) {
        if (effectivelyAllows(g, a)) {
          out.add(g);
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  public boolean canWriteData() {
    return !dataWrites().isEmpty();
  }

  /**
   * Data writes on every resource of their kind ({@code *}, {@code arn:aws:s3:::*}, {@code
   * table/*}): writes the function's own resources do not need.
   */
  public List<Grant> broadDataWrites() {
    List<Grant> writes = dataWrites();
    if (writes.isEmpty()) {
      return writes;
    }
    return writes.stream().filter(Grant::onBroadResources).toList();
  }

  /**
   * Effective ways to escalate privileges: IAM policy, credential, boundary and trust changes (on
   * any resource); changing other functions' code, configuration or permissions, running commands
   * or assuming roles (on every resource); and {@code iam:PassRole} on every role together with an
   * action that runs code under the passed role.
   */
  public List<Escalation> escalationPaths() {
    List<Escalation> cached = escalationPaths;
    if (cached == null) {
      cached = computeEscalationPaths();
      escalationPaths = cached;
    }
    return cached;
  }

  private List<Escalation> computeEscalationPaths() {
    List<Escalation> out = new ArrayList<>();
    List<Grant> passRole = new ArrayList<>();
    Grant companion = null;
    for (Grant g : grants) {
      for (String action :
          candidates(g, ESCALATIONS_BY_SERVICE, IamActions.ESCALATION_ACTIONS)) {
        boolean needsAllResources = !action.startsWith("iam:");
        if (effectivelyAllows(g, action) && (!needsAllResources || g.onAllResources())) {
          out.add(new Escalation(action, g, null));
          break;
        }
      }
      if (effectivelyAllows(g, "iam:PassRole") && g.onBroadResources()) {
        passRole.add(g);
      }
      if (companion == null) {
        for (String a :
            candidates(g, COMPANIONS_BY_SERVICE, IamActions.PASS_ROLE_COMPANIONS)) {
          if (effectivelyAllows(g, a)) {
            companion = g;
            break;
          }
        }
      }
    }
    if (companion != null) {
      for (Grant g : passRole) {
        if (out.stream().noneMatch(e -> e.grant().equals(g))) {
          out.add(new Escalation("iam:PassRole", g, companion));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The grants of {@link #escalationPaths()}. */
  public List<Grant> escalations() {
    return escalationPaths().stream().map(Escalation::grant).distinct().toList();
  }

  public boolean canEscalate() {
    return !escalationPaths().isEmpty();
  }

  /**
   * Grants, as written, of write or permissions-management actions on {@code *}, except actions
   * that take no resource ARN ({@link IamActions#isStarOnly}).
   */
  public List<Grant> writesOnAllResources() {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      if (g.onAllResources()
          && (g.isNotAction()
              || IamActions.grantsWriteOrPermissions(g.action())
                  && !IamActions.isStarOnly(g.action()))) {
        out.add(g);
      }
    }
    return List.copyOf(out);
  }

  /**
   * True when the role certainly grants nothing but what every function needs: writing its logs,
   * traces and metrics and managing its VPC network interfaces.
   */
  public boolean isBaselineOnly() {
    if (!complete) {
      return false;
    }
    for (Grant g : grants) {
      if (g.isNotAction()) {
        return false;
      }
      if (!IamActions.isStarOnly(g.action())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The most dangerous effective capability: admin (or near admin), then escalation, then data
   * writes on every resource of their kind; empty when none.
   */
  public Optional<Danger> mostDangerous() {
    Optional<Grant> admin = admin().or(this::nearAdmin);
    if (admin.isPresent()) {
      return Optional.of(
          new Danger(Level.ADMIN, "is admin (" + admin.get().describe() + ")", admin.get()));
    }
    List<Escalation> esc = escalationPaths();
    if (!esc.isEmpty()) {
      return Optional.of(
          new Danger(
              Level.ESCALATION,
              "can escalate privileges (" + esc.get(0).describe() + ")",
              esc.get(0).grant()));
    }
    List<Grant> writes = broadDataWrites();
    if (!writes.isEmpty()) {
      return Optional.of(
          new Danger(
              Level.BROAD_DATA_WRITE,
              "can write data (" + writes.get(0).describe() + ")",
              writes.get(0)));
    }
    return Optional.empty();
  }

  /**
   * The most dangerous capability in one phrase, for messages of combination rules; empty when
   * none.
   */
  public Optional<String> worst() {
    return mostDangerous().map(Danger::phrase);
  }
}
