package dev.bulwark.rules.support;

import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Role;
import java.util.List;

/**
 * How roles are named in messages: with the functions that run under them, since a function's
 * execution role is what an attacker inside the function gets.
 *
 * <pre>{@code
 * String who = Roles.describe(model, role); // "Role ApiRole (execution role of function Api)"
 * }</pre>
 */
public final class Roles {

  private Roles() {}

  /**
   * {@code Role R}, {@code Role R (execution role of function A)} or {@code Role R (execution
   * role of functions A, B)}.
   */
  public static String describe(CloudModel model, Role role) {
    List<String> fns = model.functionsWithRole(role).stream().map(Resource::id).toList();
    if (fns.isEmpty()) {
      return "Role " + role.id();
    }
    return "Role " + role.id() + " (execution role of function" + (fns.size() == 1 ? " " : "s ")
        + String.join(", ", fns) + ")";
  }

  /** True when some function of the model runs under the role. */
  public static boolean isExecutionRole(CloudModel model, Role role) {
    return !model.functionsWithRole(role).isEmpty();
  }

  /** The functions that run under the role, in source order. */
  public static List<Function> functionsOf(CloudModel model, Role role) {
    return model.functionsWithRole(role);
  }
}
