package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Attr;
import dev.bulwark.model.EventBus;
import dev.bulwark.model.EventRule;
import dev.bulwark.model.Node;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.Statement;
import dev.bulwark.model.Topic;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQS, SNS, EventBridge and EventBridge Scheduler resources. */
final class MessagingMapper {

  private MessagingMapper() {}

  static void queue(MappingContext ctx, TemplateResource r, Props p) {
    Props redrive = redrivePolicy(p);
    ctx.add(
        new Queue(
            ctx.meta(r, p),
            p.str("QueueName"),
            p.bool("SqsManagedSseEnabled", true),
            p.ref("KmsMasterKeyId"),
            redrive.ref("deadLetterTargetArn"),
            redrive.integer("maxReceiveCount")));
  }

  /** {@code RedrivePolicy} as a map or, as CloudFormation also accepts, JSON text. */
  private static Props redrivePolicy(Props p) {
    Node n = p.node("RedrivePolicy");
    if (n instanceof Node.Scalar s && s.value() != null) {
      Optional<Node> parsed = JsonText.parse(s.value(), s.location());
      if (parsed.isPresent()) {
        return p.subOf(parsed.get(), "RedrivePolicy");
      }
    }
    return p.sub("RedrivePolicy");
  }

  static void queuePolicy(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(new ResourcePolicy(ctx.meta(r, p), p.policy("PolicyDocument"), p.refs("Queues")));
  }

  static void topic(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    ctx.add(new Topic(meta, p.str("TopicName"), p.ref("KmsMasterKeyId")));
    int i = 0;
    for (Node s : p.items("Subscription")) {
      Props sub = p.subOf(s, "Subscription");
      if (sub.str("Protocol").isEqualTo("lambda")) {
        ctx.add(
            snsTrigger(
                MappingContext.generated(
                    r.logicalId() + "#Subscription" + i,
                    "AWS::SNS::Topic.Subscription",
                    s.location(),
                    meta),
                ctx.functionRef(sub.ref("Endpoint")),
                Attr.defaulted(Ref.to(r.logicalId()), s.location())));
      }
      i++;
    }
  }

  static void subscription(MappingContext ctx, TemplateResource r, Props p) {
    if (!p.str("Protocol").isEqualTo("lambda")) {
      ModelMapper.other(ctx, r, p);
      return;
    }
    ctx.add(snsTrigger(ctx.meta(r, p), ctx.functionRef(p.ref("Endpoint")), p.ref("TopicArn")));
  }

  private static Trigger snsTrigger(ResourceMeta meta, Attr<Ref> function, Attr<Ref> topic) {
    SourceLocation at = meta.location();
    return new Trigger(
        meta,
        TriggerKind.SNS,
        function,
        topic,
        Attr.absent(at),
        Attr.absent(at),
        Attr.defaulted(true, at),
        Attr.absent(at));
  }

  static void topicPolicy(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(new ResourcePolicy(ctx.meta(r, p), p.policy("PolicyDocument"), p.refs("Topics")));
  }

  static void eventBus(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(new EventBus(ctx.meta(r, p), p.str("Name"), p.policy("Policy")));
  }

