package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static dev.bulwark.iac.internal.mapping.Fixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Role;
import dev.bulwark.model.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamRolePoliciesTest {

  private final CloudModel model = Fixtures.model("sam-policies.yaml");
  private final Role templated = get(model, "TemplatedRole", Role.class);

  private Policy template(String name) {
    return templated.policies().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no policy " + name));
  }

  private static List<String> actions(Policy p, int statement) {
    return values(p.document().statements().get(statement).actions());
  }

  private static List<String> resources(Policy p, int statement) {
    return values(p.document().statements().get(statement).resources());
  }

  @Test
  void implicitRoleIsTheFunctionsRoleTrustingLambda() {
    Function fn = get(model, "Templated", Function.class);
    assertThat(model.roleOf(fn)).contains(templated);
    assertThat(fn.role().isExplicit()).isFalse();
    Statement trust = templated.trustPolicy().get().statements().get(0);
    assertThat(trust.principals())
        .singleElement()
        .satisfies(p -> assertThat(p.isService("lambda.amazonaws.com")).isTrue());
    assertThat(values(trust.actions())).containsExactly("sts:AssumeRole");
    assertThat(templated.path().get()).isEqualTo("/");
  }

  @Test
  void basicExecutionPolicyIsAlwaysAttachedWithItsServiceRolePath() {
    assertThat(templated.managedPolicyArns())
        .extracting(Attr::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  }

  @Test
  void dynamoDbTemplatesExpandToTheirActionsOnTheTableAndItsIndexes() {
    Policy crud = template("DynamoDBCrudPolicy");
    assertThat(crud.source()).isInstanceOf(Policy.SamTemplate.class);
    assertThat(actions(crud, 0))
        .containsExactly(
            "dynamodb:GetItem",
            "dynamodb:DeleteItem",
            "dynamodb:PutItem",
            "dynamodb:Scan",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable",
            "dynamodb:ConditionCheckItem");
    assertThat(resources(crud, 0))
        .containsExactly(
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}",
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}/index/*");
    assertThat(crud.document().statements().get(0).resources().get(0).references())
        .containsExactly("Orders");
    assertThat(actions(template("DynamoDBReadPolicy"), 0))
        .containsExactly(
            "dynamodb:GetItem",
            "dynamodb:Scan",
            "dynamodb:Query",
            "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable");
    assertThat(actions(template("DynamoDBWritePolicy"), 0))
        .containsExactly("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
    assertThat(resources(template("DynamoDBWritePolicy"), 0).get(0))
        .endsWith(":table/orders-archive");
    Policy stream = template("DynamoDBStreamReadPolicy");
    assertThat(resources(stream, 0))
        .containsExactly(
            "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}/stream/*");
    assertThat(actions(stream, 1)).containsExactly("dynamodb:ListStreams");
    assertThat(actions(template("DynamoDBReconfigurePolicy"), 0))
        .containsExactly("dynamodb:UpdateTable");
  }

  @Test
  void wildcardParametersAreKeptAsWrittenSoRulesCanFlagThem() {
    Policy read = template("DynamoDBReadPolicy");
    Policy.SamTemplate source = (Policy.SamTemplate) read.source();
    assertThat(source.template()).isEqualTo("DynamoDBReadPolicy");
    Node table = source.parameters().get("TableName");
    assertThat(table.text()).contains("*");
    assertThat(table.location().startLine()).isEqualTo(27);
    assertThat(resources(read, 0).get(0))
        .isEqualTo("arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*");
    assertThat(line(read.document().statements().get(0).resources().get(0))).isEqualTo(27);
  }

  @Test
  void s3TemplatesExpandToFullyKnownBucketArns() {
    Policy crud = template("S3CrudPolicy");
    assertThat(resources(crud, 0)).containsExactly("arn:aws:s3:::*", "arn:aws:s3:::*/*");
    assertThat(crud.document().statements().get(0).resources().get(0).isPresent()).isTrue();
    assertThat(actions(crud, 0)).contains("s3:PutObject", "s3:DeleteObject", "s3:GetObject");
    assertThat(resources(template("S3WritePolicy"), 0))
        .containsExactly("arn:aws:s3:::reports", "arn:aws:s3:::reports/*");
    assertThat(actions(template("S3WritePolicy"), 0))
        .containsExactly("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration");
    assertThat(resources(template("S3ReadPolicy"), 0))
        .containsExactly("arn:aws:s3:::${Uploads}", "arn:aws:s3:::${Uploads}/*");
    Policy full = template("S3FullAccessPolicy");
    assertThat(full.document().statements()).hasSize(2);
    assertThat(resources(full, 0)).containsExactly("arn:aws:s3:::media/*");
    assertThat(resources(full, 1)).containsExactly("arn:aws:s3:::media");
  }

  @Test
  void messagingTemplatesExpand() {
    assertThat(actions(template("SQSPollerPolicy"), 0))
        .contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
    assertThat(resources(template("SQSPollerPolicy"), 0))
        .containsExactly("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${Inbox.QueueName}");
    assertThat(actions(template("SQSSendMessagePolicy"), 0)).containsExactly("sqs:SendMessage*");
    assertThat(actions(template("SNSPublishMessagePolicy"), 0)).containsExactly("sns:Publish");
    assertThat(resources(template("SNSCrudPolicy"), 0))
        .containsExactly("arn:aws:sns:${AWS::Region}:${AWS::AccountId}:events*");
    assertThat(actions(template("EventBridgePutEventsPolicy"), 0))
        .containsExactly("events:PutEvents");
    assertThat(resources(template("EventBridgePutEventsPolicy"), 0).get(0))
        .endsWith(":event-bus/default");
    assertThat(actions(template("StepFunctionsExecutionPolicy"), 0))
        .containsExactly("states:StartExecution");
  }

  @Test
  void invokeSecretsParameterAndKeyTemplatesExpand() {
    assertThat(resources(template("LambdaInvokePolicy"), 0))
        .containsExactly("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:**");
    assertThat(resources(template("AWSSecretsManagerGetSecretValuePolicy"), 0))
        .containsExactly("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf");
    assertThat(
            template("AWSSecretsManagerGetSecretValuePolicy")
                .document()
                .statements()
                .get(0)
                .resources()
                .get(0)
                .isPresent())
        .isTrue();
    Policy rotation = template("AWSSecretsManagerRotationPolicy");
    Statement first = rotation.document().statements().get(0);
    assertThat(first.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.operator()).isEqualTo("StringEquals");
              assertThat(c.key()).isEqualTo("secretsmanager:resource/AllowRotationLambdaArn");
              assertThat(values(c.values()).get(0)).endsWith(":function:rotator");
            });
    assertThat(resources(rotation, 1)).containsExactly("*");
    assertThat(resources(template("SSMParameterReadPolicy"), 1).get(0))
        .endsWith(":parameter/app/config");
    assertThat(resources(template("SSMParameterWithSlashPrefixReadPolicy"), 1).get(0))
        .endsWith(":parameter/app/config");
    assertThat(resources(template("SSMParameterReadPolicy"), 0)).containsExactly("*");
    assertThat(actions(template("KMSDecryptPolicy"), 0)).containsExactly("kms:Decrypt");
    assertThat(resources(template("KMSDecryptPolicy"), 0).get(0)).endsWith(":key/*");
    assertThat(actions(template("KMSEncryptPolicy"), 0)).containsExactly("kms:Encrypt");
  }

  @Test
  void templatesWithoutParametersOrOnAllResourcesExpand() {
    Policy metrics = template("CloudWatchPutMetricPolicy");
    assertThat(actions(metrics, 0)).containsExactly("cloudwatch:PutMetricData");
    assertThat(metrics.document().statements().get(0).appliesToAllResources()).isTrue();
    assertThat(actions(template("VPCAccessPolicy"), 0))
        .contains("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface");
    assertThat(actions(template("CostExplorerReadOnlyPolicy"), 0)).contains("ce:GetCostAndUsage");
    assertThat(actions(template("RekognitionDetectOnlyPolicy"), 0))
        .contains("rekognition:DetectLabels");
    assertThat(template("AthenaQueryPolicy").document().statements()).hasSize(2);
    assertThat(resources(template("KinesisStreamReadPolicy"), 0).get(0)).endsWith(":stream/*");
    assertThat(actions(template("KinesisCrudPolicy"), 0))
        .contains("kinesis:PutRecord", "kinesis:DeleteStream");
    assertThat(actions(template("SESCrudPolicy"), 0)).contains("ses:SendEmail");
    assertThat(actions(template("SESSendBouncePolicy"), 0)).containsExactly("ses:SendBounce");
    assertThat(resources(template("FilterLogEventsPolicy"), 0).get(0))
        .endsWith(":log-group:/aws/lambda/app:log-stream:*");
    assertThat(resources(template("ElasticsearchHttpPostPolicy"), 0).get(0))
        .endsWith(":domain/search/*");
  }

  @Test
  void managedPolicyNamesBecomeArnsAndAreGatheredByPoliciesOf() {
    Role mixed = get(model, "MixedRole", Role.class);
    assertThat(mixed.managedPolicyArns())
        .extracting(Attr::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    assertThat(line(mixed.managedPolicyArns().get(1))).isEqualTo(103);
    assertThat(model.policiesOf(mixed))
        .extracting(Policy::name)
        .contains("AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess");
    Role conditional = get(model, "ConditionalRole", Role.class);
    assertThat(conditional.managedPolicyArns())
        .extracting(a -> a.get().toString())
        .contains(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
            "arn:aws:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy");
  }

  @Test
  void assumeRolePolicyDocumentPermissionsBoundaryAndRolePathAreHonoured() {
    Role mixed = get(model, "MixedRole", Role.class);
    assertThat(mixed.trustPolicy().isExplicit()).isTrue();
    assertThat(mixed.trustPolicy().get().statements().get(0).principals())
        .extracting(p -> p.value().get())
        .containsExactly("lambda.amazonaws.com", "edgelambda.amazonaws.com");
    assertThat(mixed.permissionsBoundary().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:policy/boundary"));
    assertThat(line(mixed.permissionsBoundary())).isEqualTo(95);
    assertThat(mixed.path().get()).isEqualTo("/app/");
  }

  @Test
  void aPolicyUnderAnUnresolvedConditionAppliesOnlyIfThatConditionHolds() {
    Role conditional = get(model, "ConditionalRole", Role.class);
    Policy p = conditional.policies().get(0);
    assertThat(p.name()).isEqualTo("SQSSendMessagePolicy");
    assertThat(p.document().statements())
        .allSatisfy(s -> assertThat(s.onlyIf()).isEqualTo("IsProd"));
    assertThat(p.document().definiteStatements()).isEmpty();
  }

  @Test
  void inlineStatementsAndArnsAndReferencesAreReadInOrder() {
    CloudModel m = Fixtures.model("sam-function.yaml");
    Role role = get(m, "OrderFunctionRole", Role.class);
    assertThat(role.managedPolicyArns())
        .extracting(Attr::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"),
            Ref.literal("arn:aws:iam::aws:policy/AWSLambdaExecute"),
            Ref.literal("arn:aws:iam::123456789012:policy/custom"),
            Ref.to("AuditPolicy"));
    assertThat(line(role.managedPolicyArns().get(1)))
        .as("X-Ray policy located at Tracing")
        .isEqualTo(9);
    Policy inline = role.policies().get(role.policies().size() - 1);
    assertThat(inline.source()).isInstanceOf(Policy.Inline.class);
    assertThat(inline.name()).isEqualTo("OrderFunctionRolePolicy5");
    assertThat(inline.location().startLine()).isEqualTo(56);
    assertThat(values(inline.document().statements().get(0).actions()))
        .containsExactly("sqs:SendMessage");
    assertThat(m.policiesOf(role))
        .extracting(Policy::name)
        .contains("OrderFunctionRolePolicy5", "DynamoDBCrudPolicy");
    assertThat(m.policiesOf(role))
        .filteredOn(p -> p.source() instanceof Policy.Attached)
        .singleElement()
        .satisfies(
            p -> assertThat(((Policy.Attached) p.source()).resourceId()).isEqualTo("AuditPolicy"));
  }

  @Test
  void unknownTemplatesAndMissingParametersAreReportedWithTheirLine() {
    LoadResult r = Fixtures.load("sam-policies-bad.yaml");
    assertThat(r.model()).isNotNull();
    assertThat(r.errors())
        .extracting(ScanError::line, ScanError::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                10,
                "Fn: Policies: 'DynamoDBCrudPolicyy' is not a SAM policy template Bulwark knows;"
                    + " its permissions are not analysed"),
            org.assertj.core.groups.Tuple.tuple(
                12, "Fn: Policies: SQSPollerPolicy needs parameter(s) QueueName"),
            org.assertj.core.groups.Tuple.tuple(
                13,
                "Fn: Policies: an entry is neither a policy document (no Statement) nor a policy"
                    + " template"),
            org.assertj.core.groups.Tuple.tuple(
                15,
                "Fn: Policies: expected a policy name, ARN, document or template but found a"
                    + " list"));
    assertThat(r.errors()).allSatisfy(e -> assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID));
    Role role = get(r.model(), "FnRole", Role.class);
    Policy unknown = role.policies().get(0);
    assertThat(unknown.document().complete()).isFalse();
    assertThat(((Policy.SamTemplate) unknown.source()).parameters()).containsKey("TableName");
    assertThat(role.policies().get(1).document().statements().get(0).resources().get(0).shape())
        .isEqualTo("arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}");
  }

  @Test
  void everyTemplateOfTheDataExpandsWithoutError() {
    for (String name : SamPolicyTemplates.names()) {
      SamPolicyTemplates.Template t = SamPolicyTemplates.get(name).orElseThrow();
      Policy p =
          SamPolicyTemplates.expand(
              t,
              Map.of(),
              dev.bulwark.core.SourceLocation.of("t", 1),
              null,
              Pseudo.defaults(),
              new java.util.ArrayList<>());
      assertThat(p.document().statements()).as(name).isNotEmpty();
      assertThat(p.document().statements())
          .as(name)
          .allSatisfy(s -> assertThat(s.actions()).isNotEmpty());
    }
    assertThat(SamPolicyTemplates.names()).hasSizeGreaterThan(70);
  }
}
