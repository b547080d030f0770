package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.RequestValidator;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import dev.bulwark.model.UsagePlan;
import dev.bulwark.model.WebAclAssociation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code AWS::ApiGateway::*}, {@code AWS::ApiGatewayV2::*} and WAF web ACL associations. */
final class ApiGatewayMapper {

  private static final int MAX_PATH_DEPTH = 64;

  private ApiGatewayMapper() {}

  // ------------------------------------------------------------------ REST (v1)

  static void restApi(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    boolean complete = !p.has("BodyS3Location");
    Node body = p.node("Body");
    OpenApi.Definition definition = null;
    if (body != null) {
      definition = OpenApi.read(p, body);
      complete &= definition.complete();
    }
    ctx.add(
        new Api(
            meta,
            ApiKind.REST,
            p.str("Name"),
            ApiParts.endpointType(p, "EDGE"),
            p.bool("DisableExecuteApiEndpoint", false),
            p.policy("Policy"),
            complete));
    if (definition != null) {
      OpenApi.authorizers(ctx, definition, r.logicalId(), ApiKind.REST, meta, Set.of());
      for (OpenApi.Operation op : definition.operations()) {
        ctx.add(OpenApi.route(ctx, definition, op, r.logicalId(), ApiKind.REST, meta, null));
      }
    }
  }

  static void restStage(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(ApiParts.restStage(ctx.meta(r, p), p.ref("RestApiId"), p.str("StageName"), p));
  }

  /**
   * A deployment with {@code StageName} creates that stage, configured by {@code StageDescription}.
   */
  static void deployment(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    ModelMapper.other(ctx, r, p);
    if (!p.has("StageName")) {
      return;
    }
    Props d = p.sub("StageDescription");
    Stage s =
        ApiParts.restStage(
            MappingContext.generated(
                r.logicalId() + "#Stage",
                "AWS::ApiGateway::Stage",
                p.keyLocation("StageName"),
                meta),
            p.ref("RestApiId"),
            p.str("StageName"),
            d);
    if (d.has("ThrottlingRateLimit")
        || d.has("ThrottlingBurstLimit")
        || d.has("LoggingLevel")
        || d.has("CachingEnabled")
        || d.has("CacheDataEncrypted")) {
      // StageDescription also takes the stage-wide method settings directly
      s =
          new Stage(
              s.meta(),
              s.api(),
              s.name(),
              d.has("ThrottlingRateLimit")
                  ? d.decimal("ThrottlingRateLimit")
                  : s.throttlingRateLimit(),
              d.has("ThrottlingBurstLimit")
                  ? d.integer("ThrottlingBurstLimit")
                  : s.throttlingBurstLimit(),
              s.accessLogDestination(),
              s.accessLogFormat(),
              d.has("LoggingLevel") ? d.str("LoggingLevel") : s.executionLoggingLevel(),
              s.tracing(),
              s.cacheClusterEnabled(),
              d.has("CachingEnabled") ? d.bool("CachingEnabled") : s.cachingEnabled(),
              d.has("CacheDataEncrypted") ? d.bool("CacheDataEncrypted") : s.cacheDataEncrypted());
    }
    ctx.add(s);
  }

  static void method(MappingContext ctx, TemplateResource r, Props p) {
    SourceLocation at = r.location();
    Props integration = p.sub("Integration");
    Node uri = integration.node("Uri");
    Attr<Ref> function =
        uri == null || integration.str("Type").is(ApiParts::notFunctionIntegration)
            ? Attr.absent(integration.location())
            : ApiParts.integrationFunction(integration, uri);
    Attr<Ref> validator = p.ref("RequestValidatorId");
    ctx.add(
        new Route(
            ctx.meta(r, p),
            p.ref("RestApiId"),
            p.str("HttpMethod").map(m -> m.toUpperCase(Locale.ROOT)),
            restPath(ctx, p),
            ApiParts.normalizeAuthorizationType(p.str("AuthorizationType", "NONE")),
            p.ref("AuthorizerId"),
            p.bool("ApiKeyRequired", false),
            function,
            integration.integer("TimeoutInMillis"),
            validator,
            modelValidated(ctx, p, validator, at),
            p.strings("AuthorizationScopes"),
            ApiParts.invocationType(
                integration, "RequestParameters", "ResponseTransferMode", uri)));
  }

