package dev.bulwark.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What IAM actions do. A compact classification by service and verb, good enough to tell reads
 * from writes and to spot privilege escalation; the full action catalog belongs to a later {@code
 * bulwark-iam} module.
 */
public final class IamActions {

  /** Access level of an action, after the AWS service authorization reference's levels. */
  public enum AccessLevel {
    LIST,
    READ,
    WRITE,
    PERMISSIONS_MANAGEMENT,
    TAGGING
  }

  /** Services that hold application data (a write there changes or destroys data). */
  public static final Set<String> DATA_SERVICES =
      Set.of(
          "s3",
          "dynamodb",
          "rds",
          "rds-data",
          "sqs",
          "sns",
          "kinesis",
          "firehose",
          "secretsmanager",
          "ssm",
          "elasticfilesystem",
          "es",
          "aoss",
          "timestream",
          "qldb",
          "neptune-db",
          "glue",
          "athena",
          "redshift-data",
          "events",
          "states",
          "lambda");

  /** Representative data-writing actions, used to decide whether a pattern grants writes. */
  public static final List<String> DATA_WRITE_ACTIONS =
      List.of(
          "s3:PutObject",
          "s3:DeleteObject",
          "s3:DeleteBucket",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:DeleteTable",
          "rds:DeleteDBInstance",
          "rds:ModifyDBInstance",
          "rds-data:ExecuteStatement",
          "sqs:SendMessage",
          "sqs:DeleteMessage",
          "sqs:PurgeQueue",
          "sns:Publish",
          "kinesis:PutRecord",
          "kinesis:PutRecords",
          "firehose:PutRecord",
          "secretsmanager:PutSecretValue",
          "secretsmanager:DeleteSecret",
          "ssm:PutParameter",
          "elasticfilesystem:ClientWrite",
          "es:ESHttpPut",
          "es:ESHttpDelete",
          "states:StartExecution",
          "events:PutEvents",
          "lambda:InvokeFunction",
          "glue:DeleteTable",
          "redshift-data:ExecuteStatement");

  /**
   * Actions that let a principal raise its own privileges (create or change policies, credentials
   * or trust; change the code of other functions). {@code iam:PassRole} is judged separately
   * because it needs a service action to go with it.
   */
  public static final List<String> ESCALATION_ACTIONS =
      List.of(
          "iam:CreatePolicyVersion",
          "iam:SetDefaultPolicyVersion",
          "iam:AttachRolePolicy",
          "iam:AttachUserPolicy",
          "iam:AttachGroupPolicy",
          "iam:PutRolePolicy",
          "iam:PutUserPolicy",
          "iam:PutGroupPolicy",
          "iam:UpdateAssumeRolePolicy",
          "iam:CreateAccessKey",
          "iam:CreateLoginProfile",
          "iam:UpdateLoginProfile",
          "iam:AddUserToGroup",
          "iam:DeleteRolePermissionsBoundary",
          "iam:DeleteUserPermissionsBoundary",
          "lambda:UpdateFunctionCode",
          "lambda:AddPermission",
          "sts:AssumeRole");

  /** Actions that, with {@code iam:PassRole}, run code under a role of the caller's choosing. */
  public static final List<String> PASS_ROLE_COMPANIONS =
      List.of(
          "lambda:CreateFunction",
          "lambda:UpdateFunctionConfiguration",
          "ec2:RunInstances",
          "cloudformation:CreateStack",
          "cloudformation:UpdateStack",
          "glue:CreateDevEndpoint",
          "glue:CreateJob",
          "ecs:RunTask",
          "ecs:RegisterTaskDefinition",
          "states:CreateStateMachine",
          "codebuild:CreateProject",
          "sagemaker:CreateNotebookInstance",
          "datapipeline:CreatePipeline");

  private static final List<String> READ_VERBS =
      List.of(
          "Get", "Describe", "BatchGet", "Query", "Scan", "Select", "Head", "Search", "Lookup",
          "View", "Check", "Validate", "Detect", "Test", "Preview", "Estimate", "Download",
          "Read", "Receive", "Simulate", "Filter", "Verify", "Decrypt");

  private IamActions() {}

  /** The service prefix of an action ({@code s3} for {@code s3:GetObject}), lower-case. */
  public static String service(String action) {
    int colon = action.indexOf(':');
    return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  /** True when the action contains {@code *} or {@code ?}. */
  public static boolean isWildcard(String action) {
    return action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
  }

  /** True for {@code *} and {@code *:*}: every action of every service. */
  public static boolean isAllActions(String action) {
    return action.equals("*") || action.equals("*:*");
  }

  /** True for {@code service:*}. */
  public static boolean isServiceWildcard(String action) {
    return action.endsWith(":*") && !isAllActions(action);
  }

  /**
   * True when the IAM pattern (with {@code *} and {@code ?}) matches the action. Action names are
   * case-insensitive in IAM.
   */
  public static boolean matches(String pattern, String action) {
    return glob(pattern.toLowerCase(Locale.ROOT), 0, action.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean glob(String p, int pi, String s, int si) {
    // iterative wildcard match with backtracking on the last '*': linear in practice
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
        pi++;
        si++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  /**
   * Access level of a concrete action (not a pattern), from its service and verb. Permissions
   * management covers IAM changes and resource-policy changes of every service.
   */
  public static AccessLevel accessLevel(String action) {
    String service = service(action);
    int colon = action.indexOf(':');
    String verb = colon < 0 ? "" : action.substring(colon + 1);
    if (verb.startsWith("List")) {
      return AccessLevel.LIST;
    }
    if (verb.startsWith("Tag") || verb.startsWith("Untag")) {
      return AccessLevel.TAGGING;
    }
    if (service.equals("iam") || service.equals("organizations") || service.equals("sso")) {
      return startsWithAny(verb, READ_VERBS) ? AccessLevel.READ : AccessLevel.PERMISSIONS_MANAGEMENT;
    }
    if (!startsWithAny(verb, READ_VERBS)
        && (verb.endsWith("Policy")
            || verb.contains("Permission")
            || verb.endsWith("Acl")
            || verb.equals("CreateGrant")
            || verb.equals("PutBucketPublicAccessBlock")
            || verb.equals("SetQueueAttributes")
            || verb.equals("SetTopicAttributes"))) {
      return AccessLevel.PERMISSIONS_MANAGEMENT;
    }
    if (startsWithAny(verb, READ_VERBS)) {
      return AccessLevel.READ;
    }
    return AccessLevel.WRITE;
  }

  /**
   * True when the pattern may grant an action of a write or permissions-management level: a
   * wildcard that covers a write verb, or a concrete write action.
   */
  public static boolean grantsWriteOrPermissions(String pattern) {
    if (isAllActions(pattern)) {
      return true;
    }
    if (!isWildcard(pattern)) {
      AccessLevel level = accessLevel(pattern);
      return level == AccessLevel.WRITE || level == AccessLevel.PERMISSIONS_MANAGEMENT;
    }
    int colon = pattern.indexOf(':');
    String verbPattern = colon < 0 ? pattern : pattern.substring(colon + 1);
    // a verb wildcard grants writes unless every verb it can match is a read or list verb
    for (String readVerb : List.of("Get", "List", "Describe", "BatchGet", "Query", "Scan")) {
      if (verbPattern.equals(readVerb + "*")) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithAny(String verb, List<String> prefixes) {
    for (String p : prefixes) {
      if (verb.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
