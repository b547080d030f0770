package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** Statements SAM writes on the user's behalf (role policies, trust policies). */
final class Statements {

  private Statements() {}

  /** An Allow of {@code actions} (written by SAM, so defaulted) on {@code resources}. */
  static Statement allow(List<String> actions, List<Attr<String>> resources, SourceLocation at) {
    List<Attr<String>> a = new ArrayList<>();
    for (String action : actions) {
      a.add(Attr.defaulted(action, at));
    }
    return new Statement(
        Attr.absent(at),
        Attr.defaulted("Allow", at),
        a,
        false,
        resources,
        false,
        List.of(),
        false,
        List.of(),
        true,
        null,
        at);
  }

  static Statement allowAll(List<String> actions, SourceLocation at) {
    return allow(actions, List.of(Attr.defaulted("*", at)), at);
  }

  /** A trust policy letting one service assume the role. */
  static PolicyDocument trust(String service, SourceLocation at) {
    Statement s =
        new Statement(
            Attr.absent(at),
            Attr.defaulted("Allow", at),
            List.of(Attr.defaulted("sts:AssumeRole", at)),
            false,
            List.of(),
            false,
            List.of(new Statement.Principal("Service", Attr.defaulted(service, at))),
            false,
            List.of(),
            true,
            null,
            at);
    return PolicyDocument.of(List.of(s), at);
  }
}
