package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Bucket;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Function;
import dev.bulwark.model.Key;
import dev.bulwark.model.Layer;
import dev.bulwark.model.LogGroup;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.StateMachine;
import dev.bulwark.model.Table;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** S3, KMS, DynamoDB, CloudWatch Logs, Step Functions, and the SAM table/layer resources. */
final class DataMapper {

  private DataMapper() {}

  static void bucket(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    Props block = p.sub("PublicAccessBlockConfiguration");
    ctx.add(
        new Bucket(
            meta,
            p.str("BucketName"),
            block.bool("BlockPublicAcls"),
            block.bool("IgnorePublicAcls"),
            block.bool("BlockPublicPolicy"),
            block.bool("RestrictPublicBuckets"),
            p.str("AccessControl")));
    int i = 0;
    for (Node c : p.sub("NotificationConfiguration").items("LambdaConfigurations")) {
      Props cp = p.subOf(c, "NotificationConfiguration.LambdaConfigurations");
      SourceLocation at = c.location();
      ctx.add(
          new Trigger(
              MappingContext.generated(
                  r.logicalId() + "#LambdaConfiguration" + i,
                  "AWS::S3::Bucket.LambdaConfiguration",
                  at,
                  meta),
              TriggerKind.S3,
              ctx.functionRef(cp.ref("Function")),
              Attr.defaulted(Ref.to(r.logicalId()), at),
              Attr.absent(at),
              Attr.absent(at),
              Attr.defaulted(true, at),
              Attr.absent(at)));
      i++;
    }
  }

