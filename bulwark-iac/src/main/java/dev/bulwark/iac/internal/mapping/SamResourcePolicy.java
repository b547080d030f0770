package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A SAM API's {@code Auth.ResourcePolicy} as the statements SAM writes into the API's policy:
 * custom statements verbatim; account, IP range and VPC allow-lists as Allow statements limited to
 * those callers; deny-lists as an Allow for everyone plus a Deny for the listed callers.
 */
final class SamResourcePolicy {

  private static final String INVOKE = "execute-api:Invoke";

  private SamResourcePolicy() {}

  static List<Statement> statements(Props rp, String resource) {
    List<Statement> out = new ArrayList<>();
    if (rp.isUnknown()) {
      return out;
    }
    Node custom = rp.node("CustomStatements");
    if (custom != null) {
      out.addAll(
          PolicyDocument.parse(
                  custom instanceof Node.ListNode
                      ? custom
                      : new Node.ListNode(List.of(custom), custom.location()))
              .statements());
    }
    accounts(rp, "AwsAccountWhitelist", "Allow", resource, out);
    accounts(rp, "AwsAccountBlacklist", "Deny", resource, out);
    condition(rp, "IpRangeWhitelist", "IpAddress", "aws:SourceIp", true, resource, out);
    condition(rp, "IpRangeBlacklist", "IpAddress", "aws:SourceIp", false, resource, out);
    vpcs(rp, "SourceVpcWhitelist", true, resource, out);
    vpcs(rp, "SourceVpcBlacklist", false, resource, out);
    condition(rp, "IntrinsicVpcWhitelist", "StringEquals", "aws:SourceVpc", true, resource, out);
    condition(rp, "IntrinsicVpcBlacklist", "StringEquals", "aws:SourceVpc", false, resource, out);
    condition(rp, "IntrinsicVpceWhitelist", "StringEquals", "aws:SourceVpce", true, resource, out);
    condition(rp, "IntrinsicVpceBlacklist", "StringEquals", "aws:SourceVpce", false, resource, out);
    return out;
  }

  private static void accounts(
      Props rp, String key, String effect, String resource, List<Statement> out) {
    if (!rp.has(key)) {
      return;
    }
    SourceLocation at = rp.keyLocation(key);
    List<Statement.Principal> principals = new ArrayList<>();
    for (Attr<String> a : rp.strings(key)) {
      principals.add(new Statement.Principal("AWS", a));
    }
    out.add(statement(effect, principals, List.of(), true, resource, at));
  }

  private static void condition(
      Props rp,
      String key,
      String operator,
      String conditionKey,
      boolean allowList,
      String resource,
      List<Statement> out) {
    if (!rp.has(key)) {
      return;
    }
    SourceLocation at = rp.keyLocation(key);
    List<Attr<String>> values = rp.strings(key);
    restrict(operator, conditionKey, values, allowList, resource, at, out);
  }

  /** {@code vpc-…} values restrict the source VPC, {@code vpce-…} values the VPC endpoint. */
  private static void vpcs(
      Props rp, String key, boolean allowList, String resource, List<Statement> out) {
    if (!rp.has(key)) {
      return;
    }
    SourceLocation at = rp.keyLocation(key);
    List<Attr<String>> vpc = new ArrayList<>();
    List<Attr<String>> vpce = new ArrayList<>();
    for (Attr<String> v : rp.strings(key)) {
      (v.is(s -> s.startsWith("vpce-")) ? vpce : vpc).add(v);
    }
    if (!vpc.isEmpty()) {
      restrict("StringEquals", "aws:SourceVpc", vpc, allowList, resource, at, out);
    }
    if (!vpce.isEmpty()) {
      restrict("StringEquals", "aws:SourceVpce", vpce, allowList, resource, at, out);
    }
  }

  private static void restrict(
      String operator,
      String conditionKey,
      List<Attr<String>> values,
      boolean allowList,
      String resource,
      SourceLocation at,
      List<Statement> out) {
    List<Statement.Principal> everyone =
        List.of(new Statement.Principal("AWS", Attr.defaulted("*", at)));
    boolean known = values.stream().allMatch(Attr::isKnown);
    List<Statement.Condition> condition =
        List.of(new Statement.Condition(operator, conditionKey, values, at));
    if (allowList) {
      out.add(statement("Allow", everyone, condition, known, resource, at));
    } else {
      out.add(statement("Allow", everyone, List.of(), true, resource, at));
      out.add(statement("Deny", everyone, condition, known, resource, at));
    }
  }

  private static Statement statement(
      String effect,
      List<Statement.Principal> principals,
      List<Statement.Condition> conditions,
      boolean conditionsKnown,
      String resource,
      SourceLocation at) {
    return new Statement(
        Attr.absent(at),
        Attr.defaulted(effect, at),
        List.of(Attr.defaulted(INVOKE, at)),
        false,
        List.of(Attr.defaulted(resource, at)),
        false,
        principals,
        false,
        conditions,
        conditionsKnown,
        null,
        at);
  }
}
