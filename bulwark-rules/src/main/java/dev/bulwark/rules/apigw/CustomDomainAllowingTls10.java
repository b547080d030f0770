package dev.bulwark.rules.apigw;

import dev.bulwark.core.Severity;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.DomainName;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/**
 * A custom domain whose security policy accepts TLS 1.0. {@code TLS_1_0} is what REST API domain
 * names get when {@code SecurityPolicy} is not set.
 */
@RuleInfo(
    id = "APIGW-006",
    title = "API custom domain accepts TLS 1.0",
    severity = Severity.MEDIUM,
    remediation = "Set the domain name's SecurityPolicy to TLS_1_2 or a newer security policy.",
    tags = {"api", "tls", "encryption-in-transit"})
public final class CustomDomainAllowingTls10 implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (DomainName domain : model.domainNames()) {
      Attr<String> policy = domain.securityPolicy();
      boolean restDefault = domain.kind() == ApiKind.REST && policy.isAbsent();
      if (restDefault || policy.is(p -> p.equalsIgnoreCase("TLS_1_0"))) {
        String how = policy.isExplicit() ? "security policy " : "default security policy ";
        findings.report(domain, Where.of(domain, policy), "Custom domain "
            + domain.domainName().shape() + " (" + domain.id() + "): " + how
            + "TLS_1_0 accepts clients that negotiate TLS 1.0");
      }
    }
  }
}
