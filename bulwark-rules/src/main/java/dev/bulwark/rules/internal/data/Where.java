package dev.bulwark.rules.internal.data;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Resource;

/**
 * Where a finding about one attribute points: at the attribute when it is written in the source,
 * else at the resource. A service default or a missing setting has no line of its own, and the
 * place an adapter parks it (an enclosing property, a generated resource's origin) means less to
 * the reader than the resource that lacks it.
 *
 * <pre>{@code
 * findings.report(stage, Where.of(stage, stage.tracing()), "… has X-Ray tracing disabled");
 * }</pre>
 */
public final class Where {

  private Where() {}

  public static SourceLocation of(Resource resource, Attr<?> attr) {
    return attr.isExplicit() && attr.location().hasLine() ? attr.location() : resource.location();
  }
}
