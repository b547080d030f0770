package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.mapping.SamEvents.Event;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.Node;
import dev.bulwark.model.Permission;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Route;
import dev.bulwark.model.Statement;
import dev.bulwark.model.UsagePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SAM APIs: {@code AWS::Serverless::Api}, {@code AWS::Serverless::HttpApi}, the implicit {@code
 * ServerlessRestApi}/{@code ServerlessHttpApi} SAM creates for events without an API, and the
 * routes and permissions of {@code Api}/{@code HttpApi} events with their authorization.
 *
 * <p>Functions are mapped first (their events register routes and resource-policy statements); APIs
 * are built afterwards, when everything that shapes them is known.
 */
final class SamApis {

  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  /** How a route is authorized. */
  record RouteAuth(
      Attr<String> type,
      Attr<Ref> authorizer,
      Attr<Boolean> apiKeyRequired,
      List<Attr<String>> scopes) {}

  /** An authorizer declared in a SAM API's {@code Auth.Authorizers}. */
  record AuthorizerDef(
      String name,
      String modelId,
      String authorizerType,
      String routeType,
      List<Attr<String>> scopes,
      Props props,
      SourceLocation at) {}

  /** What routes need to know of an API: its auth configuration and stage. */
  record ApiDef(
      String id,
      ApiKind kind,
      Props props,
      Map<String, AuthorizerDef> authorizers,
      Attr<String> defaultAuthorizer,
      Attr<Boolean> apiKeyRequired,
      boolean iamAuthorizer,
      String permissionSuffix) {}

  private final MappingContext ctx;
  private final Map<String, ApiDef> defs = new HashMap<>();
  private final Map<String, List<Statement>> eventPolicies = new HashMap<>();
  private final Map<String, ResourceMeta> implicitOwners = new LinkedHashMap<>();
  private final Map<String, Set<String>> eventRoutes = new HashMap<>();
  private final Map<String, OpenApi.Definition> definitions = new HashMap<>();
  private final List<Attr<Ref>> sharedUsagePlanApis = new ArrayList<>();
  private @Nullable ResourceMeta sharedUsagePlanParent;
  private @Nullable SourceLocation sharedUsagePlanAt;
  private @Nullable Props sharedUsagePlanProps;

  SamApis(MappingContext ctx) {
    this.ctx = ctx;
  }

  // ------------------------------------------------------------------ events

  void restEvent(Event e) {
    event(e, ApiKind.REST);
  }

  void httpEvent(Event e) {
    event(e, ApiKind.HTTP);
  }

