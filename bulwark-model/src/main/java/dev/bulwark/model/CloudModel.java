package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One deployment unit (a CloudFormation/SAM template, a CDK stack, later a Terraform module or an
 * account region) as an immutable graph of {@link Resource}s with explicit relations.
 *
 * <p>Relation queries are indexed when the model is built, so every query is a map lookup.
 *
 * <pre>{@code
 * for (Function fn : model.functions()) {
 *   model.roleOf(fn).ifPresent(role -> ...);
 *   List<Route> routes = model.routesTo(fn);
 * }
 * }</pre>
 */
public final class CloudModel {

  private final String name;
  private final SourceLocation location;
  private final List<Resource> resources;
  private final Map<String, Resource> byId;
  private final Map<Class<?>, List<Resource>> byType;
  private final List<Parameter> parameters;

  // relation indices, keyed by function / role / api / resource id
  private final Map<String, List<Trigger>> triggersByFunction = new HashMap<>();
  private final Map<String, List<Permission>> permissionsByFunction = new HashMap<>();
  private final Map<String, List<FunctionUrl>> urlsByFunction = new HashMap<>();
  private final Map<String, List<Route>> routesByFunction = new HashMap<>();
  private final Map<String, List<AsyncInvokeConfig>> asyncByFunction = new HashMap<>();
  private final Map<String, List<Function>> functionsByRole = new HashMap<>();
  private final Map<String, List<IamPolicy>> policiesByRole = new HashMap<>();
  private final Map<String, List<Route>> routesByApi = new HashMap<>();
  private final Map<String, List<Stage>> stagesByApi = new HashMap<>();
  private final Map<String, List<Authorizer>> authorizersByApi = new HashMap<>();
  private final Map<String, List<UsagePlan>> usagePlansByApi = new HashMap<>();
  private final Map<String, List<ResourcePolicy>> policiesByTarget = new HashMap<>();
  private final Map<String, List<EventRule>> rulesByTarget = new HashMap<>();
  private final Map<String, List<LogGroup>> logGroupsByReference = new HashMap<>();
  private final Map<String, List<LogGroup>> logGroupsByName = new HashMap<>();
  private final Map<String, List<WebAclAssociation>> webAclsByReference = new HashMap<>();
  private final Set<String> deadLetterTargets = new HashSet<>();

  // derived per role, computed on first use: the model is immutable, so results never change
  private final Map<String, List<Policy>> policiesOfRole = new ConcurrentHashMap<>();
  private final Map<String, RoleCapabilities> capabilitiesOfRole = new ConcurrentHashMap<>();

  private CloudModel(String name, SourceLocation location, List<Resource> resources,
      List<Parameter> parameters) {
    this.name = name;
    this.parameters = List.copyOf(parameters);
    this.location = location;
    this.resources = List.copyOf(resources);
    Map<String, Resource> ids = new LinkedHashMap<>();
    Map<Class<?>, List<Resource>> types = new HashMap<>();
    for (Resource r : this.resources) {
      Resource previous = ids.putIfAbsent(r.id(), r);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate resource id '" + r.id() + "' in " + name + " (" + r.location() + ")");
      }
      types.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byType = types;
    index();
  }

  /** Starts a model; {@code name} is the source's display name (template path, stack name). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The source's display name (template path, stack name). */
  public String name() {
    return name;
  }

  /** The whole source (the template file), for findings about the model as a whole. */
  public SourceLocation location() {
    return location;
  }

  /** The source's deployment parameters, in source order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Every resource in source order. */
  public List<Resource> resources() {
    return resources;
  }

