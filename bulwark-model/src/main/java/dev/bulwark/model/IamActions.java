package dev.bulwark.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   * Actions that let a principal raise its own privileges (create or change policies, credentials,
   * boundaries or trust; change the code, layers or permissions of other functions; run commands
   * on instances; assume other roles). {@code iam:PassRole} is judged separately because it needs a
   * service action to go with it. The {@code iam:} ones escalate whatever resource they are
   * granted on; the others only when granted on every resource.
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
          "iam:PutRolePermissionsBoundary",
          "iam:PutUserPermissionsBoundary",
          "lambda:UpdateFunctionCode",
          "lambda:UpdateFunctionConfiguration",
          "lambda:AddPermission",
          "ssm:SendCommand",
          "sts:AssumeRole");

  /**
   * Actions that take no resource ARN (or that every function needs on {@code *} by convention,
   * as AWS's own {@code AWSLambdaBasicExecutionRole} grants them: writing its logs, traces and
   * metrics, managing its VPC network interfaces), as IAM patterns. Granting them on {@code *} is
   * not a least-privilege problem.
   */
  public static final List<String> STAR_ONLY_ACTIONS =
      List.of(
          "logs:CreateLogGroup",
          "logs:CreateLogStream",
          "logs:PutLogEvents",
          "logs:*LogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DeleteResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups",
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSampling*",
          "cloudwatch:PutMetricData",
          "cloudwatch:GetMetricData",
          "cloudwatch:ListMetrics",
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses",
          "ec2:UnassignPrivateIpAddresses",
          "ec2:Describe*",
          "sts:GetCallerIdentity",
          "sts:GetSessionToken",
          "kms:CreateKey",
          "kms:GenerateRandom",
          "secretsmanager:GetRandomPassword",
          "ecr:GetAuthorizationToken",
          "s3:ListAllMyBuckets",
          "translate:TranslateText",
          "textract:AnalyzeDocument",
          "textract:DetectDocumentText",
          "textract:AnalyzeExpense",
          "textract:AnalyzeID",
          "textract:Start*",
          "comprehend:Detect*",
          "comprehend:BatchDetect*",
          "rekognition:Detect*",
          "rekognition:CompareFaces",
          "polly:SynthesizeSpeech",
          "transcribe:StartTranscriptionJob",
          "iot:DescribeEndpoint",
          "execute-api:ManageConnections",
          "s3-object-lambda:WriteGetObjectResponse",
          "states:SendTaskSuccess",
          "states:SendTaskFailure",
          "states:SendTaskHeartbeat");

  /** Actions whose verb misleads: AWS classifies them as reads. Lower-case. */
  private static final Set<String> READ_ACTIONS =
      Set.of(
          "bedrock:invokemodel",
          "bedrock:invokemodelwithresponsestream",
          "bedrock:converse",
          "bedrock:conversestream",
          "codecommit:gitpull",
          "kinesis:subscribetoshard",
          "appconfig:startconfigurationsession");

  private static final String BEDROCK_RUNTIME = "bedrock-runtime:";

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

  /** Actions grouped by lower-case service prefix, for {@link RoleCapabilities}. */
  static Map<String, List<String>> byService(List<String> actions) {
    Map<String, List<String>> out = new HashMap<>();
    for (String a : actions) {
      out.computeIfAbsent(service(a), k -> new ArrayList<>()).add(a);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

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
    // iterative wildcard match, case-insensitive without allocating, with backtracking on the
    // last '*': linear in practice
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    int pn = pattern.length();
    int sn = action.length();
    while (si < sn) {
      char pc = pi < pn ? pattern.charAt(pi) : 0;
      if (pi < pn && (pc == '?' || sameIgnoringCase(pc, action.charAt(si)))) {
        pi++;
        si++;
      } else if (pi < pn && pc == '*') {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < pn && pattern.charAt(pi) == '*') {
      pi++;
    }
    return pi == pn;
  }

  private static boolean sameIgnoringCase(char a, char b) {
    if (a == b) {
      return true;
    }
    if (a < 128 && b < 128) {
      return (a | 0x20) == (b | 0x20) && Character.isLetter(a);
    }
    return Character.toLowerCase(a) == Character.toLowerCase(b)
        || Character.toUpperCase(a) == Character.toUpperCase(b);
  }

  /**
   * Access level of a concrete action (not a pattern), from its service and verb. Permissions
   * management covers IAM changes and resource-policy changes of every service.
   */
  public static AccessLevel accessLevel(String action) {
    AccessLevel known = ACCESS_LEVELS.get(action);
    if (known == null) {
      known = classify(action);
      remember(ACCESS_LEVELS, action, known);
    }
    return known;
  }

  // answers by action text: a large model asks about the same few actions in every role
  private static final int MAX_REMEMBERED = 8192;
  private static final Map<String, AccessLevel> ACCESS_LEVELS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, Boolean> STAR_ONLY =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final Map<String, String> SERVICES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The service of an action pattern in lower case ({@code dynamodb} for {@code DynamoDB:Get*}),
   * or null when it is not written literally ({@code *}, {@code dynamo*:*}, no colon).
   */
  public static @org.jspecify.annotations.Nullable String literalService(String pattern) {
    String known = SERVICES.get(pattern);
    if (known == null) {
      int colon = pattern.indexOf(':');
      String service = colon < 0 ? "" : pattern.substring(0, colon);
      known = service.isEmpty() || isWildcard(service) ? "" : service.toLowerCase(Locale.ROOT);
      remember(SERVICES, pattern, known);
    }
    return known.isEmpty() ? null : known;
  }

  private static <V> void remember(Map<String, V> cache, String key, V value) {
    if (cache.size() < MAX_REMEMBERED) {
      cache.put(key, value);
    }
  }

  private static AccessLevel classify(String action) {
    String service = service(action);
    int colon = action.indexOf(':');
    String verb = colon < 0 ? "" : action.substring(colon + 1);
    String lower = action.toLowerCase(Locale.ROOT);
    // policies often name the runtime endpoint (bedrock-runtime:InvokeModel): the same action
    if (READ_ACTIONS.contains(lower)
        || lower.startsWith(BEDROCK_RUNTIME)
            && READ_ACTIONS.contains("bedrock:" + lower.substring(BEDROCK_RUNTIME.length()))) {
      return AccessLevel.READ;
    }
    if (verb.startsWith("Batch") && verb.length() > "Batch".length()) {
      verb = verb.substring("Batch".length());
    }
    if (verb.startsWith("List")) {
      return AccessLevel.LIST;
    }
    if (verb.startsWith("Tag") || verb.startsWith("Untag") || verb.equals("CreateTags")
        || verb.equals("DeleteTags") || verb.startsWith("AddTags")
        || verb.startsWith("RemoveTags")) {
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

  /**
   * True when the concrete action (or every action of the pattern) is one that takes no resource
   * ARN or is conventionally granted on {@code *} ({@link #STAR_ONLY_ACTIONS}).
   */
  public static boolean isStarOnly(String actionOrPattern) {
    Boolean known = STAR_ONLY.get(actionOrPattern);
    if (known == null) {
      known = starOnly(actionOrPattern);
      remember(STAR_ONLY, actionOrPattern, known);
    }
    return known;
  }

  private static boolean starOnly(String actionOrPattern) {
    for (String p : STAR_ONLY_ACTIONS) {
      if (isWildcard(actionOrPattern) ? covers(p, actionOrPattern) : matches(p, actionOrPattern)) {
        return true;
      }
    }
    return false;
  }

  /** True when every action {@code inner} matches is matched by {@code outer} (conservative). */
  private static boolean covers(String outer, String inner) {
    String o = outer.toLowerCase(Locale.ROOT);
    String i = inner.toLowerCase(Locale.ROOT);
    if (o.equals(i)) {
      return true;
    }
    int star = o.indexOf('*');
    return star >= 0 && o.indexOf('?') < 0 && star == o.length() - 1
        && i.startsWith(o.substring(0, star));
  }

  /**
   * True when a resource pattern designates every resource of its kind: {@code *}, or an ARN
   * whose resource name is {@code *} ({@code arn:aws:s3:::*}, {@code
   * arn:aws:dynamodb:*:*:table/*}, {@code arn:aws:iam::*:role/*}, {@code arn:aws:sqs:*:*:*}). A
   * partial name ({@code arn:aws:s3:::app-*}) or an unresolved one ({@code ${Table}}) is not
   * broad.
   */
  public static boolean isBroadResource(String resource) {
    if (resource.equals("*")) {
      return true;
    }
    if (!resource.startsWith("arn:")) {
      return false;
    }
    List<String> parts = arnParts(resource);
    if (parts.size() < 6) {
      return false;
    }
    String service = parts.get(2);
    String rest = parts.get(5);
    int cut = indexOfAny(rest, 0);
    String name;
    if (service.equals("s3") || cut < 0) {
      name = cut < 0 ? rest : rest.substring(0, cut);
    } else {
      int next = indexOfAny(rest, cut + 1);
      name = next < 0 ? rest.substring(cut + 1) : rest.substring(cut + 1, next);
    }
    return name.equals("*");
  }

  private static int indexOfAny(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '/' || s.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Splits an ARN on {@code :} into at most 6 parts, keeping {@code ${…}} placeholders whole (the
   * sixth part keeps its own colons).
   */
  public static List<String> arnParts(String arn) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < arn.length(); i++) {
      char c = arn.charAt(i);
      if (c == '$' && i + 1 < arn.length() && arn.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      if (c == ':' && depth == 0 && out.size() < 5) {
        out.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    out.add(part.toString());
    return out;
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