  private void event(Event e, ApiKind kind) {
    Props p = e.props();
    boolean rest = kind == ApiKind.REST;
    String apiKey = rest ? "RestApiId" : "ApiId";
    Attr<Ref> api;
    ApiDef def = null;
    String suffix;
    if (p.has(apiKey)) {
      api = p.ref(apiKey);
      String apiId = api.value().flatMap(Ref::resourceId).orElse(null);
      String implicitId = rest ? IMPLICIT_REST : IMPLICIT_HTTP;
      if (implicitId.equals(apiId)) {
        implicitOwners.putIfAbsent(
            implicitId,
            MappingContext.generated(
                implicitId,
                rest ? "AWS::ApiGateway::RestApi" : "AWS::ApiGatewayV2::Api",
                e.at(),
                e.fn().meta()));
        def = implicit(implicitId, kind, e.at());
      } else {
        def = apiId == null ? null : explicit(apiId, kind);
      }
      if (apiId != null && def == null && ctx.declared(apiId) == null) {
        ctx.invalid(
            api.location(),
            e.fn().id(),
            "Events."
                + e.eventId()
                + ": "
                + apiKey
                + " references '"
                + apiId
                + "', which is not a resource of this template");
      }
      suffix = def != null ? def.permissionSuffix() : "AllStages";
      if (implicitId.equals(apiId)) {
        suffix = "Prod";
      }
    } else {
      String implicitId = rest ? IMPLICIT_REST : IMPLICIT_HTTP;
      implicitOwners.putIfAbsent(
          implicitId,
          MappingContext.generated(
              implicitId,
              rest ? "AWS::ApiGateway::RestApi" : "AWS::ApiGatewayV2::Api",
              e.at(),
              e.fn().meta()));
      api = Attr.defaulted(Ref.to(implicitId), e.at());
      def = implicit(implicitId, kind, e.at());
      suffix = "Prod";
    }

    Attr<String> method;
    Attr<String> path;
    if (rest) {
      method = p.str("Method").map(m -> m.toUpperCase(Locale.ROOT));
      path = p.str("Path");
      if ((method.isAbsent() || path.isAbsent()) && !p.isUnknown()) {
        ctx.invalid(e.at(), e.fn().id(), "Events." + e.eventId() + " (Api) needs Path and Method");
      }
    } else {
      method =
          p.has("Method")
              ? p.str("Method").map(m -> m.toUpperCase(Locale.ROOT))
              : Attr.defaulted("ANY", e.at());
      path = p.has("Path") ? p.str("Path") : Attr.defaulted("$default", e.at());
    }
    method = method.map(m -> m.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : m);
    Attr<String> routeMethod = method;
    Attr<String> routePath = path;

    Props auth = p.sub("Auth");
    RouteAuth ra = resolve(def, auth, e.fn().id(), "Events." + e.eventId(), e.at());
    Props model = p.sub("RequestModel");
    ctx.add(
        new Route(
            e.meta(e.logicalId(), rest ? "AWS::ApiGateway::Method" : "AWS::ApiGatewayV2::Route"),
            api,
            method,
            path,
            ra.type(),
            ra.authorizer(),
            ra.apiKeyRequired(),
            e.fn().target(e.at()),
            p.integer("TimeoutInMillis"),
            Attr.absent(e.at()),
            p.has("RequestModel")
                ? model.bool("ValidateBody", true)
                : validation(def, method, path, e.at()),
            ra.scopes(),
            invocationType(def, method, path, e.at())));
    api.value()
        .flatMap(Ref::resourceId)
        .ifPresent(
            id -> {
              if (routeMethod.value().isPresent() && routePath.value().isPresent()) {
                eventRoutes
                    .computeIfAbsent(id, k -> new HashSet<>())
                    .add(routeMethod.get() + " " + routePath.get());
              }
            });

    String rest2 =
        method.value().isPresent() && path.value().isPresent()
            ? (path.get().equals("$default")
                ? "/*/*"
                : "/*/" + ApiParts.permissionPath(method.get(), path.get()))
            : "/*/" + method.shape() + path.shape();
    SamEvents.permission(
        ctx,
        e,
        e.logicalId() + "Permission" + (rest ? suffix : ""),
        "apigateway.amazonaws.com",
        ApiParts.executeApiArn(api, rest2, e.at()),
        Attr.absent(e.at()),
        Attr.absent(e.at()));

    if (rest && auth.has("ResourcePolicy")) {
      String scope =
          "execute-api:/*/"
              + (method.value().isPresent() && path.value().isPresent()
                  ? ApiParts.permissionPath(method.get(), path.get())
                  : "*");
      api.value()
          .flatMap(Ref::resourceId)
          .ifPresent(
              id ->
                  eventPolicies
                      .computeIfAbsent(id, k -> new ArrayList<>())
                      .addAll(SamResourcePolicy.statements(auth.sub("ResourcePolicy"), scope)));
    }
  }

