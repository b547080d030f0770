package dev.bulwark.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in rules, in one list sorted by id. A catalog test checks that every rule class is
 * registered here.
 */
public final class BuiltinRules {

  private BuiltinRules() {}

  /** A new instance of every built-in rule, in id order. */
  public static List<Rule> all() {
    Rule[] rules = {
      // keep sorted by id; one line per rule, each ending with a comma
      new dev.bulwark.rules.apigw.RouteWithoutAuthorization(), // APIGW-001
      new dev.bulwark.rules.apigw.UnusedAuthorizer(), // APIGW-002
      new dev.bulwark.rules.apigw.RestApiWithoutRequestValidation(), // APIGW-003
      new dev.bulwark.rules.apigw.UnthrottledStage(), // APIGW-004
      new dev.bulwark.rules.apigw.StageWithoutWebAcl(), // APIGW-005
      new dev.bulwark.rules.apigw.CustomDomainAllowingTls10(), // APIGW-006
      new dev.bulwark.rules.apigw.PublicApiPolicy(), // APIGW-007
      new dev.bulwark.rules.apigw.StageWithoutAccessLogging(), // APIGW-008
      new dev.bulwark.rules.apigw.StageWithoutExecutionLogging(), // APIGW-009
      new dev.bulwark.rules.apigw.StageWithoutTracing(), // APIGW-010
      new dev.bulwark.rules.apigw.NonJsonAccessLogFormat(), // APIGW-011
      new dev.bulwark.rules.apigw.UnencryptedApiCache(), // APIGW-012
      new dev.bulwark.rules.combo.PublicFunctionWithPowerfulRole(), // COMBO-001
      new dev.bulwark.rules.combo.PublicFunctionWithSecrets(), // COMBO-002
      new dev.bulwark.rules.combo.PublicFunctionWithoutConcurrencyLimit(), // COMBO-003
      new dev.bulwark.rules.dynamodb.TableWithoutPointInTimeRecovery(), // DYNAMODB-001
      new dev.bulwark.rules.dynamodb.TableWithoutCustomerManagedKey(), // DYNAMODB-002
      new dev.bulwark.rules.events.PublicEventBusPolicy(), // EVENTS-001
      new dev.bulwark.rules.events.EventTargetWithoutDeadLetterQueue(), // EVENTS-002
      new dev.bulwark.rules.iam.AdministratorRole(), // IAM-001
      new dev.bulwark.rules.iam.WildcardAction(), // IAM-002
      new dev.bulwark.rules.iam.WriteOnAllResources(), // IAM-003
      new dev.bulwark.rules.iam.PrivilegeEscalation(), // IAM-004
      new dev.bulwark.rules.iam.PassRoleOnAnyRole(), // IAM-005
      new dev.bulwark.rules.iam.SharedExecutionRole(), // IAM-006
      new dev.bulwark.rules.iam.OpenTrustPolicy(), // IAM-007
      new dev.bulwark.rules.iam.BroadManagedPolicy(), // IAM-008
      new dev.bulwark.rules.iam.WildcardPolicyTemplate(), // IAM-009
      new dev.bulwark.rules.kms.PublicKeyPolicy(), // KMS-001
      new dev.bulwark.rules.kms.KeyWithoutRotation(), // KMS-002
      new dev.bulwark.rules.lambda.PublicFunctionPermission(), // LAMBDA-001
      new dev.bulwark.rules.lambda.ServicePermissionWithoutSource(), // LAMBDA-002
      new dev.bulwark.rules.lambda.ApiPermissionForAnyApi(), // LAMBDA-003
      new dev.bulwark.rules.lambda.PermissionBeyondInvoke(), // LAMBDA-004
      new dev.bulwark.rules.lambda.UntrustedAccountPermission(), // LAMBDA-005
      new dev.bulwark.rules.lambda.PublicFunctionUrl(), // LAMBDA-006
      new dev.bulwark.rules.lambda.FunctionUrlCorsAnyOrigin(), // LAMBDA-007
      new dev.bulwark.rules.lambda.DeprecatedRuntime(), // LAMBDA-008
      new dev.bulwark.rules.lambda.TracingNotActive(), // LAMBDA-009
      new dev.bulwark.rules.lambda.FunctionOutsideVpc(), // LAMBDA-010
      new dev.bulwark.rules.lambda.SecretInEnvironment(), // LAMBDA-011
      new dev.bulwark.rules.lambda.EnvironmentWithoutCustomerKey(), // LAMBDA-012
      new dev.bulwark.rules.lambda.AsyncFailuresDiscarded(), // LAMBDA-013
      new dev.bulwark.rules.lambda.StreamFailuresDiscarded(), // LAMBDA-014
      new dev.bulwark.rules.lambda.UnreservedConcurrency(), // LAMBDA-015
      new dev.bulwark.rules.lambda.TimeoutBeyondApiLimit(), // LAMBDA-016
      new dev.bulwark.rules.lambda.UnsignedCode(), // LAMBDA-017
      new dev.bulwark.rules.lambda.UntrustedLayer(), // LAMBDA-018
      new dev.bulwark.rules.lambda.LogsKeptForever(), // LAMBDA-019
      new dev.bulwark.rules.lambda.MissingOwnerTag(), // LAMBDA-020
      new dev.bulwark.rules.logs.LogGroupWithoutRetention(), // LOGS-001
      new dev.bulwark.rules.logs.LogGroupWithoutCustomerKey(), // LOGS-002
      new dev.bulwark.rules.s3.PublicBucketUsedByFunction(), // S3-001
      new dev.bulwark.rules.sfn.StateMachineWithoutLogging(), // SFN-001
      new dev.bulwark.rules.sfn.StateMachineWithoutTracing(), // SFN-002
      new dev.bulwark.rules.sns.UnencryptedTopic(), // SNS-001
      new dev.bulwark.rules.sns.PublicTopicPolicy(), // SNS-002
      new dev.bulwark.rules.sqs.UnencryptedQueue(), // SQS-001
      new dev.bulwark.rules.sqs.PublicQueuePolicy(), // SQS-002
      new dev.bulwark.rules.sqs.QueueWithoutDeadLetterQueue(), // SQS-003
    };
    return Arrays.stream(rules)
        .sorted(Comparator.comparing(r -> RuleCatalog.metadata(r).id()))
        .toList();
  }
}
