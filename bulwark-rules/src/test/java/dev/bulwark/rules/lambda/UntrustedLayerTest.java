package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.CloudModel;
import dev.bulwark.rules.RuleSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UntrustedLayerTest {

  private static final String EXTENSION = "AWS-Parameters-and-Secrets-Lambda-Extension:11";

  private final CloudModel model = model(function("Scraper", 10)
      .layer("arn:aws:lambda:eu-west-1:764866452798:layer:chrome-aws-lambda:31", 15)
      .layer("arn:aws:lambda:eu-west-1:764866452798:layer:chrome-aws-lambda:32", 16)
      .layer("arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3:7", 17)
      .layer("arn:aws:lambda:eu-west-1:210987654321:layer:company-logging:4", 18)
      .build());

  @Test
  void reportsEachLayerOfAnUnknownPublisherAtItsLineKeyedByAccountAndName() {
    List<Finding> found = run(new UntrustedLayer(), model);

    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(15, 16, 18);
    assertThat(found.get(0).key()).isEqualTo("764866452798:chrome-aws-lambda");
    assertThat(found.get(0).message()).isEqualTo("Function Scraper: layer"
        + " arn:aws:lambda:eu-west-1:764866452798:layer:chrome-aws-lambda:31 is published by"
        + " account 764866452798, which is neither this stack's, a trusted account nor a known"
        + " publisher");
  }

  @Test
  void trustsTheAccountsOfTheSettings() {
    RuleSettings settings =
        RuleSettings.builder().trustedAccounts(Set.of("210987654321", "764866452798")).build();

    assertThat(run(new UntrustedLayer(), model, settings)).isEmpty();
  }

  @Test
  void trustsEveryRegionalAccountOfTheParametersAndSecretsExtension() {
    CloudModel m = model(function("Reader", 10)
        .layer("arn:aws:lambda:us-east-1:177933569100:layer:" + EXTENSION, 12)
        .layer("arn:aws:lambda:eu-west-1:015030872274:layer:" + EXTENSION, 13)
        .build());

    assertThat(run(new UntrustedLayer(), m)).isEmpty();
  }
}
