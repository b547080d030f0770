package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One statement of an IAM policy.
 *
 * @param sid the Sid, absent when not given
 * @param effect {@code Allow} or {@code Deny}
 * @param actions {@code Action} or, when {@code notAction}, {@code NotAction}
 * @param resources {@code Resource} or, when {@code notResource}, {@code NotResource}
 * @param principals {@code Principal} (or {@code NotPrincipal}); empty for identity policies
 * @param conditions the {@code Condition} block, flattened; {@code conditionsKnown} is false when
 *     the block could not be fully resolved
 * @param onlyIf the unresolved condition name when the statement applies only in one branch of an
 *     {@code Fn::If}, else null
 */
public record Statement(
    Attr<String> sid,
    Attr<String> effect,
    List<Attr<String>> actions,
    boolean notAction,
    List<Attr<String>> resources,
    boolean notResource,
    List<Principal> principals,
    boolean notPrincipal,
    List<Condition> conditions,
    boolean conditionsKnown,
    @Nullable String onlyIf,
    SourceLocation location) {

  public Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    principals = List.copyOf(principals);
    conditions = List.copyOf(conditions);
  }

  /** Definitely Allow. */
  public boolean isAllow() {
    return effect.is(e -> e.equalsIgnoreCase("Allow"));
  }

  public boolean isDeny() {
    return effect.is(e -> e.equalsIgnoreCase("Deny"));
  }

  /** True when there is no condition at all (known). */
  public boolean isUnconditional() {
    return conditionsKnown && conditions.isEmpty();
  }

  /** True when some resource is definitely {@code *} (and this is not a NotResource). */
  public boolean appliesToAllResources() {
    if (notResource) {
      return false;
    }
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).isEqualTo("*")) {
        return true;
      }
    }
    return false;
  }

  /** True when some principal is definitely everyone ({@code "*"} or {@code {AWS: "*"}}). */
  public boolean hasPublicPrincipal() {
    return !notPrincipal && principals.stream().anyMatch(Principal::isEveryone);
  }

  /** Conditions whose key matches one of {@code keys} (case-insensitive). */
  public List<Condition> conditionsOn(String... keys) {
    List<Condition> out = new ArrayList<>();
    for (Condition c : conditions) {
      for (String k : keys) {
        if (c.key().equalsIgnoreCase(k)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** An Allow statement for built-in policies. */
  public static Statement allow(List<String> actions, List<String> resources, SourceLocation at) {
    return new Statement(
        Attr.absent(at),
        Attr.defaulted("Allow", at),
        actions.stream().map(a -> Attr.defaulted(a, at)).toList(),
        false,
        resources.stream().map(r -> Attr.defaulted(r, at)).toList(),
        false,
        List.of(),
        false,
        List.of(),
        true,
        null,
        at);
  }

  /** Reads one statement map; used by {@link PolicyDocument#parse}. */
  static Statement parse(Node.MapNode m, @Nullable String onlyIf) {
    SourceLocation at = m.location();
    Node sidNode = m.get("Sid");
    Attr<String> sid = sidNode == null ? Attr.absent(at) : single(sidNode);
    Node effectNode = m.get("Effect");
    Attr<String> effect = effectNode == null ? Attr.absent(at) : single(effectNode);
    boolean notAction = m.get("Action") == null && m.get("NotAction") != null;
    List<Attr<String>> actions =
        PolicyDocument.strings(m.get(notAction ? "NotAction" : "Action"));
    boolean notResource = m.get("Resource") == null && m.get("NotResource") != null;
    List<Attr<String>> resources =
        PolicyDocument.strings(m.get(notResource ? "NotResource" : "Resource"));
    boolean notPrincipal = m.get("Principal") == null && m.get("NotPrincipal") != null;
    List<Principal> principals =
        Principal.parse(m.get(notPrincipal ? "NotPrincipal" : "Principal"));
    List<Condition> conditions = new ArrayList<>();
    boolean conditionsKnown = true;
    Node cond = m.get("Condition");
    if (cond != null) {
      if (cond instanceof Node.MapNode cm) {
        for (Map.Entry<String, Node> op : cm.entries().entrySet()) {
          if (op.getValue() instanceof Node.MapNode keys) {
            for (Map.Entry<String, Node> k : keys.entries().entrySet()) {
              List<Attr<String>> values = PolicyDocument.strings(k.getValue());
              conditions.add(
                  new Condition(op.getKey(), k.getKey(), values, keys.keyLocation(k.getKey())));
              conditionsKnown &= values.stream().allMatch(Attr::isKnown);
            }
          } else {
            conditionsKnown = false;
          }
        }
      } else {
        conditionsKnown = false;
      }
    }
    return new Statement(
        sid,
        effect,
        actions,
        notAction,
        resources,
        notResource,
        principals,
        notPrincipal,
        conditions,
        conditionsKnown,
        onlyIf,
        at);
  }

  private static Attr<String> single(Node n) {
    List<Attr<String>> s = PolicyDocument.strings(n);
    return s.size() == 1 ? s.get(0) : Attr.unknown(n);
  }

  /** A principal entry. {@code kind} is AWS, Service, Federated, CanonicalUser, or * . */
  public record Principal(String kind, Attr<String> value) {

    /** Definitely everyone: {@code "*"} or {@code {"AWS": "*"}}. */
    public boolean isEveryone() {
      return (kind.equals("*") || kind.equals("AWS")) && value.isEqualTo("*");
    }

    /** Definitely a service principal whose name matches. */
    public boolean isService(String serviceHost) {
      return kind.equals("Service")
          && value.is(v -> v.toLowerCase(Locale.ROOT).equals(serviceHost));
    }

    static List<Principal> parse(@Nullable Node n) {
      List<Principal> out = new ArrayList<>();
      if (n == null) {
        return out;
      }
      if (n instanceof Node.Scalar s && s.value() != null) {
        out.add(new Principal("*", Attr.of(s.value(), s.location())));
      } else if (n instanceof Node.MapNode m) {
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
          for (Attr<String> v : PolicyDocument.strings(e.getValue())) {
            out.add(new Principal(e.getKey(), v));
          }
        }
      } else {
        out.add(new Principal("?", Attr.unknown(n)));
      }
      return out;
    }
  }

  /**
   * One condition test: {@code operator} ({@code StringEquals}, {@code ArnLike}, …), {@code key}
   * ({@code aws:SourceArn}), values.
   */
  public record Condition(
      String operator, String key, List<Attr<String>> values, SourceLocation location) {
    public Condition {
      values = List.copyOf(values);
    }
  }
}
