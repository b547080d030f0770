package dev.bulwark.iac.internal.mapping;

/** Generates large SAM templates for scale tests and measurements. */
final class ScaleTemplates {

  private ScaleTemplates() {}

  /**
   * A SAM template with {@code n} functions, each with an API event, a queue event, a policy
   * template, a URL and an alias, sharing one queue and one table.
   */
  static String sam(int n) {
    StringBuilder sb = new StringBuilder(n * 700);
    sb.append("Transform: AWS::Serverless-2016-10-31\n");
    sb.append("Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 10\n    Tracing: Active\n");
    sb.append("Resources:\n");
    sb.append("  Jobs:\n    Type: AWS::SQS::Queue\n");
    sb.append("  Table:\n    Type: AWS::DynamoDB::Table\n");
    for (int i = 0; i < n; i++) {
      sb.append("  Fn").append(i).append(":\n");
      sb.append("    Type: AWS::Serverless::Function\n");
      sb.append("    Properties:\n");
      sb.append("      Handler: app.handler\n");
      sb.append("      CodeUri: src/fn").append(i).append("/\n");
      sb.append("      AutoPublishAlias: live\n");
      sb.append("      Environment:\n        Variables:\n          TABLE: !Ref Table\n");
      sb.append("      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n");
      sb.append("      FunctionUrlConfig:\n        AuthType: AWS_IAM\n");
      sb.append("      Events:\n");
      sb.append("        Get:\n          Type: Api\n          Properties:\n");
      sb.append("            Path: /items/").append(i).append("\n            Method: get\n");
      sb.append("        Work:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Jobs.Arn\n");
    }
    return sb.toString();
  }
}
