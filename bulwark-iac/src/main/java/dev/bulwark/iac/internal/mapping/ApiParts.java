package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.DomainName;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Route;
import dev.bulwark.model.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Pieces shared by the CloudFormation and SAM API mappings. */
final class ApiParts {

  private static final Set<String> FUNCTION_TYPES =
      Set.of(
          "AWS::Lambda::Function",
          "AWS::Serverless::Function",
          "AWS::Lambda::Alias",
          "AWS::Lambda::Version");

  private ApiParts() {}

  /**
   * A REST stage: throttling, execution logging and caching from the {@code MethodSettings} entry
   * for every resource and method ({@code HttpMethod: '*'}, {@code ResourcePath: '/*'}).
   */
  static Stage restStage(ResourceMeta meta, Attr<Ref> api, Attr<String> name, Props p) {
    Props all = starMethodSetting(p);
    Props caching = cachingMethodSetting(p, all);
    return new Stage(
        meta,
        api,
        name,
        all.decimal("ThrottlingRateLimit"),
        all.integer("ThrottlingBurstLimit"),
        p.sub("AccessLogSetting").ref("DestinationArn"),
        p.sub("AccessLogSetting").str("Format"),
        all.str("LoggingLevel", "OFF"),
        p.bool("TracingEnabled", false),
        p.bool("CacheClusterEnabled", false),
        caching.bool("CachingEnabled", false),
        caching.bool("CacheDataEncrypted", false));
  }

  /**
   * The {@code MethodSettings} entry that judges the stage's cache: the first entry (stage-wide
   * or for one method) that caches responses without encrypting them, else the first that caches,
   * else the stage-wide one. Caching one method unencrypted leaves its responses unencrypted.
   */
  private static Props cachingMethodSetting(Props p, Props all) {
    Props firstCaching = null;
    for (Node entry : p.items("MethodSettings")) {
      if (!(entry instanceof Node.MapNode)) {
        continue; // reported once, by starMethodSetting
      }
      Props e = p.subOf(entry, "MethodSettings");
      if (!e.bool("CachingEnabled", false).isEqualTo(true)) {
        continue;
      }
      if (e.bool("CacheDataEncrypted", false).isEqualTo(false)) {
        return e;
      }
      if (firstCaching == null) {
        firstCaching = e;
      }
    }
    return firstCaching != null ? firstCaching : all;
  }

  /** The {@code MethodSettings} entry that applies to the whole stage (empty when none). */
  static Props starMethodSetting(Props p) {
    Node ms = p.node("MethodSettings");
    if (ms instanceof Node.Unknown || ms instanceof Node.Choice) {
      return p.subOf(ms, "MethodSettings");
    }
    for (Node entry : p.items("MethodSettings")) {
      Props e = p.subOf(entry, "MethodSettings");
      if (e.str("HttpMethod", "*").isEqualTo("*") && e.str("ResourcePath", "/*").isEqualTo("/*")) {
        return e;
      }
    }
    return Props.empty(p.ctx(), p.owner(), p.location());
  }

  /** An HTTP/WebSocket stage: throttling from {@code DefaultRouteSettings}; no X-Ray, no cache. */
  static Stage httpStage(ResourceMeta meta, Attr<Ref> api, Attr<String> name, Props p) {
    Props d = p.sub("DefaultRouteSettings");
    Props logs = p.sub("AccessLogSettings");
    SourceLocation at = meta.location();
    return new Stage(
        meta,
        api,
        name,
        d.decimal("ThrottlingRateLimit"),
        d.integer("ThrottlingBurstLimit"),
        logs.ref("DestinationArn"),
        logs.str("Format"),
        d.str("LoggingLevel"),
        Attr.absent(at),
        Attr.absent(at),
        Attr.absent(at),
        Attr.absent(at));
  }

