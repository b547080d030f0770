package dev.bulwark.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which policy conditions really narrow who may call. Used by every "open to everyone" judgement
 * (function permissions, API, queue, topic, bus, bucket and key policies) so they agree.
 *
 * <p>For an {@code Allow}, a condition restricts only when its key identifies the caller or the
 * request's origin (network, organization, account, source ARN), its operator is a positive test
 * ({@code StringEquals}, {@code ArnLike}, {@code IpAddress}, …) and its values cannot be met by
 * anyone ({@code *}, {@code 0.0.0.0/0}, an ARN in any account). Negated operators, {@code
 * …IfExists}, {@code Null} and {@code ForAllValues:} do not restrict an Allow: each can be
 * satisfied by a caller who simply lacks the key. Spoofable keys ({@code aws:Referer}, {@code
 * aws:UserAgent}) never restrict.
 *
 * <p>For a {@code Deny} to everyone, a condition on one of those keys (typically negated:
 * {@code NotIpAddress aws:SourceIp}) turns callers outside away.
 */
public final class PolicyConditions {

  /** Keys that identify the caller or where the request comes from. */
  public static final Set<String> RESTRICTING_KEYS =
      Set.of(
          "aws:sourceip",
          "aws:sourcevpc",
          "aws:sourcevpce",
          "aws:vpcsourceip",
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalaccount",
          "aws:principalarn",
          "aws:principalservicename",
          "aws:userid",
          "aws:sourcearn",
          "aws:sourceaccount",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "aws:sourceowner",
          "sts:externalid",
          "kms:calleraccount",
          "kms:viaservice",
          "s3:dataaccesspointaccount",
          "s3:dataaccesspointarn");

  private static final Set<String> ANY_NETWORK = Set.of("0.0.0.0/0", "::/0");

  private PolicyConditions() {}

  /**
   * True when some condition of an Allow narrows who may call, or the condition block could not
   * be read. A condition whose value is unresolved still restricts when its key and operator
   * would; one whose operator or key never restricts does not, whatever its value.
   */
  public static boolean restrictsCaller(Statement s) {
    boolean valuesKnown =
        s.conditions().stream().allMatch(c -> c.values().stream().allMatch(Attr::isKnown));
    if (!s.conditionsKnown() && valuesKnown) {
      return true; // the block itself, not a value, is unresolved
    }
    for (Statement.Condition c : s.conditions()) {
      if (restricts(c)) {
        return true;
      }
    }
    return false;
  }

  /** True when this one condition, in an Allow, narrows the caller or the request's origin. */
  public static boolean restricts(Statement.Condition c) {
    String key = c.key().toLowerCase(Locale.ROOT);
    String op = c.operator().toLowerCase(Locale.ROOT);
    if (!RESTRICTING_KEYS.contains(key)
        || op.startsWith("forallvalues:")
        || op.contains("not")
        || op.endsWith("ifexists")
        || op.equals("null")) {
      return false;
    }
    boolean wildcards = op.contains("like") || op.replace("foranyvalue:", "").startsWith("arn");
    for (Attr<String> v : c.values()) {
      if (v.is(value -> matchesAnyone(key, value, wildcards))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a Deny statement's conditions turn away callers by who or where they are (any
   * operator on a restricting key), or cannot be read.
   */
  public static boolean denyTargetsCaller(Statement s) {
    if (!s.conditionsKnown()) {
      return true;
    }
    for (Statement.Condition c : s.conditions()) {
      if (RESTRICTING_KEYS.contains(c.key().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A value any caller can satisfy: {@code *}, any network, an ARN in any account. */
  private static boolean matchesAnyone(String key, String value, boolean wildcards) {
    if (key.equals("aws:sourceip")) {
      return ANY_NETWORK.contains(value);
    }
    if (!wildcards) {
      return false;
    }
    if (value.equals("*")) {
      return true;
    }
    if (key.equals("aws:sourcearn") || key.equals("aws:principalarn")) {
      // arn:partition:service:region:account:resource; S3 ARNs carry no account
      List<String> parts = arnParts(value);
      return parts.size() == 6
          && (parts.get(4).equals("*") || parts.get(4).isEmpty() && parts.get(5).startsWith("*"));
    }
    return false;
  }

  /** The six colon-separated fields of an ARN (the last keeps its colons), or fewer. */
  private static List<String> arnParts(String arn) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    while (parts.size() < 5) {
      int colon = arn.indexOf(':', from);
      if (colon < 0) {
        break;
      }
      parts.add(arn.substring(from, colon));
      from = colon + 1;
    }
    parts.add(arn.substring(from));
    return parts;
  }
}
