package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Permission;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.support.Refs;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "LAMBDA-004",
    title = "Function permission grants actions other than invoke",
    severity = Severity.HIGH,
    remediation = "Grant only lambda:InvokeFunction (or lambda:InvokeFunctionUrl) in function permissions.",
    tags = {"exposure", "resource-policy"})
public final class PermissionBeyondInvoke implements Rule {

  private static final Set<String> INVOKE =
      Set.of("lambda:invokefunction", "lambda:invokefunctionurl", "lambda:invokeasync");

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Permission p : model.permissions()) {
      if (!p.action().is(a -> !INVOKE.contains(a.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      String action = p.action().shape();
      findings.on(p).at(p.action())
          .severity(p.principal().isEqualTo("*") ? Severity.CRITICAL : Severity.HIGH)
          .report("Permission " + p.id() + " lets principal " + p.principal().shape() + " call "
              + action + " on function " + Refs.name(p.function()) + effect(action));
    }
  }

  private static String effect(String action) {
    String a = action.toLowerCase(Locale.ROOT);
    if (a.equals("*") || a.equals("lambda:*")) {
      return ": it can replace the function's code, read its environment and change its"
          + " permissions";
    }
    if (a.startsWith("lambda:updatefunction") || a.equals("lambda:publishversion")) {
      return ": it can change what the function runs";
    }
    if (a.equals("lambda:getfunction") || a.equals("lambda:getfunctionconfiguration")) {
      return ": it can read the function's environment" + (a.equals("lambda:getfunction")
          ? " and download its code" : "");
    }
    if (a.contains("permission") || a.contains("policy")) {
      return ": it can change who may invoke the function";
    }
    return "";
  }
}
