package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Summaries of well-known AWS-managed policies: enough of what each grants for the least-privilege
 * rules to reason about (admin, data writes, escalation). Conditional statements of the real
 * policies (for example {@code iam:PassRole} limited by {@code iam:PassedToService}) are left out,
 * since they cannot make a role broader.
 */
public final class AwsManagedPolicies {

  /** What Bulwark knows of one managed policy. */
  public record Entry(String name, boolean broad, List<List<String>> allows) {}

  private static final Map<String, Entry> BY_NAME = new HashMap<>();

  private static final List<String> ALL = List.of("*");
  private static final List<String> LOGS =
      List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");

  static {
    // name, broad (grants far more than a single function needs), actions on "*" per statement
    put("AdministratorAccess", true, List.of("*"));
    put("PowerUserAccess", true, List.of("!iam:*", "!organizations:*", "!account:*"));
    put("IAMFullAccess", true, List.of("iam:*"));
    put("ReadOnlyAccess", false, List.of("*:Get*", "*:List*", "*:Describe*"));
    put("AmazonS3FullAccess", true, List.of("s3:*", "s3-object-lambda:*"));
    put("AmazonS3ReadOnlyAccess", false, List.of("s3:Get*", "s3:List*", "s3:Describe*"));
    put("AmazonDynamoDBFullAccess", true, List.of("dynamodb:*", "dax:*"));
    put("AmazonDynamoDBFullAccesswithDataPipeline", true, List.of("dynamodb:*", "datapipeline:*"));
    put("AmazonDynamoDBFullAccess_v2", true, List.of("dynamodb:*"));
    put(
        "AmazonDynamoDBReadOnlyAccess",
        false,
        List.of("dynamodb:BatchGetItem", "dynamodb:Describe*", "dynamodb:List*",
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect"));
    put("AmazonSQSFullAccess", true, List.of("sqs:*"));
    put("AmazonSQSReadOnlyAccess", false, List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl",
        "sqs:ListQueues", "sqs:ListDeadLetterSourceQueues", "sqs:ListQueueTags"));
    put("AmazonSNSFullAccess", true, List.of("sns:*"));
    put("AmazonKinesisFullAccess", true, List.of("kinesis:*"));
    put("AmazonKinesisFirehoseFullAccess", true, List.of("firehose:*"));
    put("AmazonEventBridgeFullAccess", true,
        List.of("events:*", "schemas:*", "scheduler:*", "pipes:*"));
    put("AWSStepFunctionsFullAccess", true, List.of("states:*"));
    put("AWSLambdaRole", true, List.of("lambda:InvokeFunction"));
    put("AWSLambda_FullAccess", true, List.of("lambda:*", "cloudformation:DescribeStacks",
        "cloudwatch:GetMetricData", "logs:DescribeLogGroups"));
    put("AWSLambdaFullAccess", true, List.of("lambda:*", "s3:*", "dynamodb:*", "logs:*",
        "cloudwatch:*", "xray:*", "iam:PassRole", "iam:ListRoles"));
    put("AWSLambda_ReadOnlyAccess", false, List.of("lambda:Get*", "lambda:List*"));
    put("AWSLambdaExecute", true, List.of("logs:*", "s3:GetObject", "s3:PutObject"));
    put("AWSLambdaBasicExecutionRole", false, LOGS);
    put("AWSLambdaVPCAccessExecutionRole", false, concat(LOGS, List.of(
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses")));
    put("AWSLambdaSQSQueueExecutionRole", false, concat(LOGS, List.of(
        "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")));
    put("AWSLambdaKinesisExecutionRole", false, concat(LOGS, List.of(
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
        "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams",
        "kinesis:SubscribeToShard")));
    put("AWSLambdaDynamoDBExecutionRole", false, concat(LOGS, List.of(
        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
        "dynamodb:ListStreams")));
    put("AWSLambdaMSKExecutionRole", false, concat(LOGS, List.of(
        "kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers",
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
        "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups")));
    put("AWSXRayDaemonWriteAccess", false, List.of("xray:PutTraceSegments",
        "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries"));
    put("AWSXrayWriteOnlyAccess", false, List.of("xray:PutTraceSegments",
        "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries"));
    put("CloudWatchLambdaInsightsExecutionRolePolicy", false,
        List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"));
    put("SecretsManagerReadWrite", true, List.of("secretsmanager:*", "kms:DescribeKey",
        "kms:ListAliases", "kms:ListKeys", "rds:DescribeDBInstances", "lambda:ListFunctions"));
    put("AmazonEC2FullAccess", true,
        List.of("ec2:*", "elasticloadbalancing:*", "cloudwatch:*", "autoscaling:*"));
    put("AmazonRDSFullAccess", true, List.of("rds:*", "cloudwatch:*", "ec2:Describe*"));
    put("AmazonRDSDataFullAccess", true, List.of("rds-data:*", "secretsmanager:GetSecretValue",
        "secretsmanager:PutResourcePolicy", "secretsmanager:PutSecretValue",
        "secretsmanager:DeleteSecret", "secretsmanager:CreateSecret"));
    put("CloudWatchLogsFullAccess", true, List.of("logs:*"));
    put("CloudWatchFullAccess", true, List.of("cloudwatch:*", "logs:*", "sns:*",
        "autoscaling:Describe*"));
    put("AWSCloudFormationFullAccess", true, List.of("cloudformation:*"));
    put("AmazonSESFullAccess", true, List.of("ses:*"));
    put("AmazonAPIGatewayAdministrator", true, List.of("apigateway:*"));
    put("AmazonAPIGatewayInvokeFullAccess", true,
        List.of("execute-api:Invoke", "execute-api:ManageConnections"));
    put("AmazonSSMFullAccess", true, List.of("ssm:*", "ec2messages:*", "ssmmessages:*"));
    put("AmazonSSMReadOnlyAccess", false,
        List.of("ssm:Describe*", "ssm:Get*", "ssm:List*"));
    put("AmazonCognitoPowerUser", true,
        List.of("cognito-identity:*", "cognito-idp:*", "cognito-sync:*"));
    put("AWSKeyManagementServicePowerUser", true, List.of("kms:Create*", "kms:Describe*",
        "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",
        "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
        "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"));
    put("AmazonAthenaFullAccess", true, List.of("athena:*", "glue:*", "s3:GetObject",
        "s3:PutObject", "s3:ListBucket"));
    put("AWSGlueConsoleFullAccess", true, List.of("glue:*", "s3:*", "iam:PassRole"));
  }

  private AwsManagedPolicies() {}

  private static void put(String name, boolean broad, List<String> actionsOnAll) {
    BY_NAME.put(name.toLowerCase(Locale.ROOT), new Entry(name, broad, List.of(actionsOnAll)));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * The policy name from an ARN ({@code arn:aws:iam::aws:policy/service-role/X} → {@code X}), or
   * the text itself when it is not an ARN.
   */
  public static String nameOf(String arnOrName) {
    int slash = arnOrName.lastIndexOf('/');
    return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
  }

  /** True when the ARN designates an AWS-managed policy ({@code arn:<partition>:iam::aws:policy/}). */
  public static boolean isAwsManagedArn(String arn) {
    return arn.startsWith("arn:") && arn.contains(":iam::aws:policy/");
  }

  /**
   * True for {@code AdministratorAccess} and {@code PowerUserAccess}: every action, or every
   * action but IAM and Organizations.
   */
  public static boolean isAdministrative(String arnOrName) {
    String name = nameOf(arnOrName);
    return name.equalsIgnoreCase("AdministratorAccess") || name.equalsIgnoreCase("PowerUserAccess");
  }

  /**
   * True when the managed policy grants far more than one function needs: a known broad policy, or
   * an unknown one whose name says so ({@code …FullAccess…}, {@code …PowerUser…}, {@code
   * …Administrator…}). Only AWS-managed ARNs and bare names qualify; a customer-managed ARN
   * never does.
   */
  public static boolean isBroad(String arnOrName) {
    if (arnOrName.startsWith("arn:") && !isAwsManagedArn(arnOrName)) {
      return false;
    }
    Optional<Entry> e = entry(arnOrName);
    if (e.isPresent()) {
      return e.get().broad();
    }
    String lower = nameOf(arnOrName).toLowerCase(Locale.ROOT);
    return lower.contains("fullaccess") || lower.contains("poweruser")
        || lower.contains("administrator");
  }

  /** What Bulwark knows of the managed policy named by this ARN or name. */
  public static Optional<Entry> entry(String arnOrName) {
    return Optional.ofNullable(BY_NAME.get(nameOf(arnOrName).toLowerCase(Locale.ROOT)));
  }

  // summaries are immutable and located nowhere: built once per policy and shared by every role
  private static final Map<String, PolicyDocument> SUMMARIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A summary document of the policy: one Allow statement on {@code *}, with {@code NotAction}
   * when the entry lists exclusions (PowerUserAccess). The document and its statements have no
   * location ({@link SourceLocation#NONE}): it is shared by every role that lists the policy, and
   * the {@link Policy} that holds it carries where the ARN is written.
   */
  public static Optional<PolicyDocument> summary(String arnOrName) {
    if (!arnOrName.isEmpty() && arnOrName.startsWith("arn:") && !isAwsManagedArn(arnOrName)) {
      return Optional.empty();
    }
    return entry(arnOrName)
        .map(e -> SUMMARIES.computeIfAbsent(e.name(), n -> summarise(e)));
  }

  private static PolicyDocument summarise(Entry e) {
    SourceLocation at = SourceLocation.NONE;
    List<Statement> statements = new ArrayList<>();
    for (List<String> actions : e.allows()) {
      boolean not = actions.stream().allMatch(a -> a.startsWith("!"));
      List<String> names =
          actions.stream().map(a -> a.startsWith("!") ? a.substring(1) : a).toList();
      Statement s = Statement.allow(names, ALL, at);
      if (not) {
        s =
            new Statement(
                s.sid(), s.effect(), s.actions(), true, s.resources(), false,
                List.of(), false, List.of(), true, null, at);
      }
      statements.add(s);
    }
    return PolicyDocument.of(statements, at);
  }
}