  /** True when the method has request models and a validator that validates the body. */
  private static Attr<Boolean> modelValidated(
      MappingContext ctx, Props p, Attr<Ref> validator, SourceLocation at) {
    Node models = p.node("RequestModels");
    boolean hasModels = models instanceof Node.MapNode m && !m.entries().isEmpty();
    if (!hasModels || validator.isAbsent()) {
      return Attr.defaulted(false, at);
    }
    Optional<String> id = validator.value().flatMap(Ref::resourceId);
    TemplateResource v = id.map(ctx::declared).orElse(null);
    if (v == null || !v.type().equals("AWS::ApiGateway::RequestValidator")) {
      return Attr.unknown(
          validator.location(), "validation by " + validator.shape(), validator.references());
    }
    Props vp = Props.of(ctx, v.logicalId(), v.properties(), v.location());
    Attr<Boolean> body = vp.bool("ValidateRequestBody", false);
    return body.isKnown() && body.value().isPresent()
        ? Attr.of(body.get(), validator.location())
        : Attr.unknown(
            validator.location(), "validation by " + validator.shape(), validator.references());
  }

  /** The path of a method: its resource's {@code PathPart}s up to the API's root resource. */
  private static Attr<String> restPath(MappingContext ctx, Props p) {
    Node resource = p.node("ResourceId");
    if (resource == null) {
      return Attr.absent(p.location());
    }
    List<String> parts = new ArrayList<>();
    Node current = resource;
    for (int depth = 0; depth < MAX_PATH_DEPTH; depth++) {
      if (!(current instanceof Node.Reference ref)) {
        return Attr.unknown(resource);
      }
      if ("RootResourceId".equals(ref.attribute())) {
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
          sb.append('/').append(parts.get(i));
        }
        return Attr.of(sb.length() == 0 ? "/" : sb.toString(), resource.location());
      }
      TemplateResource res = ctx.declared(ref.logicalId());
      if (res == null
          || !res.type().equals("AWS::ApiGateway::Resource")
          || ref.attribute() != null) {
        return Attr.unknown(resource);
      }
      Node part = res.properties().get("PathPart");
      Optional<String> text = part == null ? Optional.empty() : part.text();
      if (text.isEmpty()) {
        return Attr.unknown(resource);
      }
      parts.add(text.get());
      current = res.properties().get("ParentId");
    }
    return Attr.unknown(resource);
  }

  static void restAuthorizer(MappingContext ctx, TemplateResource r, Props p) {
    Node uri = p.node("AuthorizerUri");
    ctx.add(
        new Authorizer(
            ctx.meta(r, p),
            p.ref("RestApiId"),
            p.str("Name"),
            p.str("Type").map(t -> t.toUpperCase(Locale.ROOT)),
            uri == null ? Attr.absent(p.location()) : ApiParts.integrationFunction(p, uri)));
  }

  static void requestValidator(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new RequestValidator(
            ctx.meta(r, p),
            p.ref("RestApiId"),
            p.bool("ValidateRequestBody", false),
            p.bool("ValidateRequestParameters", false)));
  }

  static void usagePlan(MappingContext ctx, TemplateResource r, Props p) {
    List<Attr<Ref>> apis = new ArrayList<>();
    for (Node stage : p.items("ApiStages")) {
      apis.add(p.subOf(stage, "ApiStages").ref("ApiId"));
    }
    Props t = p.sub("Throttle");
    ctx.add(new UsagePlan(ctx.meta(r, p), apis, t.decimal("RateLimit"), t.integer("BurstLimit")));
  }

  static void restDomain(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        ApiParts.domain(
            ctx.meta(r, p),
            ApiKind.REST,
            p.str("DomainName"),
            p.str("SecurityPolicy"),
            ApiParts.endpointType(p, "EDGE")));
  }

  // ------------------------------------------------------------------ HTTP and WebSocket (v2)

  static void v2Api(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    Attr<String> protocol = p.str("ProtocolType", "HTTP");
    ApiKind kind = protocol.isEqualTo("WEBSOCKET") ? ApiKind.WEBSOCKET : ApiKind.HTTP;
    boolean complete = !p.has("BodyS3Location");
    Node body = p.node("Body");
    OpenApi.Definition definition = null;
    if (body != null) {
      definition = OpenApi.read(p, body);
      complete &= definition.complete();
    }
    ctx.add(
        new Api(
            meta,
            kind,
            p.str("Name"),
            Attr.defaulted("REGIONAL", r.location()),
            p.bool("DisableExecuteApiEndpoint", false),
            Attr.absent(r.location()),
            complete));
    if (definition != null) {
      OpenApi.authorizers(ctx, definition, r.logicalId(), kind, meta, Set.of());
      for (OpenApi.Operation op : definition.operations()) {
        ctx.add(OpenApi.route(ctx, definition, op, r.logicalId(), kind, meta, null));
      }
    }
    Node target = p.node("Target");
    if (target != null) {
      // quick create: a $default route to the target and an auto-deployed $default stage
      SourceLocation at = p.keyLocation("Target");
      Attr<Ref> self = Attr.defaulted(Ref.to(r.logicalId()), at);
      Attr<String> routeKey = p.str("RouteKey", "$default");
      String[] key = splitRouteKey(routeKey.value().orElse("$default"));
      ctx.add(
          new Route(
              MappingContext.generated(
                  r.logicalId() + "#Route", "AWS::ApiGatewayV2::Route", at, meta),
              self,
              Attr.defaulted(key[0], at),
              Attr.defaulted(key[1], at),
              Attr.defaulted("NONE", at),
              Attr.absent(at),
              Attr.defaulted(false, at),
              ApiParts.integrationFunction(p, target),
              Attr.absent(at),
              Attr.absent(at),
              Attr.defaulted(false, at)));
      ctx.add(
          ApiParts.httpStage(
              MappingContext.generated(
                  r.logicalId() + "#Stage", "AWS::ApiGatewayV2::Stage", at, meta),
              self,
              Attr.defaulted("$default", at),
              Props.empty(ctx, r.logicalId(), at)));
    }
  }

  static void v2Stage(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(ApiParts.httpStage(ctx.meta(r, p), p.ref("ApiId"), p.str("StageName"), p));
  }

  static void v2Route(MappingContext ctx, TemplateResource r, Props p) {
    Attr<String> routeKey = p.str("RouteKey");
    Attr<String> method = routeKey.map(k -> splitRouteKey(k)[0]);
    Attr<String> path = routeKey.map(k -> splitRouteKey(k)[1]);
    Attr<Ref> function = Attr.absent(p.location());
    Attr<Integer> timeout = Attr.absent(p.location());
    Attr<String> invocation = Attr.defaulted(Route.REQUEST_RESPONSE, p.location());
    Node target = p.node("Target");
    if (target != null) {
      TemplateResource integration = integrationOf(ctx, target);
      if (integration != null) {
        Props ip =
            Props.of(
                ctx, integration.logicalId(), integration.properties(), integration.location());
        Node uri = ip.node("IntegrationUri");
        function =
            uri == null || ip.str("IntegrationType").is(ApiParts::notFunctionIntegration)
                ? Attr.absent(ip.location())
                : ApiParts.integrationFunction(ip, uri);
        timeout = ip.integer("TimeoutInMillis");
        invocation = ApiParts.invocationType(ip, "RequestParameters", "ResponseTransferMode", uri);
      } else {
        function = Attr.unknown(target);
      }
    }
    ctx.add(
        new Route(
            ctx.meta(r, p),
            p.ref("ApiId"),
            method,
            path,
            ApiParts.normalizeAuthorizationType(p.str("AuthorizationType", "NONE")),
            p.ref("AuthorizerId"),
            p.bool("ApiKeyRequired", false),
            function,
            timeout,
            Attr.absent(p.location()),
            Attr.defaulted(false, p.location()),
            p.strings("AuthorizationScopes"),
            invocation));
  }

  /** The integration a route's {@code Target} ({@code integrations/${Integration}}) names. */
  private static @Nullable TemplateResource integrationOf(MappingContext ctx, Node target) {
    for (String id : target.references()) {
      TemplateResource t = ctx.declared(id);
      if (t != null && t.type().equals("AWS::ApiGatewayV2::Integration")) {
        return t;
      }
    }
    return null;
  }

  /** {@code GET /items} → {@code [GET, /items]}; {@code $default} → {@code [ANY, $default]}. */
  static String[] splitRouteKey(String key) {
    String k = key.trim();
    int space = k.indexOf(' ');
    if (space > 0) {
      return new String[] {
        k.substring(0, space).toUpperCase(Locale.ROOT), k.substring(space + 1).trim()
      };
    }
    return new String[] {"ANY", k};
  }

  static void v2Authorizer(MappingContext ctx, TemplateResource r, Props p) {
    Node uri = p.node("AuthorizerUri");
    ctx.add(
        new Authorizer(
            ctx.meta(r, p),
            p.ref("ApiId"),
            p.str("Name"),
            p.str("AuthorizerType").map(t -> t.toUpperCase(Locale.ROOT)),
            uri == null ? Attr.absent(p.location()) : ApiParts.integrationFunction(p, uri)));
  }

  static void v2Domain(MappingContext ctx, TemplateResource r, Props p) {
    Attr<String> policy = Attr.absent(p.location());
    Attr<String> endpoint = Attr.defaulted("REGIONAL", p.location());
    List<Node> configs = p.items("DomainNameConfigurations");
    if (!configs.isEmpty()) {
      Props c = p.subOf(configs.get(0), "DomainNameConfigurations");
      policy = c.str("SecurityPolicy");
      endpoint = c.str("EndpointType", "REGIONAL");
    }
    ctx.add(ApiParts.domain(ctx.meta(r, p), ApiKind.HTTP, p.str("DomainName"), policy, endpoint));
  }

  static void webAclAssociation(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(new WebAclAssociation(ctx.meta(r, p), p.ref("WebACLArn"), p.str("ResourceArn")));
  }
}