  /** {@code Statement}, or the legacy {@code Action}/{@code Principal}/{@code Condition} form. */
  static void eventBusPolicy(MappingContext ctx, TemplateResource r, Props p) {
    Attr<PolicyDocument> doc;
    if (p.has("Statement")) {
      Node st = p.node("Statement");
      doc =
          Attr.of(
              PolicyDocument.parse(
                  st instanceof Node.ListNode ? st : new Node.ListNode(List.of(st), st.location())),
              st.location());
    } else {
      SourceLocation at = r.location();
      List<Statement.Condition> conditions = new ArrayList<>();
      boolean conditionsKnown = true;
      if (p.has("Condition")) {
        Props c = p.sub("Condition");
        Attr<String> key = c.str("Key");
        Attr<String> value = c.str("Value");
        conditionsKnown = key.value().isPresent() && value.isKnown();
        conditions.add(
            new Statement.Condition(
                c.str("Type", "StringEquals").value().orElse("StringEquals"),
                key.value().orElse(key.shape()),
                List.of(value),
                p.keyLocation("Condition")));
      }
      Attr<String> principal = p.str("Principal");
      Statement s =
          new Statement(
              p.str("StatementId"),
              Attr.defaulted("Allow", at),
              List.of(p.str("Action")),
              false,
              List.of(Attr.defaulted("*", at)),
              false,
              List.of(new Statement.Principal("AWS", principal)),
              false,
              conditions,
              conditionsKnown,
              null,
              at);
      doc = Attr.of(PolicyDocument.of(List.of(s), at), at);
    }
    List<Attr<Ref>> targets = new ArrayList<>();
    targets.add(
        p.has("EventBusName")
            ? p.ref("EventBusName")
            : Attr.defaulted(Ref.literal("default"), r.location()));
    ctx.add(new ResourcePolicy(ctx.meta(r, p), doc, targets));
  }

  static void rule(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    boolean schedule = p.has("ScheduleExpression");
    List<EventRule.Target> targets = new ArrayList<>();
    for (Node t : p.items("Targets")) {
      Props tp = p.subOf(t, "Targets");
      targets.add(
          new EventRule.Target(
              tp.str("Id"),
              ctx.functionRef(tp.ref("Arn")),
              tp.sub("DeadLetterConfig").ref("Arn"),
              tp.sub("RetryPolicy").integer("MaximumRetryAttempts"),
              t.location()));
    }
    Attr<String> state = p.str("State", "ENABLED");
    ctx.add(
        new EventRule(meta, p.ref("EventBusName"), p.str("ScheduleExpression"), state, targets));
    for (int i = 0; i < targets.size(); i++) {
      EventRule.Target target = targets.get(i);
      triggerFor(
          ctx,
          r.logicalId(),
          meta,
          target,
          target.id().value().orElse(String.valueOf(i)),
          schedule ? TriggerKind.SCHEDULE : TriggerKind.EVENTBRIDGE,
          state);
    }
  }

  static void schedule(MappingContext ctx, TemplateResource r, Props p) {
    ResourceMeta meta = ctx.meta(r, p);
    Props t = p.sub("Target");
    EventRule.Target target =
        new EventRule.Target(
            Attr.defaulted("Target", p.at("Target")),
            ctx.functionRef(t.ref("Arn")),
            t.sub("DeadLetterConfig").ref("Arn"),
            t.sub("RetryPolicy").integer("MaximumRetryAttempts"),
            p.at("Target"));
    Attr<String> state = p.str("State", "ENABLED");
    ctx.add(
        new EventRule(
            meta, Attr.absent(r.location()), p.str("ScheduleExpression"), state, List.of(target)));
    triggerFor(ctx, r.logicalId(), meta, target, "Target", TriggerKind.SCHEDULE, state);
  }

  /** A trigger for a rule or schedule target that is a function: {@code <Rule>#<TargetId>}. */
  private static void triggerFor(
      MappingContext ctx,
      String ruleId,
      ResourceMeta ruleMeta,
      EventRule.Target target,
      String targetId,
      TriggerKind kind,
      Attr<String> state) {
    if (!ctx.isFunction(target.arn())) {
      return;
    }
    ctx.add(
        new Trigger(
            MappingContext.generated(
                ruleId + "#" + targetId, ruleMeta.type() + ".Target", target.location(), ruleMeta),
            kind,
            target.arn(),
            Attr.defaulted(Ref.to(ruleId), target.location()),
            target.deadLetterQueue(),
            target.maximumRetryAttempts(),
            state.map(s -> !s.equalsIgnoreCase("DISABLED")),
            Attr.absent(target.location())));
  }
}