  static void bucketPolicy(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new ResourcePolicy(ctx.meta(r, p), p.policy("PolicyDocument"), List.of(p.ref("Bucket"))));
  }

  static void key(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new Key(
            ctx.meta(r, p),
            p.policy("KeyPolicy"),
            p.bool("EnableKeyRotation", false),
            p.str("KeySpec", "SYMMETRIC_DEFAULT"),
            p.bool("Enabled", true)));
  }

  static void table(MappingContext ctx, TemplateResource r, Props p) {
    Props sse = p.sub("SSESpecification");
    ctx.add(
        new Table(
            ctx.meta(r, p),
            p.str("TableName"),
            p.sub("PointInTimeRecoverySpecification").bool("PointInTimeRecoveryEnabled", false),
            sse.bool("SSEEnabled", false),
            sse.ref("KMSMasterKeyId")));
  }

  /**
   * A global table: point-in-time recovery and the KMS key are set per replica; the table has them
   * when its first replica has (replicas usually share one configuration).
   */
  static void globalTable(MappingContext ctx, TemplateResource r, Props p) {
    List<Node> replicas = p.items("Replicas");
    Props first =
        replicas.isEmpty()
            ? Props.empty(ctx, r.logicalId(), r.location())
            : p.subOf(replicas.get(0), "Replicas");
    ctx.add(
        new Table(
            ctx.meta(r, p),
            p.str("TableName"),
            first.sub("PointInTimeRecoverySpecification").bool("PointInTimeRecoveryEnabled", false),
            p.sub("SSESpecification").bool("SSEEnabled", false),
            first.sub("SSESpecification").ref("KMSMasterKeyId")));
  }

  /** SAM's simple table: no point-in-time recovery setting (off). */
  static void simpleTable(MappingContext ctx, TemplateResource r) {
    Node.MapNode merged = Globals.apply(ctx.template().globals(), "SimpleTable", r.properties());
    Props p = Props.of(ctx, r.logicalId(), merged, r.location());
    Props sse = p.sub("SSESpecification");
    ctx.add(
        new Table(
            ctx.meta(r, p),
            p.str("TableName"),
            Attr.defaulted(false, r.location()),
            sse.bool("SSEEnabled", false),
            sse.ref("KMSMasterKeyId")));
  }

  static void logGroup(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new LogGroup(
            ctx.meta(r, p),
            p.str("LogGroupName"),
            p.integer("RetentionInDays"),
            p.ref("KmsKeyId")));
  }

  /** A subscription filter that delivers to a function is a trigger; others are kept as-is. */
  static void subscriptionFilter(MappingContext ctx, TemplateResource r, Props p) {
    Attr<Ref> destination = ctx.functionRef(p.ref("DestinationArn"));
    if (!ctx.isFunction(destination)) {
      ModelMapper.other(ctx, r, p);
      return;
    }
    ctx.add(
        new Trigger(
            ctx.meta(r, p),
            TriggerKind.CLOUDWATCH_LOGS,
            destination,
            p.ref("LogGroupName"),
            Attr.absent(r.location()),
            Attr.absent(r.location()),
            Attr.defaulted(true, r.location()),
            Attr.absent(r.location())));
  }

  static void stateMachine(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(
        new StateMachine(
            ctx.meta(r, p),
            p.str("StateMachineName"),
            p.str("StateMachineType", "STANDARD").map(t -> t.toUpperCase(Locale.ROOT)),
            p.sub("LoggingConfiguration").str("Level", "OFF"),
            p.sub("TracingConfiguration").bool("Enabled", false),
            ctx.roleRef(p.ref("RoleArn"))));
  }

  /**
   * A SAM state machine; without {@code Role}, SAM generates {@code <StateMachine>Role} from its
   * {@code Policies}, assumable by Step Functions.
   */
  static void samStateMachine(MappingContext ctx, TemplateResource r) {
    Node.MapNode merged = Globals.apply(ctx.template().globals(), "StateMachine", r.properties());
    Props p = Props.of(ctx, r.logicalId(), merged, r.location());
    ResourceMeta meta = ctx.meta(r, p);
    Attr<Ref> role;
    if (p.has("Role")) {
      role = ctx.roleRef(p.ref("Role"));
    } else {
      String roleId = r.logicalId() + "Role";
      role = Attr.defaulted(new Ref.ToResource(roleId, "Arn"), r.location());
      ImplicitRole implicit = new ImplicitRole(roleId, ctx);
      SamPolicies.Result policies = SamPolicies.read(p, roleId);
      policies.policies().forEach(implicit::policy);
      policies.managed().forEach(implicit::managed);
      ctx.add(
          implicit.build(
              MappingContext.generated(roleId, "AWS::IAM::Role", r.location(), meta, meta.tags()),
              Attr.defaulted(Statements.trust("states.amazonaws.com", r.location()), r.location()),
              p.ref("PermissionsBoundary"),
              p.str("RolePath", "/")));
    }
    ctx.add(
        new StateMachine(
            meta,
            p.str("Name"),
            p.str("Type", "STANDARD").map(t -> t.toUpperCase(Locale.ROOT)),
            p.sub("Logging").str("Level", "OFF"),
            p.sub("Tracing").bool("Enabled", false),
            role));
    stateMachineEvents(ctx, r, p, meta);
  }

  /**
   * Rules and schedules that start a SAM state machine ({@code <StateMachine><Event>}, targeting
   * the state machine, with their dead-letter queue and retries). API events are not mapped.
   */
  private static void stateMachineEvents(
      MappingContext ctx, TemplateResource r, Props p, ResourceMeta meta) {
    if (!(p.node("Events") instanceof Node.MapNode events)) {
      return;
    }
    for (Map.Entry<String, Node> e : events.entries().entrySet()) {
      Props ev = p.subOf(e.getValue(), "Events." + e.getKey());
      String type = ev.str("Type").value().orElse("");
      boolean v2 = type.equals("ScheduleV2");
      boolean schedule = type.equals("Schedule") || v2;
      if (!schedule && !type.equals("EventBridgeRule") && !type.equals("CloudWatchEvent")) {
        continue;
      }
      Props props = ev.sub("Properties");
      SourceLocation at = events.keyLocation(e.getKey());
      String id = r.logicalId() + e.getKey();
      Props dlq = props.sub("DeadLetterConfig");
      EventRule.Target target =
          new EventRule.Target(
              Attr.defaulted(id + "StepFunctionsTarget", at),
              Attr.defaulted(Ref.to(r.logicalId()), at),
              dlq.has("Arn") ? dlq.ref("Arn") : Attr.absent(at),
              props.sub("RetryPolicy").integer("MaximumRetryAttempts"),
              at);
      ctx.add(
          new EventRule(
              MappingContext.generated(
                  id, v2 ? "AWS::Scheduler::Schedule" : "AWS::Events::Rule", at, meta),
              schedule ? Attr.absent(at) : props.ref("EventBusName"),
              v2
                  ? props.str("ScheduleExpression")
                  : schedule ? props.str("Schedule") : Attr.absent(at),
              props.str("State", "ENABLED"),
              List.of(target)));
    }
  }

  static void samLayer(MappingContext ctx, TemplateResource r) {
    Node.MapNode merged = Globals.apply(ctx.template().globals(), "LayerVersion", r.properties());
    Props p = Props.of(ctx, r.logicalId(), merged, r.location());
    Attr<String> none = Attr.absent(r.location());
    Function.Code code;
    Node uri = p.node("ContentUri");
    if (uri instanceof Node.MapNode) {
      code =
          new Function.Code(
              Function.Code.Kind.S3,
              LambdaMapper.s3Uri(p.sub("ContentUri"), "Bucket", "Key"),
              none);
    } else if (uri != null) {
      Attr<String> u = p.str("ContentUri");
      Function.Code.Kind kind =
          u.value().isEmpty()
              ? Function.Code.Kind.UNKNOWN
              : u.get().toLowerCase(Locale.ROOT).startsWith("s3://")
                  ? Function.Code.Kind.S3
                  : Function.Code.Kind.LOCAL;
      code = new Function.Code(kind, u, none);
    } else {
      code = new Function.Code(Function.Code.Kind.UNKNOWN, none, none);
    }
    ctx.add(new Layer(ctx.meta(r, p), p.str("LayerName"), code, p.strings("CompatibleRuntimes")));
  }
}