  /** The authorization of a route: the event's {@code Auth}, else the API's defaults. */
  RouteAuth resolve(
      @Nullable ApiDef def, Props auth, String owner, String where, SourceLocation at) {
    Attr<String> chosen = auth.str("Authorizer");
    if (chosen.isAbsent() && def != null) {
      chosen = def.defaultAuthorizer();
    }
    Attr<Boolean> apiKey = auth.bool("ApiKeyRequired");
    if (apiKey.isAbsent()) {
      apiKey =
          def != null && !def.apiKeyRequired().isAbsent()
              ? def.apiKeyRequired()
              : Attr.defaulted(false, at);
    }
    List<Attr<String>> scopes = auth.strings("AuthorizationScopes");
    if (chosen.isAbsent()) {
      return new RouteAuth(Attr.defaulted("NONE", at), Attr.absent(at), apiKey, scopes);
    }
    if (chosen.value().isEmpty()) {
      return new RouteAuth(
          Attr.unknown(chosen.location(), chosen.shape(), chosen.references()),
          Attr.unknown(chosen.location(), chosen.shape(), chosen.references()),
          apiKey,
          scopes);
    }
    String name = chosen.get();
    SourceLocation cat = chosen.location();
    if (name.equals("NONE")) {
      return new RouteAuth(Attr.of("NONE", cat), Attr.absent(cat), apiKey, scopes);
    }
    if (name.equals("AWS_IAM")) {
      return new RouteAuth(Attr.of("AWS_IAM", cat), Attr.absent(cat), apiKey, scopes);
    }
    AuthorizerDef a = def == null ? null : def.authorizers().get(name);
    if (a == null) {
      if (def != null) {
        ctx.invalid(
            cat,
            owner,
            where + ": authorizer '" + name + "' is not defined in the API's Auth.Authorizers");
      }
      return new RouteAuth(
          Attr.unknown(cat, name, List.of()), Attr.unknown(cat, name, List.of()), apiKey, scopes);
    }
    return new RouteAuth(
        Attr.of(a.routeType(), cat),
        Attr.of(Ref.to(a.modelId()), cat),
        apiKey,
        scopes.isEmpty() ? a.scopes() : scopes);
  }

  // ------------------------------------------------------------------ API definitions

  /** The API's inline definition, read once (its problems are reported once). */
  private OpenApi.Definition definitionOf(ApiDef def, Node body) {
    return definitions.computeIfAbsent(def.id(), k -> OpenApi.read(def.props(), body));
  }

  /**
   * The operation of the API's inline definition that an event's route is merged into, or null
   * when there is none.
   */
  private static Node.@Nullable MapNode operation(
      @Nullable ApiDef def, Attr<String> method, Attr<String> path) {
    if (def == null || method.value().isEmpty() || path.value().isEmpty()
        || !(def.props().node("DefinitionBody") instanceof Node.MapNode body)) {
      return null;
    }
    String m = method.get().equalsIgnoreCase("ANY")
        ? "x-amazon-apigateway-any-method"
        : method.get().toLowerCase(Locale.ROOT);
    return body.path("paths", path.get(), m) instanceof Node.MapNode op ? op : null;
  }

  /**
   * Whether an event's route without a {@code RequestModel} is validated by the API's inline
   * definition: its operation's request validator, else the document's default one.
   */
  private Attr<Boolean> validation(
      @Nullable ApiDef def, Attr<String> method, Attr<String> path, SourceLocation at) {
    if (def == null || !(def.props().node("DefinitionBody") instanceof Node.MapNode body)) {
      return Attr.defaulted(false, at);
    }
    Node.MapNode op = operation(def, method, path);
    return definitionOf(def, body)
        .validation(op == null ? null : Props.of(ctx, def.id(), op), at);
  }

  /**
   * How the event's route invokes the function. SAM leaves an operation that the API's inline
   * definition already integrates as it is written there (an asynchronous or streaming
   * integration, say); otherwise it adds a synchronous proxy integration.
   */
  private Attr<String> invocationType(
      @Nullable ApiDef def, Attr<String> method, Attr<String> path, SourceLocation at) {
    Attr<String> sync = Attr.defaulted(Route.REQUEST_RESPONSE, at);
    Node.MapNode op = operation(def, method, path);
    if (def == null
        || op == null
        || !(op.get("x-amazon-apigateway-integration") instanceof Node.MapNode im)) {
      return sync;
    }
    Props ip = Props.of(ctx, def.id(), im);
    return ApiParts.invocationType(ip, "requestParameters", "responseTransferMode", ip.node("uri"));
  }

