package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.FunctionVersion;
import dev.bulwark.model.Node;
import dev.bulwark.model.Permission;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Topic;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code AWS::Serverless::Function}: the function with Globals applied, and every resource the SAM
 * transform generates from it (execution role, version and alias, URL and its public permission,
 * asynchronous invocation config, event sources).
 */
final class SamFunctionMapper {

  /** What event mappers need to know of the function. */
  record SamFunction(
      String id,
      ResourceMeta meta,
      Props props,
      Attr<Ref> invokeTarget,
      @Nullable String aliasName,
      @Nullable ImplicitRole role) {

    /** The ARN of what events invoke: the alias when there is one, else the function. */
    Attr<Ref> targetArn(SourceLocation at) {
      String target = invokeTarget.value().flatMap(Ref::resourceId).orElse(id);
      return Attr.defaulted(new Ref.ToResource(target, aliasName == null ? "Arn" : null), at);
    }

    Attr<Ref> target(SourceLocation at) {
      String target = invokeTarget.value().flatMap(Ref::resourceId).orElse(id);
      return Attr.defaulted(Ref.to(target), at);
    }
  }

  private SamFunctionMapper() {}

  /** The function's properties with {@code Globals.Function} merged in. */
  static Props props(MappingContext ctx, TemplateResource r) {
    Node.MapNode merged = Globals.apply(ctx.template().globals(), "Function", r.properties());
    return Props.of(ctx, r.logicalId(), merged, r.location());
  }

  /** Registers {@code Fn.Alias}/{@code Fn.Version} and the function's name before mapping. */
  static void registerAlias(MappingContext ctx, TemplateResource r) {
    Node.MapNode globals = ctx.template().globals();
    Node alias = Globals.property(globals, "Function", r.properties(), "AutoPublishAlias");
    if (alias instanceof Node.Scalar s && s.value() != null && !s.value().isEmpty()) {
      ctx.alias(r.logicalId() + ".Alias", aliasId(r.logicalId(), s.value()));
      ctx.alias(r.logicalId() + ".Version", r.logicalId() + "Version");
    }
    Node name = Globals.property(globals, "Function", r.properties(), "FunctionName");
    if (name instanceof Node.Scalar s && s.value() != null) {
      ctx.functionName(s.value(), r.logicalId());
    }
  }

  static String aliasId(String fn, String alias) {
    return fn + "Alias" + alphanumeric(alias);
  }

