package dev.bulwark.rules.support;

import dev.bulwark.model.IamActions;
import dev.bulwark.model.RoleCapabilities;
import dev.bulwark.model.RoleCapabilities.Escalation;
import dev.bulwark.model.RoleCapabilities.Grant;
import java.util.List;
import java.util.Locale;

/**
 * The escalation paths IAM-004 reports: those that can take effect (a grant whose every resource
 * is an ARN of another service than the escalating action's, {@code iam:*} on an SQS queue,
 * allows nothing of it), in roles that are not admin or near-admin (IAM-001's). The other IAM
 * rules leave these grants to IAM-004, so that one grant gives one finding.
 *
 * <pre>{@code
 * List<Grant> owned = Escalations.grants(RoleCapabilities.of(model, role));
 * }</pre>
 */
public final class Escalations {

  private Escalations() {}

  /** The role's escalation paths that IAM-004 reports. */
  public static List<Escalation> of(RoleCapabilities caps) {
    if (caps.isAdmin() || caps.nearAdmin().isPresent()) {
      return List.of();
    }
    return caps.escalationPaths().stream().filter(e -> mayApply(e.grant(), e.action())).toList();
  }

  /** The grants of {@link #of}. */
  public static List<Grant> grants(RoleCapabilities caps) {
    return of(caps).stream().map(Escalation::grant).distinct().toList();
  }

  /**
   * False when every resource of the grant is an ARN of a service other than the action's
   * ({@code arn:aws:sqs:…} for {@code iam:PutRolePolicy}); NotResource grants may apply.
   */
  static boolean mayApply(Grant g, String action) {
    if (g.statement().notResource()) {
      return true;
    }
    String service = IamActions.service(action);
    for (String r : g.resources()) {
      if (!r.startsWith("arn:")) {
        return true;
      }
      List<String> parts = IamActions.arnParts(r);
      String of = parts.size() > 2 ? parts.get(2).toLowerCase(Locale.ROOT) : "";
      if (of.isEmpty() || of.contains("*") || of.contains("${") || of.equals(service)
          || service.equals("sts") && of.equals("iam")) {
        return true;
      }
    }
    return false;
  }
}