  /**
   * A custom domain; REST domains without {@code SecurityPolicy} accept TLS 1.0 (the API Gateway
   * default), except private ones; HTTP domains are TLS 1.2.
   */
  static DomainName domain(
      ResourceMeta meta,
      ApiKind kind,
      Attr<String> name,
      Attr<String> policy,
      Attr<String> endpointType) {
    if (!policy.isAbsent()) {
      return new DomainName(meta, kind, name, policy);
    }
    String dflt =
        kind == ApiKind.REST && !endpointType.isEqualTo("PRIVATE") ? "TLS_1_0" : "TLS_1_2";
    return new DomainName(meta, kind, name, Attr.defaulted(dflt, meta.location()));
  }

  /**
   * The function an integration URI invokes: {@code arn:…:apigateway:…:lambda:path/2015-03-31/
   * functions/${Fn.Arn}/invocations}, a plain function ARN, or a reference to a function. Absent
   * for integrations that do not invoke a function (HTTP, mock, other AWS services).
   */
  static Attr<Ref> integrationFunction(Props p, Node uri) {
    MappingContext ctx = p.ctx();
    if (uri instanceof Node.Reference r) {
      return isFunction(ctx, r.logicalId())
          ? Attr.of(ctx.toRef(r.logicalId(), r.attribute()), r.location())
          : Attr.absent(r.location());
    }
    if (uri instanceof Node.Text t) {
      Node.Reference single = null;
      for (Node part : t.parts()) {
        if (part instanceof Node.Reference r) {
          if (single != null && !single.logicalId().equals(r.logicalId())) {
            return Attr.unknown(t);
          }
          single = r;
        }
      }
      if (single != null) {
        return isFunction(ctx, single.logicalId())
            ? Attr.of(ctx.toRef(single.logicalId(), single.attribute()), t.location())
            : Attr.absent(t.location());
      }
      return t.shape().contains(":lambda:") ? Attr.unknown(t) : Attr.absent(t.location());
    }
    if (uri instanceof Node.Scalar s && s.value() != null) {
      Optional<String> arn = functionArn(s.value());
      return arn.isPresent()
          ? ctx.functionRef(Attr.of(Ref.literal(arn.get()), s.location()))
          : Attr.absent(s.location());
    }
    if (uri instanceof Node.Choice c) {
      return p.ref(c, "Uri");
    }
    return uri instanceof Node.Unknown ? Attr.unknown(uri) : Attr.absent(uri.location());
  }

  /** HTTP, HTTP proxy and mock integrations never invoke a function. */
  private static final String INVOCATION_TYPE_HEADER =
      "integration.request.header.x-amz-invocation-type";

  /**
   * How an integration invokes its function: {@code Event} when its request parameters set the
   * {@code X-Amz-Invocation-Type} header to the literal {@code 'Event'}, {@code ResponseStream}
   * for response streaming (transfer mode {@code STREAM}, or the {@code
   * response-streaming-invocations} URI), else {@code RequestResponse}. Unknown when the header
   * comes from the request or cannot be resolved.
   *
   * @param parametersKey {@code RequestParameters} (CloudFormation) or {@code requestParameters}
   *     (OpenAPI)
   * @param transferModeKey {@code ResponseTransferMode} or {@code responseTransferMode}
   */
  static Attr<String> invocationType(
      Props integration, String parametersKey, String transferModeKey, @Nullable Node uri) {
    SourceLocation at = integration.location();
    Attr<String> mode = integration.str(transferModeKey);
    if (mode.is(m -> m.equalsIgnoreCase("STREAM"))
        || uri != null && uri.shape().contains("/response-streaming-invocations")) {
      return Attr.of(Route.RESPONSE_STREAM, mode.isPresent() ? mode.location() : at);
    }
    Props parameters = integration.sub(parametersKey);
    for (Map.Entry<String, Node> e : parameters.map().entries().entrySet()) {
      if (!e.getKey().toLowerCase(Locale.ROOT).equals(INVOCATION_TYPE_HEADER)) {
        continue;
      }
      SourceLocation where = parameters.keyLocation(e.getKey());
      Optional<String> literal = e.getValue().text().map(String::trim);
      if (literal.isPresent() && literal.get().equals("'" + Route.EVENT + "'")) {
        return Attr.of(Route.EVENT, where);
      }
      if (literal.isPresent() && literal.get().equals("'" + Route.REQUEST_RESPONSE + "'")) {
        return Attr.of(Route.REQUEST_RESPONSE, where);
      }
      return Attr.unknown(where, e.getValue().shape(), e.getValue().references());
    }
    if (parameters.isUnknown()) {
      return Attr.unknown(at, parametersKey, List.of());
    }
    return Attr.defaulted(Route.REQUEST_RESPONSE, at);
  }

