package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Trigger;
import dev.bulwark.model.TriggerKind;
import java.util.Map;

/**
 * Other services that invoke functions: load balancer target groups, Cognito user pool triggers,
 * IoT topic rules and EventBridge pipes. The resource itself is kept; each function it invokes
 * becomes a trigger {@code <Resource>#<what>}.
 */
final class InvokerMapper {

  private InvokerMapper() {}

  /** A target group of type {@code lambda}: the load balancer invokes its target functions. */
  static void targetGroup(MappingContext ctx, TemplateResource r, Props p) {
    ModelMapper.other(ctx, r, p);
    if (!p.str("TargetType").isEqualTo("lambda")) {
      return;
    }
    ResourceMeta meta = ctx.meta(r, p);
    int i = 0;
    for (Node t : p.items("Targets")) {
      Attr<Ref> fn = ctx.functionRef(p.subOf(t, "Targets").ref("Id"));
      trigger(ctx, meta, r.logicalId() + "#Target" + i++, TriggerKind.ALB, fn, t.location());
    }
  }

  /** A user pool's {@code LambdaConfig}: each configured trigger invokes its function. */
  static void userPool(MappingContext ctx, TemplateResource r, Props p) {
    ModelMapper.other(ctx, r, p);
    ResourceMeta meta = ctx.meta(r, p);
    Props config = p.sub("LambdaConfig");
    for (Map.Entry<String, Node> e : config.map().entries().entrySet()) {
      Node v = e.getValue();
      Node fnNode = v;
      if (v instanceof Node.MapNode m) {
        fnNode = m.get("LambdaArn");
        if (fnNode == null) {
          continue;
        }
      }
      Attr<Ref> fn = ctx.functionRef(config.ref(fnNode, "LambdaConfig." + e.getKey()));
      if (!e.getKey().equals("KMSKeyID")) {
        trigger(ctx, meta, r.logicalId() + "#" + e.getKey(), TriggerKind.COGNITO, fn, v.location());
      }
    }
  }

  /** A topic rule's {@code Lambda} actions (and error action). */
  static void topicRule(MappingContext ctx, TemplateResource r, Props p) {
    ModelMapper.other(ctx, r, p);
    ResourceMeta meta = ctx.meta(r, p);
    Props payload = p.sub("TopicRulePayload");
    int i = 0;
    for (Node a : payload.items("Actions")) {
      Props lambda = payload.subOf(a, "Actions").sub("Lambda");
      if (lambda.has("FunctionArn")) {
        trigger(
            ctx,
            meta,
            r.logicalId() + "#Action" + i,
            TriggerKind.IOT,
            ctx.functionRef(lambda.ref("FunctionArn")),
            a.location());
      }
      i++;
    }
  }

  /**
   * An EventBridge pipe: it reads its source and invokes its enrichment and target functions
   * synchronously on the source's behalf.
   */
  static void pipe(MappingContext ctx, TemplateResource r, Props p) {
    ModelMapper.other(ctx, r, p);
    ResourceMeta meta = ctx.meta(r, p);
    for (String key : new String[] {"Enrichment", "Target"}) {
      if (p.has(key)) {
        trigger(
            ctx,
            meta,
            r.logicalId() + "#" + key,
            TriggerKind.OTHER,
            ctx.functionRef(p.ref(key)),
            p.at(key));
      }
    }
  }

  private static void trigger(
      MappingContext ctx,
      ResourceMeta owner,
      String id,
      TriggerKind kind,
      Attr<Ref> fn,
      SourceLocation at) {
    if (!ctx.isFunction(fn)) {
      return;
    }
    ctx.add(
        new Trigger(
            MappingContext.generated(id, owner.type() + ".Lambda", at, owner),
            kind,
            fn,
            Attr.defaulted(Ref.to(owner.id()), at),
            Attr.absent(at),
            Attr.absent(at),
            Attr.defaulted(true, at),
            Attr.absent(at)));
  }
}
