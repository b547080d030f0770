package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Authorizer;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes of an inline OpenAPI/Swagger definition ({@code DefinitionBody}, {@code Body}): the
 * operations under {@code paths}, their {@code security} (resolved through {@code
 * securityDefinitions} / {@code components.securitySchemes} and the API Gateway extensions) and
 * their {@code x-amazon-apigateway-integration}.
 */
final class OpenApi {

  private static final Set<String> METHODS =
      Set.of(
          "get",
          "put",
          "post",
          "delete",
          "patch",
          "head",
          "options",
          "x-amazon-apigateway-any-method");

  /** A security scheme: an authorizer, IAM, or an API key. */
  record Scheme(
      String name,
      String authorizationType,
      @Nullable String authorizerType,
      Props props,
      SourceLocation at) {
    boolean isApiKey() {
      return authorizationType.equals("API_KEY");
    }

    boolean isAuthorizer() {
      return authorizerType != null;
    }
  }

  /** One operation. {@code security} is its own or the document's, null when neither is set. */
  record Operation(
      String method, String path, SourceLocation at, Props op, @Nullable Node security) {}

  /**
   * What the definition holds; {@code complete} is false when part of it could not be read.
   * {@code validators} tells, for each request validator of {@code
   * x-amazon-apigateway-request-validators}, whether it validates the body or the parameters;
   * {@code defaultValidator} is the document's {@code x-amazon-apigateway-request-validator}.
   */
  record Definition(
      List<Operation> operations,
      Map<String, Scheme> schemes,
      boolean complete,
      Map<String, Attr<Boolean>> validators,
      Attr<String> defaultValidator) {

    Definition(List<Operation> operations, Map<String, Scheme> schemes, boolean complete) {
      this(operations, schemes, complete, Map.of(), Attr.absent(SourceLocation.NONE));
    }

    /**
     * Whether the operation's requests are validated: by its own {@code
     * x-amazon-apigateway-request-validator}, else by the document's. Unknown when the validator
     * cannot be resolved or is not declared.
     */
    Attr<Boolean> validation(@Nullable Props op, SourceLocation at) {
      Attr<String> name = op != null && op.has(VALIDATOR) ? op.str(VALIDATOR) : defaultValidator;
      if (name.isAbsent()) {
        return Attr.defaulted(false, at);
      }
      Optional<String> known = name.value();
      Attr<Boolean> v = known.map(validators::get).orElse(null);
      if (v == null || !v.isPresent()) {
        return Attr.unknown(name.location(), "validator " + name.shape(), List.of());
      }
      return Attr.of(v.get(), name.location());
    }
  }

  private static final String VALIDATOR = "x-amazon-apigateway-request-validator";

  private OpenApi() {}

