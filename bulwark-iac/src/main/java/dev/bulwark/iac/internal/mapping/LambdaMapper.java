package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.AsyncInvokeConfig;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.FunctionVersion;
import dev.bulwark.model.Layer;
import dev.bulwark.model.Node;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code AWS::Lambda::*} resources, and the function parts SAM functions share with them. */
final class LambdaMapper {

  private LambdaMapper() {}

  static void function(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    Props code = p.sub("Code");
    ctx.add(
        new Function(
            meta,
            p.str("FunctionName"),
            p.str("Runtime"),
            p.str("Handler"),
            p.str("PackageType", "Zip"),
            p.integer("MemorySize", 128),
            p.integer("Timeout", 3),
            p.sub("TracingConfig").str("Mode", "PassThrough"),
            vpc(p),
            environment(p.sub("Environment").sub("Variables")),
            p.ref("KmsKeyArn"),
            p.integer("ReservedConcurrentExecutions"),
            p.ref("CodeSigningConfigArn"),
            p.refs("Layers"),
            ctx.roleRef(p.ref("Role")),
            p.sub("DeadLetterConfig").ref("TargetArn"),
            p.sub("LoggingConfig").ref("LogGroup"),
            Attr.absent(r.location()),
            cfnCode(r, code)));
  }

  // ------------------------------------------------------------------ shared with SAM

  static Attr<Function.VpcConfig> vpc(Props p) {
    if (!p.has("VpcConfig")) {
      return Attr.absent(p.location());
    }
    Props v = p.sub("VpcConfig");
    if (v.isUnknown()) {
      return Attr.unknown(p.node("VpcConfig"));
    }
    return Attr.of(
        new Function.VpcConfig(v.strings("SubnetIds"), v.strings("SecurityGroupIds")),
        p.at("VpcConfig"));
  }

