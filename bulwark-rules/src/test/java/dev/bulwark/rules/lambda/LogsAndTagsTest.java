package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.absent;
import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.meta;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.LogGroup;
import dev.bulwark.model.OtherResource;
import dev.bulwark.model.Ref;
import dev.bulwark.rules.RuleSettings;
import dev.bulwark.rules.logs.LogGroupWithoutCustomerKey;
import dev.bulwark.rules.logs.LogGroupWithoutRetention;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LAMBDA-019, LAMBDA-020, LOGS-001 and LOGS-002. */
class LogsAndTagsTest {

  private static LogGroup group(String id, String name, Attr<Integer> retention, int line) {
    return new LogGroup(meta(id, "AWS::Logs::LogGroup", line),
        Attr.of(name, Models.at(line + 2)), retention, absent(line));
  }

  @Test
  void reportsAFunctionWithoutLogGroupNamingTheGroupLambdaWillCreate() {
    CloudModel m = model(function("Billing", 10).name("billing-prod", 13).build());

    assertThat(run(new LogsKeptForever(), m)).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(10);
      assertThat(f.message()).isEqualTo("Function Billing has no log group in the template:"
          + " Lambda creates /aws/lambda/billing-prod itself and keeps its logs forever");
    });
  }

  @Test
  void leavesALogGroupWithoutRetentionToTheLogGroupRule() {
    CloudModel m = model(function("Billing", 10).name("billing-prod", 13).build(),
        group("BillingLogs", "/aws/lambda/billing-prod", absent(20), 20));

    assertThat(run(new LogsKeptForever(), m)).isEmpty();
    assertThat(run(new dev.bulwark.rules.logs.LogGroupWithoutRetention(), m)).singleElement()
        .satisfies(f -> assertThat(f.resource().id()).isEqualTo("BillingLogs"));
  }

  @Test
  void acceptsALogGroupWithRetentionEvenAParameterOne() {
    CloudModel literal = model(function("Billing", 10).name("billing-prod", 13).build(),
        group("BillingLogs", "/aws/lambda/billing-prod", Attr.of(30, Models.at(23)), 20));
    CloudModel parameter = model(function("Billing", 10).name("billing-prod", 13).build(),
        group("BillingLogs", "/aws/lambda/billing-prod", Models.unknown(23, "${Days}"), 20));

    assertThat(run(new LogsKeptForever(), literal)).isEmpty();
    assertThat(run(new LogsKeptForever(), parameter)).isEmpty();
  }

  @Test
  void matchesALogGroupNamedWithTheSameUnresolvedExpressionAsTheFunction() {
    Attr<String> fnName = Models.unknown(13, "${AWS::StackName}-orders");
    Attr<String> groupName = Models.unknown(22, "/aws/lambda/${AWS::StackName}-orders");
    Attr<String> otherName = Models.unknown(32, "/aws/lambda/${AWS::StackName}-billing");
    CloudModel m = model(
        function("Orders", 10).name(fnName).build(),
        new LogGroup(meta("OrdersLogs", "AWS::Logs::LogGroup", 20), groupName,
            Attr.of(14, Models.at(23)), absent(20)),
        new LogGroup(meta("BillingLogs", "AWS::Logs::LogGroup", 30), otherName,
            absent(30), absent(30)));

    assertThat(run(new LogsKeptForever(), m)).isEmpty();
  }

  @Test
  void trustsALogGroupManagedOutsideTheTemplateAndCdkLogRetention() {
    CloudModel shared = model(function("Audit", 10)
        .logGroup(Attr.of(Ref.literal("/platform/shared-audit"), Models.at(14))).build());
    CloudModel cdk = model(function("Handler", 10).build(),
        new OtherResource(meta("HandlerLogRetention", "Custom::LogRetention", 30)));

    assertThat(run(new LogsKeptForever(), shared)).isEmpty();
    assertThat(run(new LogsKeptForever(), cdk)).isEmpty();
  }

  @Test
  void reportsLogGroupsWithoutRetentionOrCustomerKeyOnTheLogGroup() {
    CloudModel m = model(group("Access", "/apigateway/access", absent(10), 10),
        group("Kept", "/apigateway/kept", Attr.of(90, Models.at(23)), 20));

    assertThat(run(new LogGroupWithoutRetention(), m)).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(10);
      assertThat(f.message()).isEqualTo(
          "Log group Access (/apigateway/access) has no RetentionInDays: its logs are kept"
              + " forever");
    });
    assertThat(run(new LogGroupWithoutCustomerKey(), m)).extracting(Finding::message)
        .containsExactly(
            "Log group Access (/apigateway/access) has no KmsKeyId: only the service-owned key"
                + " protects its logs",
            "Log group Kept (/apigateway/kept) has no KmsKeyId: only the service-owned key"
                + " protects its logs");
  }

  @Test
  void looksForTheConfiguredOwnerTagKeyWhateverItsCase() {
    CloudModel m = model(
        function("Untagged", 10).tag("project", "shop", 12).build(),
        function("Capital", 20).tag("Team", "payments", 22).build(),
        function("Empty", 30).tag("team", " ", 32).build());
    RuleSettings settings = RuleSettings.builder().ownerTagKey("team").build();

    List<Finding> found = run(new MissingOwnerTag(), m, settings);

    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(10, 32);
    assertThat(found).extracting(Finding::message).containsExactly(
        "Function Untagged has no 'team' tag", "Function Empty: tag 'team' is empty");
  }
}