  private @Nullable ApiDef explicit(String id, ApiKind kind) {
    ApiDef d = defs.get(id);
    if (d != null) {
      return d.kind() == kind ? d : null;
    }
    TemplateResource r = ctx.declared(id);
    String type = kind == ApiKind.REST ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
    if (r == null || !r.type().equals(type)) {
      return null;
    }
    d = define(id, kind, props(r, kind), r.location());
    defs.put(id, d);
    return d;
  }

  private ApiDef implicit(String id, ApiKind kind, SourceLocation at) {
    return defs.computeIfAbsent(
        id,
        k ->
            define(
                id,
                kind,
                Props.of(
                    ctx,
                    id,
                    Globals.section(
                        ctx.template().globals(), kind == ApiKind.REST ? "Api" : "HttpApi", at),
                    at),
                at));
  }

  private Props props(TemplateResource r, ApiKind kind) {
    Node.MapNode merged =
        Globals.apply(
            ctx.template().globals(), kind == ApiKind.REST ? "Api" : "HttpApi", r.properties());
    return Props.of(ctx, r.logicalId(), merged, r.location());
  }

  private ApiDef define(String id, ApiKind kind, Props p, SourceLocation at) {
    Props auth = p.sub("Auth");
    Map<String, AuthorizerDef> authorizers = new LinkedHashMap<>();
    Props as = auth.sub("Authorizers");
    for (Map.Entry<String, Node> e : as.map().entries().entrySet()) {
      Props a = as.subOf(e.getValue(), "Auth.Authorizers." + e.getKey());
      SourceLocation aat = as.map().keyLocation(e.getKey());
      String modelId = id + e.getKey() + "Authorizer";
      AuthorizerDef def;
      if (kind == ApiKind.REST) {
        if (a.has("UserPoolArn")) {
          def =
              new AuthorizerDef(
                  e.getKey(),
                  modelId,
                  "COGNITO_USER_POOLS",
                  "COGNITO_USER_POOLS",
                  a.strings("AuthorizationScopes"),
                  a,
                  aat);
        } else {
          String payload =
              a.str("FunctionPayloadType", "TOKEN")
                  .value()
                  .orElse("TOKEN")
                  .toUpperCase(Locale.ROOT);
          def = new AuthorizerDef(e.getKey(), modelId, payload, "CUSTOM", List.of(), a, aat);
        }
      } else {
        if (a.has("JwtConfiguration")) {
          def =
              new AuthorizerDef(
                  e.getKey(), modelId, "JWT", "JWT", a.strings("AuthorizationScopes"), a, aat);
        } else {
          def = new AuthorizerDef(e.getKey(), modelId, "REQUEST", "CUSTOM", List.of(), a, aat);
        }
      }
      authorizers.put(e.getKey(), def);
    }
    String suffix = "Prod";
    if (!id.equals(IMPLICIT_REST) && !id.equals(IMPLICIT_HTTP)) {
      Optional<String> stage = p.str("StageName").value();
      suffix = stage.map(SamFunctionMapper::alphanumeric).orElse("Stage");
    }
    return new ApiDef(
        id,
        kind,
        p,
        authorizers,
        auth.str("DefaultAuthorizer"),
        auth.bool("ApiKeyRequired"),
        auth.bool("EnableIamAuthorizer").isEqualTo(true),
        suffix);
  }

  // ------------------------------------------------------------------ APIs

  /** An explicit {@code AWS::Serverless::Api}. */
  void restApi(TemplateResource r) {
    ApiDef def = explicit(r.logicalId(), ApiKind.REST);
    if (def == null) {
      return;
    }
    Props p = def.props();
    ResourceMeta meta = ctx.meta(r, p);
    Attr<String> stageName = p.str("StageName");
    if (stageName.isAbsent()) {
      ctx.invalid(r.location(), r.logicalId(), "StageName is required");
    }
    String stageId =
        r.logicalId() + stageName.value().map(SamFunctionMapper::alphanumeric).orElse("") + "Stage";
    buildApi(def, meta, stageId, stageName, r.location());
  }