  static List<Function.EnvVar> environment(Props vars) {
    List<Function.EnvVar> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : vars.map().entries().entrySet()) {
      out.add(
          new Function.EnvVar(
              e.getKey(),
              vars.str(e.getValue(), "Environment.Variables." + e.getKey()),
              vars.map().keyLocation(e.getKey())));
    }
    return out;
  }

  private static Function.Code cfnCode(TemplateResource r, Props code) {
    Attr<String> none = Attr.absent(code.location());
    Node assetPath = r.metadata().get("aws:asset:path");
    if (code.has("ZipFile")) {
      return new Function.Code(Function.Code.Kind.INLINE, none, code.str("ZipFile"));
    }
    if (code.has("ImageUri")) {
      return new Function.Code(Function.Code.Kind.IMAGE, code.str("ImageUri"), none);
    }
    if (assetPath != null && assetPath.text().isPresent()) {
      // CDK output: the asset folder next to the template holds the code that gets uploaded
      return new Function.Code(
          Function.Code.Kind.LOCAL, Attr.of(assetPath.text().get(), assetPath.location()), none);
    }
    if (code.has("S3Bucket")) {
      return new Function.Code(Function.Code.Kind.S3, s3Uri(code, "S3Bucket", "S3Key"), none);
    }
    if (code.isUnknown()) {
      return new Function.Code(
          Function.Code.Kind.UNKNOWN, Attr.unknown(code.location(), "${Code}", List.of()), none);
    }
    return new Function.Code(Function.Code.Kind.UNKNOWN, none, none);
  }

  /** {@code s3://bucket/key}, unknown with its shape when a part is unresolved. */
  static Attr<String> s3Uri(Props p, String bucketKey, String keyKey) {
    Attr<String> bucket = p.str(bucketKey);
    Attr<String> key = p.str(keyKey);
    String shape = "s3://" + bucket.shape() + "/" + (key.isAbsent() ? "" : key.shape());
    SourceLocation at = p.at(bucketKey);
    if (bucket.value().isPresent() && (key.value().isPresent() || key.isAbsent())) {
      return Attr.of(shape, at);
    }
    List<String> refs = new ArrayList<>(bucket.references());
    refs.addAll(key.references());
    return Attr.unknown(at, shape, refs);
  }

  // ------------------------------------------------------------------ other Lambda resources

  static void permission(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new Permission(
            ctx.meta(r, p),
            ctx.functionRef(p.ref("FunctionName")),
            p.str("Action"),
            p.str("Principal"),
            p.str("SourceArn"),
            p.str("SourceAccount"),
            p.str("PrincipalOrgID"),
            p.str("FunctionUrlAuthType"),
            p.str("EventSourceToken")));
  }

  static void url(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new FunctionUrl(
            ctx.meta(r, p),
            ctx.functionRef(p.ref("TargetFunctionArn")),
            p.str("Qualifier"),
            p.str("AuthType"),
            cors(p)));
  }

  static Attr<FunctionUrl.Cors> cors(Props p) {
    if (!p.has("Cors")) {
      return Attr.absent(p.location());
    }
    Props c = p.sub("Cors");
    if (c.isUnknown()) {
      return Attr.unknown(p.node("Cors"));
    }
    return Attr.of(
        new FunctionUrl.Cors(
            c.strings("AllowOrigins"), c.bool("AllowCredentials"), p.keyLocation("Cors")),
        p.keyLocation("Cors"));
  }

  static void eventSourceMapping(MappingContext ctx, TemplateResource r, Props p) {
    Attr<Ref> source = p.ref("EventSourceArn");
    TriggerKind kind =
        p.has("SelfManagedEventSource")
            ? TriggerKind.KAFKA
            : kindOf(ctx, source, TriggerKind.OTHER);
    ctx.add(
        new Trigger(
            ctx.meta(r, p),
            kind,
            ctx.functionRef(p.ref("FunctionName")),
            source,
            p.sub("DestinationConfig").sub("OnFailure").ref("Destination"),
            p.integer("MaximumRetryAttempts"),
            p.bool("Enabled", true),
            p.bool("BisectBatchOnFunctionError")));
  }

  /** The kind of an event source from the resource it references or the service in its ARN. */
  static TriggerKind kindOf(MappingContext ctx, Attr<Ref> source, TriggerKind fallback) {
    Optional<String> id = source.value().flatMap(Ref::resourceId);
    if (id.isPresent()) {
      TemplateResource t = ctx.declared(id.get());
      if (t != null) {
        switch (t.type()) {
          case "AWS::SQS::Queue":
            return TriggerKind.SQS;
          case "AWS::Kinesis::Stream":
          case "AWS::Kinesis::StreamConsumer":
            return TriggerKind.KINESIS;
          case "AWS::DynamoDB::Table":
          case "AWS::DynamoDB::GlobalTable":
          case "AWS::Serverless::SimpleTable":
            return TriggerKind.DYNAMODB;
          case "AWS::MSK::Cluster":
          case "AWS::MSK::ServerlessCluster":
            return TriggerKind.KAFKA;
          case "AWS::AmazonMQ::Broker":
            return TriggerKind.MQ;
          case "AWS::DocDB::DBCluster":
            return TriggerKind.DOCUMENTDB;
          default:
            break;
        }
      }
    }
    String shape = source.shape();
    if (shape.startsWith("arn:")) {
      String[] parts = shape.split(":", 4);
      if (parts.length >= 3) {
        switch (parts[2].toLowerCase(Locale.ROOT)) {
          case "sqs":
            return TriggerKind.SQS;
          case "kinesis":
            return TriggerKind.KINESIS;
          case "dynamodb":
            return TriggerKind.DYNAMODB;
          case "kafka":
            return TriggerKind.KAFKA;
          case "mq":
            return TriggerKind.MQ;
          case "rds":
          case "docdb":
            return TriggerKind.DOCUMENTDB;
          default:
            break;
        }
      }
    }
    return fallback;
  }

  static void eventInvokeConfig(MappingContext ctx, TemplateResource r, Props p) {
    Props dest = p.sub("DestinationConfig");
    ctx.add(
        new AsyncInvokeConfig(
            ctx.meta(r, p),
            ctx.functionRef(p.ref("FunctionName")),
            p.str("Qualifier"),
            dest.sub("OnFailure").ref("Destination"),
            dest.sub("OnSuccess").ref("Destination"),
            p.integer("MaximumRetryAttempts"),
            p.integer("MaximumEventAgeInSeconds")));
  }

  static void alias(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new FunctionVersion(ctx.meta(r, p), ctx.functionRef(p.ref("FunctionName")), p.str("Name")));
  }

  static void version(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new FunctionVersion(
            ctx.meta(r, p), ctx.functionRef(p.ref("FunctionName")), Attr.absent(r.location())));
  }

  static void layer(MappingContext ctx, TemplateResource r, Props p) {
    Props content = p.sub("Content");
    Function.Code code;
    Node assetPath = r.metadata().get("aws:asset:path");
    Attr<String> none = Attr.absent(content.location());
    if (assetPath != null && assetPath.text().isPresent()) {
      code =
          new Function.Code(
              Function.Code.Kind.LOCAL,
              Attr.of(assetPath.text().get(), assetPath.location()),
              none);
    } else if (content.has("S3Bucket")) {
      code = new Function.Code(Function.Code.Kind.S3, s3Uri(content, "S3Bucket", "S3Key"), none);
    } else {
      code = new Function.Code(Function.Code.Kind.UNKNOWN, none, none);
    }
    ctx.add(new Layer(ctx.meta(r, p), p.str("LayerName"), code, p.strings("CompatibleRuntimes")));
  }
}
