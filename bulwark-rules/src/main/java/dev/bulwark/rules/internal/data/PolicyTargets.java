package dev.bulwark.rules.internal.data;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import java.util.ArrayList;
import java.util.List;

/** Names for the resources a separate resource policy applies to, for messages. */
public final class PolicyTargets {

  private PolicyTargets() {}

  /**
   * {@code OrdersQueue, ${ImportedQueueUrl}}: model ids where known, else the value's shape;
   * {@code whenNone} when the policy names no target (an event bus policy without {@code
   * EventBusName} applies to the default bus).
   */
  public static String describe(ResourcePolicy policy, String whenNone) {
    List<String> names = new ArrayList<>();
    for (Attr<Ref> target : policy.targets()) {
      names.add(target.value().flatMap(Ref::resourceId).orElse(target.shape()));
    }
    return names.isEmpty() ? whenNone : String.join(", ", names);
  }
}