  /** An explicit {@code AWS::Serverless::HttpApi}. */
  void httpApi(TemplateResource r) {
    ApiDef def = explicit(r.logicalId(), ApiKind.HTTP);
    if (def == null) {
      return;
    }
    Props p = def.props();
    ResourceMeta meta = ctx.meta(r, p);
    Attr<String> stageName = p.str("StageName", "$default");
    String stageId =
        stageName
            .value()
            .filter(s -> !s.equals("$default"))
            .map(s -> r.logicalId() + SamFunctionMapper.alphanumeric(s) + "Stage")
            .orElse(r.logicalId() + "ApiGatewayDefaultStage");
    buildApi(def, meta, stageId, stageName, r.location());
  }

  /** The implicit APIs, and the shared usage plan; call after every resource is mapped. */
  void finish() {
    for (Map.Entry<String, ResourceMeta> e : implicitOwners.entrySet()) {
      String id = e.getKey();
      ApiDef def = defs.get(id);
      if (def == null || ctx.contains(id)) {
        continue;
      }
      ResourceMeta meta = e.getValue();
      if (def.kind() == ApiKind.REST) {
        buildApi(
            def, meta, id + "ProdStage", Attr.defaulted("Prod", meta.location()), meta.location());
      } else {
        buildApi(
            def,
            meta,
            id + "ApiGatewayDefaultStage",
            Attr.defaulted("$default", meta.location()),
            meta.location());
      }
    }
    if (sharedUsagePlanParent != null
        && sharedUsagePlanProps != null
        && sharedUsagePlanAt != null) {
      Props t = sharedUsagePlanProps.sub("Throttle");
      ctx.add(
          new UsagePlan(
              MappingContext.generated(
                  "ServerlessUsagePlan",
                  "AWS::ApiGateway::UsagePlan",
                  sharedUsagePlanAt,
                  sharedUsagePlanParent),
              sharedUsagePlanApis,
              t.decimal("RateLimit"),
              t.integer("BurstLimit")));
    }
  }

