package dev.bulwark.rules.internal.data;

import dev.bulwark.model.Attr;
import dev.bulwark.model.IamActions;
import dev.bulwark.model.PolicyConditions;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a resource policy (queue, topic, bucket, event bus, key policy) that let
 * everyone in: a definite {@code Allow} to principal {@code *} (or to everyone but a {@code
 * NotPrincipal} list) with no condition that restricts who may call.
 *
 * <p>A condition restricts only when it narrows the caller or the request's origin (account,
 * organization, source ARN, network, KMS calling service) with a positive operator and a
 * concrete value. These do <em>not</em> restrict: negated operators ({@code StringNotEquals}
 * lets everyone else in), {@code …IfExists} and {@code Null} (pass when the key is missing),
 * {@code ForAllValues:} (passes vacuously on a single-valued key), the value {@code *} or an ARN
 * in any account ({@code arn:aws:sns:*:*:alerts}, which an attacker can create in their own
 * account) under a wildcard operator, and {@code aws:SourceIp} {@code 0.0.0.0/0} or {@code ::/0}.
 * Conditions that could not be resolved count as restricting, so nothing is concluded from an
 * unknown.
 *
 * <pre>{@code
 * for (PublicStatements.Open open : PublicStatements.of(key.policy())) {
 *   findings.on(key).at(open.statement().location()).key(open.key())
 *       .report("Key " + key.id() + ": " + open.label() + " allows " + open.actions());
 * }
 * }</pre>
 */
public final class PublicStatements {

  private static final int MAX_ACTIONS_SHOWN = 3;

  /**
   * One open statement.
   *
   * @param statement the statement
   * @param index its 1-based position in the document
   */
  public record Open(Statement statement, int index) {

    /** {@code statement 'AllowAll'}, or {@code statement #2} when it has no Sid. */
    public String label() {
      return statement.sid().value().map(s -> "statement '" + s + "'")
          .orElse("statement #" + index);
    }

    /** A stable finding key: the Sid, or {@code #index}. */
    public String key() {
      return statement.sid().value().orElse("#" + index);
    }

    /** The granted actions for messages: {@code sqs:SendMessage, sqs:ReceiveMessage}. */
    public String actions() {
      List<String> shown = new ArrayList<>();
      for (Attr<String> a : statement.actions()) {
        if (shown.size() == MAX_ACTIONS_SHOWN) {
          shown.add("…");
          break;
        }
        shown.add(a.shape());
      }
      String list = shown.isEmpty() ? "no action" : String.join(", ", shown);
      return statement.notAction() ? "every action except " + list : list;
    }

    /**
     * True when the statement definitely grants {@code concreteAction} ({@code s3:PutObject}):
     * some action pattern certainly matches it, or a NotAction list certainly leaves it out.
     */
    public boolean grants(String concreteAction) {
      return PublicStatements.grants(statement, concreteAction);
    }
  }

  /**
   * True when the statement's action list definitely covers {@code concreteAction}: some action
   * pattern certainly matches it, or a NotAction list certainly leaves it out. The effect is not
   * looked at.
   */
  public static boolean grants(Statement statement, String concreteAction) {
    if (statement.notAction()) {
      return statement.actions().stream()
          .allMatch(a -> a.is(p -> !IamActions.matches(p, concreteAction)));
    }
    return statement.actions().stream()
        .anyMatch(a -> a.is(p -> IamActions.matches(p, concreteAction)));
  }

  private PublicStatements() {}

  /** Open statements of a policy attribute; none when the policy is absent or unknown. */
  public static List<Open> of(Attr<PolicyDocument> policy) {
    List<Open> out = new ArrayList<>();
    if (policy.isPresent()) {
      for (PolicyDocument doc : policy.values()) {
        out.addAll(of(doc));
      }
    }
    return out;
  }

  /** Open statements of a document, in order. */
  public static List<Open> of(PolicyDocument doc) {
    List<Open> out = new ArrayList<>();
    List<Statement> all = doc.statements();
    for (int i = 0; i < all.size(); i++) {
      Statement s = all.get(i);
      if (s.onlyIf() == null && isOpen(s)) {
        out.add(new Open(s, i + 1));
      }
    }
    return out;
  }

  /** A definite Allow to everyone without a restricting condition. */
  public static boolean isOpen(Statement s) {
    return s.isAllow() && toEveryone(s) && !restrictsCaller(s);
  }

  /** Principal {@code *} / {@code {AWS: *}}, or an Allow to everyone but a NotPrincipal list. */
  public static boolean toEveryone(Statement s) {
    if (s.notPrincipal()) {
      return s.principals().stream().allMatch(p -> p.value().isKnown());
    }
    return s.hasPublicPrincipal();
  }

  /** True when some condition narrows who may call (see {@link PolicyConditions}). */
  public static boolean restrictsCaller(Statement s) {
    return PolicyConditions.restrictsCaller(s);
  }

  /** True when this one condition narrows the caller or the request's origin. */
  public static boolean restricts(Statement.Condition c) {
    return PolicyConditions.restricts(c);
  }
}