  static Definition read(Props api, Node body) {
    List<Operation> ops = new ArrayList<>();
    Map<String, Scheme> schemes = new LinkedHashMap<>();
    if (!(body instanceof Node.MapNode b)) {
      return new Definition(ops, schemes, false);
    }
    Props doc = api.subOf(b, "DefinitionBody");
    boolean complete = true;
    Props defs = doc.sub("securityDefinitions");
    Props components = doc.sub("components").sub("securitySchemes");
    for (Props source : List.of(defs, components)) {
      for (Map.Entry<String, Node> e : source.map().entries().entrySet()) {
        Props s = source.subOf(e.getValue(), e.getKey());
        schemes.put(e.getKey(), scheme(e.getKey(), s, source.map().keyLocation(e.getKey())));
      }
    }
    Map<String, Attr<Boolean>> validators = new LinkedHashMap<>();
    Props declared = doc.sub(VALIDATOR + "s");
    for (Map.Entry<String, Node> e : declared.map().entries().entrySet()) {
      Props v = declared.subOf(e.getValue(), e.getKey());
      validators.put(
          e.getKey(),
          either(
              v.bool("validateRequestBody", false),
              v.bool("validateRequestParameters", false),
              declared.map().keyLocation(e.getKey())));
    }
    Attr<String> defaultValidator = doc.str(VALIDATOR);
    Node rootSecurity = doc.node("security");
    Node paths = doc.node("paths");
    if (paths == null) {
      return new Definition(ops, schemes, true, validators, defaultValidator);
    }
    if (!(paths instanceof Node.MapNode pm)) {
      return new Definition(ops, schemes, false, validators, defaultValidator);
    }
    for (Map.Entry<String, Node> pe : pm.entries().entrySet()) {
      if (!(pe.getValue() instanceof Node.MapNode methods)) {
        complete = false;
        continue;
      }
      for (Map.Entry<String, Node> me : methods.entries().entrySet()) {
        String m = me.getKey().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
          continue;
        }
        if (!(me.getValue() instanceof Node.MapNode opNode)) {
          complete = false;
          continue;
        }
        Node security = opNode.get("security");
        ops.add(
            new Operation(
                m.equals("x-amazon-apigateway-any-method") ? "ANY" : m.toUpperCase(Locale.ROOT),
                pe.getKey(),
                methods.keyLocation(me.getKey()),
                doc.subOf(opNode, "paths." + pe.getKey() + "." + me.getKey()),
                security != null ? security : rootSecurity));
      }
    }
    return new Definition(ops, schemes, complete, validators, defaultValidator);
  }

  /** True when either is definitely true, false when both are definitely false, else unknown. */
  private static Attr<Boolean> either(Attr<Boolean> a, Attr<Boolean> b, SourceLocation at) {
    if (a.isEqualTo(true) || b.isEqualTo(true)) {
      return Attr.of(true, at);
    }
    if (a.value().isPresent() && b.value().isPresent()) {
      return Attr.of(false, at);
    }
    return Attr.unknown(at, "validator", List.of());
  }

  private static Scheme scheme(String name, Props s, SourceLocation at) {
    Props ext = s.sub("x-amazon-apigateway-authorizer");
    String extType = ext.str("type").value().map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
    if (extType != null) {
      return switch (extType) {
        case "token" -> new Scheme(name, "CUSTOM", "TOKEN", s, at);
        case "request" -> new Scheme(name, "CUSTOM", "REQUEST", s, at);
        case "cognito_user_pools" ->
            new Scheme(name, "COGNITO_USER_POOLS", "COGNITO_USER_POOLS", s, at);
        case "jwt" -> new Scheme(name, "JWT", "JWT", s, at);
        default -> new Scheme(name, "CUSTOM", extType.toUpperCase(Locale.ROOT), s, at);
      };
    }
    String authType =
        s.str("x-amazon-apigateway-authtype")
            .value()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .orElse("");
    if (authType.equals("awssigv4")) {
      return new Scheme(name, "AWS_IAM", null, s, at);
    }
    if (s.str("type").isEqualTo("apiKey") && authType.isEmpty()) {
      return new Scheme(name, "API_KEY", null, s, at);
    }
    if (authType.equals("cognito_user_pools")) {
      return new Scheme(name, "COGNITO_USER_POOLS", "COGNITO_USER_POOLS", s, at);
    }
    return new Scheme(name, "UNKNOWN", null, s, at);
  }

  /**
   * Authorizers the definition declares (unless {@code declared} already has one of that name), as
   * model resources {@code <Api><Scheme>Authorizer}.
   */
  static void authorizers(
      MappingContext ctx,
      Definition d,
      String apiId,
      ApiKind kind,
      ResourceMeta apiMeta,
      Set<String> declared) {
    for (Scheme s : d.schemes().values()) {
      if (!s.isAuthorizer() || declared.contains(s.name())) {
        continue;
      }
      Props ext = s.props().sub("x-amazon-apigateway-authorizer");
      Node uri = ext.node("authorizerUri");
      Attr<Ref> function =
          uri == null ? Attr.absent(s.at()) : ApiParts.integrationFunction(ext, uri);
      ctx.add(
          new Authorizer(
              MappingContext.generated(
                  apiId + s.name() + "Authorizer",
                  kind == ApiKind.REST
                      ? "AWS::ApiGateway::Authorizer"
                      : "AWS::ApiGatewayV2::Authorizer",
                  s.at(),
                  apiMeta),
              Attr.defaulted(Ref.to(apiId), s.at()),
              Attr.of(s.name(), s.at()),
              Attr.of(s.authorizerType(), s.at()),
              function));
    }
  }

  /**
   * The route of one operation. {@code defaultAuth} applies when the operation has no security of
   * its own (a SAM {@code DefaultAuthorizer}); null for none.
   */
  static Route route(
      MappingContext ctx,
      Definition d,
      Operation op,
      String apiId,
      ApiKind kind,
      ResourceMeta apiMeta,
      SamApis.@Nullable RouteAuth defaultAuth) {
    SourceLocation at = op.at();
    Props integration = op.op().sub("x-amazon-apigateway-integration");
    Node uri = integration.node("uri");
    Attr<Ref> function =
        uri == null || integration.str("type").is(ApiParts::notFunctionIntegration)
            ? Attr.absent(at)
            : ApiParts.integrationFunction(integration, uri);
    Attr<String> authType;
    Attr<Ref> authorizer = Attr.absent(at);
    Attr<Boolean> apiKey = Attr.defaulted(false, at);
    List<Attr<String>> scopes = List.of();
    Node security = op.security();
    if (security == null) {
      if (defaultAuth != null) {
        authType = defaultAuth.type();
        authorizer = defaultAuth.authorizer();
        apiKey = defaultAuth.apiKeyRequired();
        scopes = defaultAuth.scopes();
      } else {
        authType = Attr.defaulted("NONE", at);
      }
    } else if (security instanceof Node.ListNode l) {
      Node first = l.items().isEmpty() ? null : l.items().get(0);
      authType = Attr.of("NONE", security.location());
      if (first instanceof Node.MapNode req) {
        for (Map.Entry<String, Node> e : req.entries().entrySet()) {
          Scheme s = d.schemes().get(e.getKey());
          SourceLocation sat = req.keyLocation(e.getKey());
          if (s == null) {
            if (e.getKey().equals("AWS_IAM")) {
              authType = Attr.of("AWS_IAM", sat);
            } else if (authType.isEqualTo("NONE")) {
              authType = Attr.unknown(sat, e.getKey(), List.of());
            }
          } else if (s.isApiKey()) {
            apiKey = Attr.of(true, sat);
          } else if (s.authorizationType().equals("UNKNOWN")) {
            authType = Attr.unknown(sat, e.getKey(), List.of());
          } else {
            authType = Attr.of(s.authorizationType(), sat);
            if (s.isAuthorizer()) {
              authorizer = Attr.of(Ref.to(apiId + s.name() + "Authorizer"), sat);
            }
            if (e.getValue() instanceof Node.ListNode sl && !sl.items().isEmpty()) {
              scopes = new ArrayList<>();
              for (Node sc : sl.items()) {
                scopes.add(op.op().str(sc, "security"));
              }
            }
          }
        }
      } else if (first != null) {
        authType = Attr.unknown(first);
      }
    } else {
      authType = Attr.unknown(security);
    }
    return new Route(
        MappingContext.generated(
            apiId + "#" + op.method() + op.path(),
            kind == ApiKind.REST ? "AWS::ApiGateway::Method" : "AWS::ApiGatewayV2::Route",
            at,
            apiMeta),
        Attr.defaulted(Ref.to(apiId), at),
        Attr.of(op.method(), at),
        Attr.of(op.path(), at),
        authType,
        authorizer,
        apiKey,
        function,
        integration.integer("timeoutInMillis"),
        Attr.absent(at),
        d.validation(op.op(), at),
        scopes,
        ApiParts.invocationType(integration, "requestParameters", "responseTransferMode", uri));
  }
}
