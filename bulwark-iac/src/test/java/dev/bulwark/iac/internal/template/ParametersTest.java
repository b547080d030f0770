package dev.bulwark.iac.internal.template;

import static dev.bulwark.iac.internal.template.Fixtures.prop;
import static dev.bulwark.iac.internal.template.Fixtures.scalar;
import static dev.bulwark.iac.internal.template.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void defaultsAreUsedWithTheirType() {
    Template t = Fixtures.template("parameters/parameters.yaml");
    assertThat(scalar(prop(t, "Fn", "Name"))).isEqualTo("orders");
    assertThat(((Node.Scalar) prop(t, "Fn", "Memory")).kind()).isEqualTo(Node.Scalar.Kind.NUMBER);
    assertThat(scalar(prop(t, "Fn", "Memory"))).isEqualTo("512");
    assertThat(scalar(prop(t, "Fn", "Empty"))).isEmpty();
  }

  @Test
  void listTypesAreSplitAndTrimmed() {
    Template t = Fixtures.template("parameters/parameters.yaml");
    assertThat(texts(prop(t, "Fn", "Subnets"))).containsExactly("subnet-1", "subnet-2");
    assertThat(texts(prop(t, "Fn", "Cidrs"))).containsExactly("10.0.0.0/8", "172.16.0.0/12");
  }

  @Test
  void givenValuesOverrideDefaults() {
    Template t =
        Fixtures.template(
            "parameters/parameters.yaml",
            Map.of("Name", "payments", "Subnets", "subnet-9", "Secret", "s3cr3t-value"));
    assertThat(scalar(prop(t, "Fn", "Name"))).isEqualTo("payments");
    assertThat(texts(prop(t, "Fn", "Subnets"))).containsExactly("subnet-9");
    assertThat(scalar(prop(t, "Fn", "Secret"))).isEqualTo("s3cr3t-value");
  }

  @Test
  void aParameterWithoutDefaultOrValueIsUnknownWithAReason() {
    Node secret = prop(Fixtures.template("parameters/parameters.yaml"), "Fn", "Secret");
    assertThat(secret).isInstanceOfSatisfying(Node.Unknown.class, u -> {
      assertThat(u.name()).isEqualTo("Secret");
      assertThat(u.reason()).isEqualTo("parameter Secret has no default and no value was given");
    });
  }

  @Test
  void ssmParametersAreUnknownBecauseTheirValueLivesInSsm() {
    Node ami = prop(Fixtures.template("parameters/parameters.yaml"), "Fn", "Ami");
    assertThat(ami).isInstanceOfSatisfying(Node.Unknown.class,
        u -> assertThat(u.reason()).contains("/aws/service/ami-amazon-linux-latest"));
  }

  @Test
  void aParameterValueIsLocatedWhereItIsUsed() {
    Template t = Fixtures.template("parameters/parameters.yaml");
    assertThat(prop(t, "Fn", "Name").location().startLine()).isEqualTo(28);
    assertThat(((Node.ListNode) prop(t, "Fn", "Subnets")).items().get(1).location().startLine())
        .isEqualTo(30);
  }

  @Test
  void pseudoParametersHaveDefaultsOnlyForPartitionAndUrlSuffix() {
    TemplateReader.Result r = Fixtures.result("parameters/parameters.yaml");
    Template t = r.template();
    assertThat(scalar(prop(t, "Fn", "Partition"))).isEqualTo("aws");
    assertThat(scalar(prop(t, "Fn", "UrlSuffix"))).isEqualTo("amazonaws.com");
    for (String key : new String[] {"Region", "Account", "StackName", "StackId", "Notify"}) {
      assertThat(prop(t, "Fn", key)).as(key).isInstanceOfSatisfying(Node.Unknown.class,
          u -> assertThat(u.reason()).contains("known only at deploy time"));
    }
    assertThat(Fixtures.describe(r.errors()))
        .containsExactly("42 INVALID AWS::Nothing is not a pseudo parameter");
  }

  @Test
  void pseudoParametersCanBeGivenAndTheRegionSetsThePartition() {
    Template t =
        Fixtures.template(
            "parameters/parameters.yaml",
            Map.of("AWS::Region", "us-gov-west-1", "AWS::AccountId", "111122223333",
                "AWS::StackName", "orders", "AWS::NotificationARNs", "arn:a,arn:b"));
    assertThat(scalar(prop(t, "Fn", "Region"))).isEqualTo("us-gov-west-1");
    assertThat(scalar(prop(t, "Fn", "Partition"))).isEqualTo("aws-us-gov");
    assertThat(scalar(prop(t, "Fn", "Account"))).isEqualTo("111122223333");
    assertThat(scalar(prop(t, "Fn", "StackName"))).isEqualTo("orders");
    assertThat(texts(prop(t, "Fn", "Notify"))).containsExactly("arn:a", "arn:b");
    Template china = Fixtures.template("parameters/parameters.yaml", Map.of("AWS::Region", "cn-north-1"));
    assertThat(scalar(prop(china, "Fn", "UrlSuffix"))).isEqualTo("amazonaws.com.cn");
  }
}