  private void buildApi(
      ApiDef def, ResourceMeta meta, String stageId, Attr<String> stageName, SourceLocation at) {
    Props p = def.props();
    String id = def.id();
    boolean rest = def.kind() == ApiKind.REST;
    Attr<Ref> self = Attr.defaulted(Ref.to(id), at);

    // routes of an inline definition
    boolean complete = !p.has("DefinitionUri");
    Node body = p.node("DefinitionBody");
    OpenApi.Definition definition = null;
    if (body != null) {
      definition = definitionOf(def, body);
      complete &= definition.complete();
    }

    // resource policy: the API's Auth.ResourcePolicy and the events' ones
    List<Statement> statements = new ArrayList<>();
    Props auth = p.sub("Auth");
    if (rest && auth.has("ResourcePolicy")) {
      statements.addAll(SamResourcePolicy.statements(auth.sub("ResourcePolicy"), "execute-api:/*"));
    }
    statements.addAll(eventPolicies.getOrDefault(id, List.of()));
    Attr<PolicyDocument> policy =
        statements.isEmpty()
            ? Attr.absent(at)
            : Attr.of(
                PolicyDocument.of(statements, auth.keyLocation("ResourcePolicy")),
                auth.keyLocation("ResourcePolicy"));

    Attr<String> endpointType = ApiParts.endpointType(p, rest ? "EDGE" : "REGIONAL");
    ctx.add(
        new Api(
            meta,
            def.kind(),
            p.str("Name"),
            endpointType,
            p.bool("DisableExecuteApiEndpoint", false),
            policy,
            complete));

    ResourceMeta stageMeta =
        MappingContext.generated(
            stageId, rest ? "AWS::ApiGateway::Stage" : "AWS::ApiGatewayV2::Stage", at, meta);
    ctx.add(
        rest
            ? ApiParts.restStage(stageMeta, self, stageName, p)
            : ApiParts.httpStage(stageMeta, self, stageName, p));

    // authorizers and the permissions SAM gives API Gateway to call Lambda authorizers
    for (AuthorizerDef a : def.authorizers().values()) {
      Attr<Ref> function = a.props().ref("FunctionArn");
      Attr<Ref> fn = ctx.functionRef(function);
      ctx.add(
          new Authorizer(
              MappingContext.generated(
                  a.modelId(),
                  rest ? "AWS::ApiGateway::Authorizer" : "AWS::ApiGatewayV2::Authorizer",
                  a.at(),
                  meta),
              self,
              Attr.of(a.name(), a.at()),
              Attr.defaulted(a.authorizerType(), a.at()),
              fn));
      if (a.routeType().equals("CUSTOM") && !function.isAbsent()) {
        ctx.add(
            new Permission(
                MappingContext.generated(
                    a.modelId() + "Permission", "AWS::Lambda::Permission", a.at(), meta),
                fn,
                Attr.defaulted("lambda:InvokeFunction", a.at()),
                Attr.defaulted("apigateway.amazonaws.com", a.at()),
                ApiParts.executeApiArn(self, "/authorizers/*", a.at()),
                Attr.absent(a.at()),
                Attr.absent(a.at()),
                Attr.absent(a.at()),
                Attr.absent(a.at())));
      }
    }

    if (definition != null) {
      OpenApi.authorizers(ctx, definition, id, def.kind(), meta, def.authorizers().keySet());
      RouteAuth defaultAuth =
          def.defaultAuthorizer().isAbsent()
              ? null
              : resolve(def, Props.empty(ctx, id, at), id, "DefinitionBody", at);
      Set<String> fromEvents = eventRoutes.getOrDefault(id, Set.of());
      for (OpenApi.Operation op : definition.operations()) {
        if (fromEvents.contains(op.method() + " " + op.path())
            || ctx.contains(id + "#" + op.method() + op.path())) {
          continue;
        }
        ctx.add(OpenApi.route(ctx, definition, op, id, def.kind(), meta, defaultAuth));
      }
    }

    usagePlan(def, meta, self, auth);
    if (p.has("Domain")) {
      Props d = p.sub("Domain");
      ctx.add(
          ApiParts.domain(
              MappingContext.generated(
                  id + "DomainName",
                  rest ? "AWS::ApiGateway::DomainName" : "AWS::ApiGatewayV2::DomainName",
                  p.keyLocation("Domain"),
                  meta),
              def.kind(),
              d.str("DomainName"),
              d.str("SecurityPolicy"),
              ApiParts.endpointType(d, "REGIONAL")));
    }
  }

  private void usagePlan(ApiDef def, ResourceMeta meta, Attr<Ref> self, Props auth) {
    if (def.kind() != ApiKind.REST || !auth.has("UsagePlan")) {
      return;
    }
    Props u = auth.sub("UsagePlan");
    String mode = u.str("CreateUsagePlan").value().orElse("NONE").toUpperCase(Locale.ROOT);
    SourceLocation at = auth.keyLocation("UsagePlan");
    if (mode.equals("PER_API")) {
      Props t = u.sub("Throttle");
      ctx.add(
          new UsagePlan(
              MappingContext.generated(
                  def.id() + "UsagePlan", "AWS::ApiGateway::UsagePlan", at, meta),
              List.of(self),
              t.decimal("RateLimit"),
              t.integer("BurstLimit")));
    } else if (mode.equals("SHARED")) {
      sharedUsagePlanApis.add(self);
      if (sharedUsagePlanParent == null) {
        sharedUsagePlanParent = meta;
        sharedUsagePlanAt = at;
        sharedUsagePlanProps = u;
      }
    }
  }
}
