package dev.bulwark.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrincipalsTest {

  @Test
  void recognisesServicePrincipalsOnly() {
    assertThat(Principals.isService("s3.amazonaws.com")).isTrue();
    assertThat(Principals.isService("alexa-appkit.amazon.com")).isTrue();
    assertThat(Principals.isService("*")).isFalse();
    assertThat(Principals.isService("111122223333")).isFalse();
    assertThat(Principals.isService("arn:aws:iam::111122223333:root")).isFalse();
    assertThat(Principals.serviceName("elasticloadbalancing.amazonaws.com"))
        .isEqualTo("elasticloadbalancing");
  }

  @Test
  void readsTheAccountOfAccountPrincipals() {
    assertThat(Principals.accountOf("111122223333")).contains("111122223333");
    assertThat(Principals.accountOf("arn:aws:iam::111122223333:root")).contains("111122223333");
    assertThat(Principals.accountOf("arn:aws-us-gov:iam::111122223333:role/ci"))
        .contains("111122223333");
    assertThat(Principals.accountOf("arn:aws:sts::111122223333:assumed-role/x/y")).isEmpty();
    assertThat(Principals.accountOf("11112222333")).isEmpty();
    assertThat(Principals.accountOf("*")).isEmpty();
    assertThat(Principals.accountOf("sns.amazonaws.com")).isEmpty();
  }
}