  static boolean notFunctionIntegration(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.equals("MOCK") || t.equals("HTTP") || t.equals("HTTP_PROXY");
  }

  private static boolean isFunction(MappingContext ctx, String logicalId) {
    String target = ctx.target(logicalId);
    if (!target.equals(logicalId)) {
      return true;
    }
    TemplateResource r = ctx.declared(logicalId);
    return r == null || FUNCTION_TYPES.contains(r.type());
  }

  /** The function ARN inside an invocation URI, or the text itself when it is a function ARN. */
  static Optional<String> functionArn(String uri) {
    int start = uri.indexOf("functions/");
    if (start >= 0) {
      int end = uri.indexOf("/invocations", start);
      String arn = uri.substring(start + "functions/".length(), end < 0 ? uri.length() : end);
      return arn.startsWith("arn:") ? Optional.of(arn) : Optional.empty();
    }
    return uri.startsWith("arn:") && uri.contains(":lambda:") && uri.contains(":function:")
        ? Optional.of(uri)
        : Optional.empty();
  }

  /** One vocabulary for every source: NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT. */
  static Attr<String> normalizeAuthorizationType(Attr<String> a) {
    return a.map(ApiParts::normalizeAuthorizationType);
  }

  static String normalizeAuthorizationType(String t) {
    String u = t.trim().toUpperCase(Locale.ROOT);
    return switch (u) {
      case "IAM", "AWS_IAM", "AWSSIGV4", "SIGV4" -> "AWS_IAM";
      case "COGNITO", "COGNITO_USER_POOLS" -> "COGNITO_USER_POOLS";
      case "CUSTOM", "TOKEN", "REQUEST", "LAMBDA" -> "CUSTOM";
      case "JWT" -> "JWT";
      case "NONE", "" -> "NONE";
      default -> u;
    };
  }

  /** The endpoint type: a list {@code Types}, a single {@code Type}, or a string. */
  static Attr<String> endpointType(Props p, String dflt) {
    Node n = p.node("EndpointConfiguration");
    if (n == null) {
      return Attr.defaulted(dflt, p.location());
    }
    if (n instanceof Node.Scalar) {
      return p.str("EndpointConfiguration").map(s -> s.toUpperCase(Locale.ROOT));
    }
    Props e = p.sub("EndpointConfiguration");
    if (e.has("Types")) {
      List<Attr<String>> types = e.strings("Types");
      return types.isEmpty()
          ? Attr.defaulted(dflt, p.location())
          : types.get(0).map(s -> s.toUpperCase(Locale.ROOT));
    }
    if (e.has("Type")) {
      return e.str("Type").map(s -> s.toUpperCase(Locale.ROOT));
    }
    return e.isUnknown() ? Attr.unknown(n) : Attr.defaulted(dflt, p.location());
  }

  /** {@code arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/…} as SAM writes it. */
  static Attr<String> executeApiArn(Attr<Ref> api, String rest, SourceLocation at) {
    String apiShape =
        api.value().flatMap(Ref::resourceId).map(id -> "${" + id + "}").orElse(api.shape());
    return Attr.unknown(
        at,
        "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:" + apiShape + rest,
        api.references());
  }

  /** The execute-api resource path of a route: path parameters become {@code *}. */
  static String permissionPath(String method, String path) {
    String m = method.equalsIgnoreCase("ANY") ? "*" : method.toUpperCase(Locale.ROOT);
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '{') {
        int close = p.indexOf('}', i);
        if (close > 0) {
          sb.append('*');
          i = close + 1;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return m + (sb.length() == 0 || sb.charAt(0) != '/' ? "/" : "") + sb;
  }
}