  static String alphanumeric(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static void map(MappingContext ctx, TemplateResource r, SamApis apis) {
    Props p = props(ctx, r);
    String id = r.logicalId();
    ResourceMeta meta = ctx.meta(r, p);
    SourceLocation loc = r.location();

    Attr<String> alias = p.str("AutoPublishAlias");
    String aliasName = alias.value().orElse(null);
    String aliasId = aliasName == null ? null : aliasId(id, aliasName);

    ImplicitRole role = p.has("Role") ? null : new ImplicitRole(id + "Role", ctx);
    Attr<Ref> roleRef =
        role == null
            ? ctx.roleRef(p.ref("Role"))
            : Attr.defaulted(new Ref.ToResource(role.id(), "Arn"), loc);

    Attr<String> tracing = p.str("Tracing", "PassThrough");
    Props dlq = p.sub("DeadLetterQueue");
    Function fn =
        new Function(
            meta,
            p.str("FunctionName"),
            p.str("Runtime"),
            p.str("Handler"),
            p.str("PackageType", "Zip"),
            p.integer("MemorySize", 128),
            p.integer("Timeout", 3),
            tracing,
            LambdaMapper.vpc(p),
            LambdaMapper.environment(p.sub("Environment").sub("Variables")),
            p.ref("KmsKeyArn"),
            p.integer("ReservedConcurrentExecutions"),
            p.ref("CodeSigningConfigArn"),
            p.refs("Layers"),
            roleRef,
            dlq.ref("TargetArn"),
            p.sub("LoggingConfig").ref("LogGroup"),
            alias,
            code(p));
    ctx.add(fn);

    Attr<Ref> invokeTarget =
        aliasId == null
            ? Attr.defaulted(Ref.to(id), loc)
            : Attr.defaulted(Ref.to(aliasId), alias.location());
    SamFunction sf = new SamFunction(id, meta, p, invokeTarget, aliasName, role);

    if (aliasId != null) {
      SourceLocation at = alias.location();
      ctx.add(
          new FunctionVersion(
              MappingContext.generated(id + "Version", "AWS::Lambda::Version", at, meta),
              Attr.defaulted(Ref.to(id), at),
              Attr.absent(at)));
      ctx.add(
          new FunctionVersion(
              MappingContext.generated(aliasId, "AWS::Lambda::Alias", at, meta),
              Attr.defaulted(Ref.to(id), at),
              alias));
    }

    if (role != null) {
      role.awsManaged("AWSLambdaBasicExecutionRole", loc);
      if (tracing.isEqualTo("Active")) {
        role.awsManaged("AWSXrayWriteOnlyAccess", tracing.location());
      }
      if (p.has("VpcConfig")) {
        role.awsManaged("AWSLambdaVPCAccessExecutionRole", p.at("VpcConfig"));
      }
      SamPolicies.Result policies = SamPolicies.read(p, role.id());
      policies.policies().forEach(role::policy);
      policies.managed().forEach(role::managed);
      deadLetterPolicy(p, dlq, role);
    }

    eventInvokeConfig(ctx, sf);
    functionUrl(ctx, sf);
    SamEvents.map(ctx, sf, apis);

    if (role != null) {
      Attr<PolicyDocument> trust =
          p.has("AssumeRolePolicyDocument")
              ? p.policy("AssumeRolePolicyDocument")
              : Attr.defaulted(Statements.trust("lambda.amazonaws.com", loc), loc);
      ctx.add(
          role.build(
              MappingContext.generated(role.id(), "AWS::IAM::Role", loc, meta, meta.tags()),
              trust,
              p.ref("PermissionsBoundary"),
              p.str("RolePath", "/")));
    }
  }

  private static Function.Code code(Props p) {
    Attr<String> none = Attr.absent(p.location());
    if (p.str("PackageType").isEqualTo("Image") || p.has("ImageUri")) {
      return new Function.Code(Function.Code.Kind.IMAGE, p.str("ImageUri"), none);
    }
    if (p.has("InlineCode")) {
      return new Function.Code(Function.Code.Kind.INLINE, none, p.str("InlineCode"));
    }
    Node codeUri = p.node("CodeUri");
    if (codeUri == null) {
      return new Function.Code(Function.Code.Kind.UNKNOWN, none, none);
    }
    if (codeUri instanceof Node.MapNode) {
      Props c = p.sub("CodeUri");
      return new Function.Code(Function.Code.Kind.S3, LambdaMapper.s3Uri(c, "Bucket", "Key"), none);
    }
    Attr<String> uri = p.str("CodeUri");
    Optional<String> v = uri.value();
    if (v.isEmpty()) {
      return new Function.Code(Function.Code.Kind.UNKNOWN, uri, none);
    }
    return new Function.Code(
        v.get().toLowerCase(Locale.ROOT).startsWith("s3://")
            ? Function.Code.Kind.S3
            : Function.Code.Kind.LOCAL,
        uri,
        none);
  }

  private static void deadLetterPolicy(Props p, Props dlq, ImplicitRole role) {
    if (!p.has("DeadLetterQueue") || dlq.isUnknown()) {
      return;
    }
    Attr<String> type = dlq.str("Type");
    Node target = dlq.node("TargetArn");
    if (target == null || type.isAbsent()) {
      p.ctx()
          .invalid(p.at("DeadLetterQueue"), p.owner(), "DeadLetterQueue needs Type and TargetArn");
      return;
    }
    Optional<String> action =
        type.value()
            .map(t -> t.equals("SQS") ? "sqs:SendMessage" : t.equals("SNS") ? "sns:Publish" : null);
    if (type.value().isPresent() && action.isEmpty()) {
      p.ctx().invalid(type.location(), p.owner(), "DeadLetterQueue.Type must be SQS or SNS");
      return;
    }
    action.ifPresent(
        a ->
            role.inline(
                "DeadLetterQueuePolicy",
                List.of(
                    Statements.allow(
                        List.of(a),
                        List.of(dlq.str(target, "DeadLetterQueue.TargetArn")),
                        p.at("DeadLetterQueue"))),
                p.at("DeadLetterQueue")));
  }

  // ------------------------------------------------------------------ EventInvokeConfig

  private static void eventInvokeConfig(MappingContext ctx, SamFunction fn) {
    Props p = fn.props();
    if (!p.has("EventInvokeConfig")) {
      return;
    }
    Props c = p.sub("EventInvokeConfig");
    SourceLocation at = p.keyLocation("EventInvokeConfig");
    String configId = fn.id() + "EventInvokeConfig";
    Props dest = c.sub("DestinationConfig");
    Attr<Ref> onFailure = destination(ctx, fn, dest, "OnFailure", configId);
    Attr<Ref> onSuccess = destination(ctx, fn, dest, "OnSuccess", configId);
    ctx.add(
        new AsyncInvokeConfig(
            MappingContext.generated(configId, "AWS::Lambda::EventInvokeConfig", at, fn.meta()),
            Attr.defaulted(Ref.to(fn.id()), at),
            Attr.defaulted(fn.aliasName() == null ? "$LATEST" : fn.aliasName(), at),
            onFailure,
            onSuccess,
            c.integer("MaximumRetryAttempts"),
            c.integer("MaximumEventAgeInSeconds")));
  }

  /**
   * One destination; SAM creates a queue or topic when {@code Type} is SQS/SNS without a {@code
   * Destination}, and gives the generated role permission to send to it.
   */
  private static Attr<Ref> destination(
      MappingContext ctx, SamFunction fn, Props dest, String which, String configId) {
    if (!dest.has(which)) {
      return Attr.absent(dest.location());
    }
    Props d = dest.sub(which);
    Attr<String> type = d.str("Type");
    SourceLocation at = dest.keyLocation(which);
    Attr<Ref> target = d.ref("Destination");
    String t = type.value().orElse("");
    if (target.isAbsent() && (t.equals("SQS") || t.equals("SNS"))) {
      String generatedId = configId + which + (t.equals("SQS") ? "Queue" : "Topic");
      ResourceMeta meta =
          MappingContext.generated(
              generatedId, t.equals("SQS") ? "AWS::SQS::Queue" : "AWS::SNS::Topic", at, fn.meta());
      if (t.equals("SQS")) {
        ctx.add(
            new Queue(
                meta,
                Attr.absent(at),
                Attr.defaulted(true, at),
                Attr.absent(at),
                Attr.absent(at),
                Attr.absent(at)));
      } else {
        ctx.add(new Topic(meta, Attr.absent(at), Attr.absent(at)));
      }
      target = Attr.defaulted(new Ref.ToResource(generatedId, "Arn"), at);
    } else if (target.isAbsent() && !d.isUnknown()) {
      ctx.invalid(
          at, fn.id(), "EventInvokeConfig.DestinationConfig." + which + " needs a Destination");
    }
    ImplicitRole role = fn.role();
    if (role != null && !target.isAbsent()) {
      String action =
          switch (t) {
            case "SQS" -> "sqs:SendMessage";
            case "SNS" -> "sns:Publish";
            case "EventBridge" -> "events:PutEvents";
            case "Lambda" -> "lambda:InvokeFunction";
            default -> null;
          };
      if (action != null) {
        Attr<String> resource =
            target.value().flatMap(Ref::resourceId).isPresent()
                ? Attr.unknown(at, "${" + target.shape() + "}", target.references())
                : target.map(Ref::toString);
        role.inline(
            configId + which + t + "Policy",
            List.of(Statements.allow(List.of(action), List.of(resource), at)),
            at);
      }
    }
    return target;
  }

  // ------------------------------------------------------------------ FunctionUrlConfig

  private static void functionUrl(MappingContext ctx, SamFunction fn) {
    Props p = fn.props();
    if (!p.has("FunctionUrlConfig")) {
      return;
    }
    Props u = p.sub("FunctionUrlConfig");
    SourceLocation at = p.keyLocation("FunctionUrlConfig");
    Attr<String> authType = u.str("AuthType");
    if (authType.isAbsent() && !u.isUnknown()) {
      ctx.invalid(at, fn.id(), "FunctionUrlConfig needs AuthType (NONE or AWS_IAM)");
    }
    String urlId = fn.id() + "Url";
    ctx.add(
        new FunctionUrl(
            MappingContext.generated(urlId, "AWS::Lambda::Url", at, fn.meta()),
            Attr.defaulted(Ref.to(fn.id()), at),
            fn.aliasName() == null ? Attr.absent(at) : Attr.defaulted(fn.aliasName(), at),
            authType,
            LambdaMapper.cors(u)));
    if (authType.mayBe(t -> t.equals("NONE")) && !authType.isAbsent()) {
      SourceLocation pat = authType.location();
      ctx.add(
          new Permission(
              MappingContext.generated(
                  urlId + "PublicPermissions", "AWS::Lambda::Permission", pat, fn.meta()),
              fn.target(pat),
              Attr.defaulted("lambda:InvokeFunctionUrl", pat),
              Attr.defaulted("*", pat),
              Attr.absent(pat),
              Attr.absent(pat),
              Attr.absent(pat),
              authType,
              Attr.absent(pat)));
    }
  }
}
