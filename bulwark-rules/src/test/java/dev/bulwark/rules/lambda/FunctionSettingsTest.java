package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Ref;
import dev.bulwark.rules.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LAMBDA-010, 011, 012, 015 and 017: settings of the function itself. */
class FunctionSettingsTest {

  @Test
  void vpcRuleIsOffByDefaultAndReportsMissingOrEmptyVpcConfig() {
    Function.VpcConfig empty = new Function.VpcConfig(List.of(), List.of());
    Function.VpcConfig attached = new Function.VpcConfig(
        List.of(Attr.of("subnet-0a1b2c3d", Models.at(33))), List.of());
    CloudModel m = model(
        function("Outside", 10).build(),
        function("Empty", 20).vpc(Attr.of(empty, Models.at(23))).build(),
        function("Inside", 30).vpc(Attr.of(attached, Models.at(32))).build(),
        function("Maybe", 40).vpc(Models.unknown(42, "${If InVpc ? {…} : ${AWS::NoValue}}"))
            .build());

    List<Finding> found = run(new FunctionOutsideVpc(), m);

    assertThat(RuleCatalog.metadata(FunctionOutsideVpc.class).enabledByDefault()).isFalse();
    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(10, 23);
    assertThat(found.get(1).message()).isEqualTo("Function Empty is not attached to a VPC: its"
        + " VpcConfig lists no subnets and no security groups");
  }

  @Test
  void reportsEachSecretVariableOnceWithoutPrintingTheSecret() {
    String password = "Tr0ub4dor-and-3";
    CloudModel m = model(function("Payment", 10)
        .env("STAGE", "prod", 14)
        .env("DB_PASSWORD", password, 15)
        .env("PARTNER_KEY_ID", "AKIAZ7QW3RT5YU6IOP2L", 16)
        .env("SECRET_NAME", "prod/payments/db-credentials", 17)
        .build());

    List<Finding> found = run(new SecretInEnvironment(), m);

    assertThat(found).extracting(Finding::key).containsExactly("DB_PASSWORD", "PARTNER_KEY_ID");
    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(15, 16);
    assertThat(found.get(0).message())
        .isEqualTo("Function Payment: environment variable DB_PASSWORD holds a literal password"
            + " (Tr0u****)")
        .doesNotContain(password);
    assertThat(found.get(1).message()).doesNotContain("AKIAZ7QW3RT5YU6IOP2L");
    assertThat(found).extracting(Finding::severity).containsOnly(Severity.HIGH);
  }

  @Test
  void ratesAnAwsSecretAccessKeyAsCritical() {
    CloudModel m = model(function("Exporter", 10)
        .env("PARTNER_AWS_SECRET_ACCESS_KEY", "q7Vt2LmX9pR4sW8nK1cB6zH3jF0dYgE5aUoTiQwN", 14)
        .build());

    assertThat(run(new SecretInEnvironment(), m)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.message()).endsWith("holds an AWS secret access key (q7Vt****)");
    });
  }

  @Test
  void customerKeyRuleRatesSecretsTheTemplateDoesNotWriteMedium() {
    CloudModel m = model(
        function("Settings", 10).env("BUCKET", "images", 14).env("LEVEL", "info", 15).build(),
        function("Database", 20).env("DB_HOST", "db.internal", 23)
            .env("DB_PASSWORD", Models.unknown(24, "${DbPassword}"), 24)
            .env("API_TOKEN", Attr.of("{{resolve:secretsmanager:partner:SecretString:token}}",
                Models.at(25)), 25).build(),
        function("Keyed", 30).env("DB_PASSWORD", Models.unknown(34, "${DbPassword}"), 34)
            .kmsKey(Attr.of(Ref.to("FunctionsKey"), Models.at(32))).build(),
        function("ByParameter", 40).env("DB_PASSWORD", Models.unknown(44, "${DbPassword}"), 44)
            .kmsKey(Models.unknown(42, "${EnvironmentKeyArn}")).build(),
        function("Pointers", 50)
            .env("DB_SECRET_ARN", Models.unknown(54, "${DbSecret}"), 54)
            .env("API_SECRET", Attr.unknown(Models.at(55), "${PartnerSecret}",
                List.of("PartnerSecret")), 55)
            .env("SIGNING_KEY", Models.unknown(56, "/${Stage}/signing-key"), 56).build(),
        function("Client", 60).env("CLIENT_SECRET", Attr.unknown(Models.at(64),
            "${WebClient.ClientSecret}", List.of("WebClient")), 64).build(),
        function("Bare", 70).build());

    List<Finding> found = run(new EnvironmentWithoutCustomerKey(), m);

    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(14, 24, 54, 64);
    assertThat(found).extracting(Finding::severity).containsExactly(
        Severity.LOW, Severity.MEDIUM, Severity.LOW, Severity.MEDIUM);
    assertThat(found.get(0).message()).isEqualTo("Function Settings: 2 environment variables"
        + " (BUCKET, …) encrypted only with the AWS managed key, no KmsKeyArn");
    found = found.subList(1, found.size()).stream()
        .filter(f -> f.severity() == Severity.MEDIUM).toList();
    assertThat(found.get(0).message()).isEqualTo("Function Database: environment variables"
        + " DB_PASSWORD (${DbPassword}) and 1 more hold secrets encrypted only with the AWS"
        + " managed key, no KmsKeyArn: anyone who can read the function's configuration reads"
        + " them in clear");
    assertThat(found.get(1).message()).startsWith("Function Client: environment variable"
        + " CLIENT_SECRET (${WebClient.ClientSecret}) holds a secret encrypted only");
  }

  @Test
  void concurrencyAndCodeSigningRulesReportOnlyDefinitelyMissingSettings() {
    CloudModel m = model(
        function("Bare", 10).build(),
        function("Set", 20).reservedConcurrency(Attr.of(0, Models.at(22)))
            .codeSigning(Attr.of(Ref.to("Signing"), Models.at(23))).build(),
        function("Param", 30).reservedConcurrency(Models.unknown(32, "${Concurrency}"))
            .codeSigning(Models.unknown(33, "${SigningConfigArn}")).build(),
        function("Image", 40).image().reservedConcurrency(Attr.of(5, Models.at(42))).build());

    assertThat(run(new UnreservedConcurrency(), m)).extracting(f -> f.resource().id())
        .containsExactly("Bare");
    assertThat(run(new UnsignedCode(), m)).extracting(f -> f.resource().id())
        .containsExactly("Bare");
  }
}