  public Optional<Resource> resource(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public <T extends Resource> Optional<T> resource(String id, Class<T> type) {
    Resource r = byId.get(id);
    return type.isInstance(r) ? Optional.of(type.cast(r)) : Optional.empty();
  }

  /** The resource a reference points at, when present, single, in the model and of that type. */
  public <T extends Resource> Optional<T> resolve(Attr<Ref> ref, Class<T> type) {
    return ref.value().flatMap(Ref::resourceId).flatMap(id -> resource(id, type));
  }

  /** Every resource of one type, in source order. */
  @SuppressWarnings("unchecked")
  public <T extends Resource> List<T> all(Class<T> type) {
    return (List<T>) (List<?>) byType.getOrDefault(type, List.of());
  }

  public List<Function> functions() {
    return all(Function.class);
  }

  public List<Role> roles() {
    return all(Role.class);
  }

  public List<IamPolicy> iamPolicies() {
    return all(IamPolicy.class);
  }

  public List<Permission> permissions() {
    return all(Permission.class);
  }

  public List<FunctionUrl> functionUrls() {
    return all(FunctionUrl.class);
  }

  public List<FunctionVersion> functionVersions() {
    return all(FunctionVersion.class);
  }

  public List<AsyncInvokeConfig> asyncInvokeConfigs() {
    return all(AsyncInvokeConfig.class);
  }

  public List<Trigger> triggers() {
    return all(Trigger.class);
  }

  public List<EventRule> eventRules() {
    return all(EventRule.class);
  }

  public List<Api> apis() {
    return all(Api.class);
  }

  public List<Stage> stages() {
    return all(Stage.class);
  }

  public List<Route> routes() {
    return all(Route.class);
  }

  public List<Authorizer> authorizers() {
    return all(Authorizer.class);
  }

  public List<RequestValidator> requestValidators() {
    return all(RequestValidator.class);
  }

  public List<UsagePlan> usagePlans() {
    return all(UsagePlan.class);
  }

  public List<DomainName> domainNames() {
    return all(DomainName.class);
  }

  public List<WebAclAssociation> webAclAssociations() {
    return all(WebAclAssociation.class);
  }

  public List<Queue> queues() {
    return all(Queue.class);
  }

  public List<Topic> topics() {
    return all(Topic.class);
  }

  public List<EventBus> eventBuses() {
    return all(EventBus.class);
  }

  public List<ResourcePolicy> resourcePolicies() {
    return all(ResourcePolicy.class);
  }

  public List<StateMachine> stateMachines() {
    return all(StateMachine.class);
  }

  public List<Bucket> buckets() {
    return all(Bucket.class);
  }

  public List<Key> keys() {
    return all(Key.class);
  }

  public List<Table> tables() {
    return all(Table.class);
  }

  public List<LogGroup> logGroups() {
    return all(LogGroup.class);
  }

  public List<Layer> layers() {
    return all(Layer.class);
  }

  // ---------------------------------------------------------------- relations

  /**
   * The function a reference designates: a function of the model, or an alias/version of one.
   * Empty for literal names/ARNs and unknown references.
   */
  public Optional<Function> function(Attr<Ref> ref) {
    Optional<String> id = ref.value().flatMap(Ref::resourceId);
    return id.flatMap(this::functionById);
  }

  private Optional<Function> functionById(String id) {
    Resource r = byId.get(id);
    if (r instanceof Function f) {
      return Optional.of(f);
    }
    if (r instanceof FunctionVersion v) {
      return v.function()
          .value()
          .flatMap(Ref::resourceId)
          .filter(target -> !target.equals(id))
          .flatMap(target -> resource(target, Function.class));
    }
    return Optional.empty();
  }

  /** The execution role of a function, when it is a role of the model. */
  public Optional<Role> roleOf(Function fn) {
    return resolve(fn.role(), Role.class);
  }

  /** Functions whose execution role is {@code role}. */
  public List<Function> functionsWithRole(Role role) {
    return functionsByRole.getOrDefault(role.id(), List.of());
  }

  /**
   * Every policy that applies to a role: its inline policies and expanded SAM templates, {@code
   * AWS::IAM::Policy}/{@code ManagedPolicy} resources attached to it, customer-managed policies of
   * the model it lists, and AWS-managed policies it lists (summarised when Bulwark knows them).
   */
  public List<Policy> policiesOf(Role role) {
    if (!isOwn(role)) {
      return computePoliciesOf(role);
    }
    return policiesOfRole.computeIfAbsent(role.id(), id -> computePoliciesOf(role));
  }

  /**
   * What a role of this model can do, analysed once per role ({@link RoleCapabilities#of} for a
   * role that is not part of the model).
   */
  RoleCapabilities capabilities(Role role) {
    // one look-up when already analysed (the usual case: every rule asks about every role); only
    // the model's own roles are kept, so the same role object means it is the model's
    RoleCapabilities known = capabilitiesOfRole.get(role.id());
    if (known != null && known.role() == role) {
      return known;
    }
    if (!isOwn(role)) {
      return RoleCapabilities.analyse(this, role);
    }
    return capabilitiesOfRole.computeIfAbsent(role.id(), id -> RoleCapabilities.analyse(this, role));
  }

  /** True when {@code role} is this model's own (its per-role results may be kept). */
  private boolean isOwn(Role role) {
    return byId.get(role.id()) == role;
  }

  private List<Policy> computePoliciesOf(Role role) {
    List<Policy> out = new ArrayList<>(role.policies());
    Set<String> seen = new HashSet<>();
    for (IamPolicy p : policiesByRole.getOrDefault(role.id(), List.of())) {
      seen.add(p.id());
      out.add(attached(p));
    }
    for (Attr<Ref> arn : role.managedPolicyArns()) {
      Optional<Ref> ref = arn.value();
      if (ref.isEmpty()) {
        continue;
      }
      Optional<String> id = ref.get().resourceId();
      if (id.isPresent()) {
        Optional<IamPolicy> managed = resource(id.get(), IamPolicy.class);
        if (managed.isPresent() && seen.add(managed.get().id())) {
          out.add(attached(managed.get()));
        }
        continue;
      }
      String literal = ref.get().literal().orElse("");
      Optional<PolicyDocument> summary = AwsManagedPolicies.summary(literal);
      out.add(
          new Policy(
              AwsManagedPolicies.nameOf(literal),
              summary.orElse(new PolicyDocument(List.of(), false, arn.location())),
              new Policy.AwsManaged(literal, summary.isPresent()),
              arn.location()));
    }
    return List.copyOf(out);
  }

  private static Policy attached(IamPolicy p) {
    PolicyDocument doc =
        p.document().value().orElse(new PolicyDocument(List.of(), false, p.location()));
    return new Policy(
        p.name().value().orElse(p.id()), doc, new Policy.Attached(p.id()), p.location());
  }

  public List<Trigger> triggersOf(Function fn) {
    return triggersByFunction.getOrDefault(fn.id(), List.of());
  }

  public List<Permission> permissionsOf(Function fn) {
    return permissionsByFunction.getOrDefault(fn.id(), List.of());
  }

  public List<FunctionUrl> urlsOf(Function fn) {
    return urlsByFunction.getOrDefault(fn.id(), List.of());
  }

  /** Routes whose integration invokes {@code fn}. */
  public List<Route> routesTo(Function fn) {
    return routesByFunction.getOrDefault(fn.id(), List.of());
  }

  public List<AsyncInvokeConfig> asyncConfigsOf(Function fn) {
    return asyncByFunction.getOrDefault(fn.id(), List.of());
  }

  /** EventBridge rules and schedules with a target that is {@code r} (or an alias of it). */
  public List<EventRule> rulesTargeting(Resource r) {
    return rulesByTarget.getOrDefault(r.id(), List.of());
  }

  public Optional<Api> apiOf(Route route) {
    return resolve(route.api(), Api.class);
  }

  public Optional<Api> apiOf(Stage stage) {
    return resolve(stage.api(), Api.class);
  }

  public List<Route> routesOf(Api api) {
    return routesByApi.getOrDefault(api.id(), List.of());
  }

  public List<Stage> stagesOf(Api api) {
    return stagesByApi.getOrDefault(api.id(), List.of());
  }

  public List<Authorizer> authorizersOf(Api api) {
    return authorizersByApi.getOrDefault(api.id(), List.of());
  }

  public Optional<Authorizer> authorizerOf(Route route) {
    return resolve(route.authorizer(), Authorizer.class);
  }

  public List<UsagePlan> usagePlansOf(Api api) {
    return usagePlansByApi.getOrDefault(api.id(), List.of());
  }

  /** Resource policies declared as separate resources that apply to {@code r}. */
  public List<ResourcePolicy> resourcePoliciesOf(Resource r) {
    return policiesByTarget.getOrDefault(r.id(), List.of());
  }

  /**
   * Log groups that belong to a function: named {@code /aws/lambda/<name>} (by reference or by
   * literal name), or the function's own {@code LoggingConfig.LogGroup}.
   */
  public List<LogGroup> logGroupsOf(Function fn) {
    List<LogGroup> out = new ArrayList<>();
    for (LogGroup g : logGroupsByReference.getOrDefault(fn.id(), List.of())) {
      if (g.name().shape().contains("/aws/lambda/") || g.name().references().size() == 1) {
        out.add(g);
      }
    }
    fn.name()
        .value()
        .ifPresent(n -> out.addAll(logGroupsByName.getOrDefault("/aws/lambda/" + n, List.of())));
    fn.logGroup()
        .value()
        .ifPresent(
            ref -> {
              ref.resourceId().flatMap(id -> resource(id, LogGroup.class)).ifPresent(out::add);
              ref.literal().ifPresent(n -> out.addAll(logGroupsByName.getOrDefault(n, List.of())));
            });
    return out.stream().distinct().toList();
  }

  /** WAF web ACL associations whose resource ARN designates {@code stage}. */
  public List<WebAclAssociation> webAclsOf(Stage stage) {
    List<WebAclAssociation> out = new ArrayList<>();
    Optional<String> apiId = stage.api().value().flatMap(Ref::resourceId);
    String stageName = stage.name().value().orElse(null);
    Set<WebAclAssociation> candidates = new LinkedHashSet<>(webAclsByReference.getOrDefault(stage.id(), List.of()));
    apiId.ifPresent(id -> candidates.addAll(webAclsByReference.getOrDefault(id, List.of())));
    for (WebAclAssociation a : candidates) {
      List<String> refs = a.resourceArn().references();
      String shape = a.resourceArn().shape();
      boolean byStageRef = refs.contains(stage.id());
      boolean byApiAndName =
          apiId.isPresent()
              && refs.contains(apiId.get())
              && stageName != null
              && shape.endsWith("/stages/" + stageName);
      if (byStageRef || byApiAndName) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * True when some queue redrive policy, function DLQ, async on-failure destination, event source
   * mapping destination or EventBridge target DLQ points at {@code r}.
   */
  public boolean isDeadLetterTarget(Resource r) {
    return deadLetterTargets.contains(r.id());
  }

  // ---------------------------------------------------------------- indexing

  private void index() {
    for (Function fn : functions()) {
      fn.role().value().flatMap(Ref::resourceId).ifPresent(id -> add(functionsByRole, id, fn));
      markDeadLetter(fn.deadLetterTarget());
    }
    for (Trigger t : triggers()) {
      function(t.function()).ifPresent(f -> add(triggersByFunction, f.id(), t));
      markDeadLetter(t.onFailure());
    }
    for (Permission p : permissions()) {
      function(p.function()).ifPresent(f -> add(permissionsByFunction, f.id(), p));
    }
    for (FunctionUrl u : functionUrls()) {
      function(u.function()).ifPresent(f -> add(urlsByFunction, f.id(), u));
    }
    for (AsyncInvokeConfig c : asyncInvokeConfigs()) {
      function(c.function()).ifPresent(f -> add(asyncByFunction, f.id(), c));
      markDeadLetter(c.onFailure());
    }
    for (Route r : routes()) {
      function(r.integrationFunction()).ifPresent(f -> add(routesByFunction, f.id(), r));
      r.api().value().flatMap(Ref::resourceId).ifPresent(id -> add(routesByApi, id, r));
    }
    for (Stage s : stages()) {
      s.api().value().flatMap(Ref::resourceId).ifPresent(id -> add(stagesByApi, id, s));
    }
    for (Authorizer a : authorizers()) {
      a.api().value().flatMap(Ref::resourceId).ifPresent(id -> add(authorizersByApi, id, a));
    }
    for (UsagePlan u : usagePlans()) {
      for (Attr<Ref> api : u.apis()) {
        api.value().flatMap(Ref::resourceId).ifPresent(id -> add(usagePlansByApi, id, u));
      }
    }
    for (IamPolicy p : iamPolicies()) {
      for (Attr<Ref> role : p.roles()) {
        role.value().flatMap(Ref::resourceId).ifPresent(id -> add(policiesByRole, id, p));
      }
    }
    for (ResourcePolicy p : resourcePolicies()) {
      for (Attr<Ref> target : p.targets()) {
        for (String id : targetIds(target)) {
          add(policiesByTarget, id, p);
        }
      }
    }
    for (EventRule rule : eventRules()) {
      for (EventRule.Target target : rule.targets()) {
        for (String id : targetIds(target.arn())) {
          add(rulesByTarget, id, rule);
          functionById(id).ifPresent(f -> add(rulesByTarget, f.id(), rule));
        }
        markDeadLetter(target.deadLetterQueue());
      }
    }
    for (Queue q : queues()) {
      markDeadLetter(q.deadLetterTarget());
    }
    for (WebAclAssociation a : webAclAssociations()) {
      for (String id : a.resourceArn().references()) {
        add(webAclsByReference, id, a);
      }
    }
    for (LogGroup g : logGroups()) {
      for (String id : g.name().references()) {
        add(logGroupsByReference, id, g);
      }
      g.name().value().ifPresent(n -> add(logGroupsByName, n, g));
    }
  }

  private static List<String> targetIds(Attr<Ref> target) {
    Optional<String> direct = target.value().flatMap(Ref::resourceId);
    return direct.map(List::of).orElse(target.references());
  }

  private void markDeadLetter(Attr<Ref> ref) {
    deadLetterTargets.addAll(targetIds(ref));
  }

  private static <T> void add(Map<String, List<T>> index, String key, T value) {
    index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  @Override
  public String toString() {
    return "CloudModel[" + name + ", " + resources.size() + " resources]";
  }

  /** Collects resources; {@link #build()} leaves the builder unchanged. */
  public static final class Builder {
    private final String name;
    private SourceLocation location;
    private final List<Resource> resources = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<Parameter> parameters = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
      this.location = SourceLocation.of(name, 1);
    }

    /** The span of the whole source. */
    public Builder location(SourceLocation l) {
      this.location = l;
      return this;
    }

    public Builder add(Resource r) {
      resources.add(r);
      ids.add(r.id());
      return this;
    }

    public Builder addAll(List<? extends Resource> rs) {
      rs.forEach(this::add);
      return this;
    }

    /** Adds a deployment parameter. */
    public Builder parameter(Parameter p) {
      parameters.add(p);
      return this;
    }

    /** True when a resource with this id was added. */
    public boolean contains(String id) {
      return ids.contains(id);
    }

    /**
     * Builds the model.
     *
     * @throws IllegalArgumentException when two resources share an id
     */
    public CloudModel build() {
      return new CloudModel(name, location, resources, parameters);
    }
  }
}
