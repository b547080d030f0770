package dev.bulwark.bench.scan;

/**
 * Generates a SAM template with many functions, for the scale benchmark and the command-line
 * check.
 *
 * <pre>
 * java -cp bulwark-bench/target/benchmarks.jar dev.bulwark.bench.scan.ManyFunctions 10000 /tmp/many/template.yaml
 * </pre>
 */
public final class ManyFunctions {

  private ManyFunctions() {}

  /** Writes {@code template(N)} to a file: {@code N FILE}. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length != 2) {
      System.err.println("usage: ManyFunctions FUNCTIONS FILE");
      System.exit(2);
    }
    java.nio.file.Path out = java.nio.file.Path.of(args[1]);
    if (out.toAbsolutePath().getParent() != null) {
      java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    }
    java.nio.file.Files.writeString(out, template(Integer.parseInt(args[0])));
  }

  /** A template with {@code n} functions behind one API, all triggered by one queue. */
  public static String template(int n) {
    StringBuilder sb = new StringBuilder(n * 700);
    sb.append("AWSTemplateFormatVersion: '2010-09-09'\n")
        .append("Transform: AWS::Serverless-2016-10-31\n")
        .append("Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 10\n")
        .append("Resources:\n")
        .append("  Queue:\n    Type: AWS::SQS::Queue\n")
        .append("  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n")
        .append("      BillingMode: PAY_PER_REQUEST\n");
    for (int i = 0; i < n; i++) {
      sb.append("  Fn").append(i).append(":\n")
          .append("    Type: AWS::Serverless::Function\n")
          .append("    Properties:\n")
          .append("      CodeUri: src/\n")
          .append("      Handler: app.handler").append(i).append('\n')
          .append("      Tracing: ").append(i % 2 == 0 ? "Active" : "PassThrough").append('\n')
          .append("      Environment:\n        Variables:\n")
          .append("          TABLE: !Ref Table\n")
          .append("          MODE: fn").append(i).append('\n')
          .append("      Policies:\n")
          .append("        - DynamoDBReadPolicy:\n            TableName: !Ref Table\n")
          .append("        - SQSPollerPolicy:\n            QueueName: !GetAtt Queue.QueueName\n")
          .append("      Events:\n")
          .append("        Get:\n          Type: Api\n          Properties:\n")
          .append("            Path: /items/").append(i).append("\n            Method: get\n")
          .append("        Work:\n          Type: SQS\n          Properties:\n")
          .append("            Queue: !GetAtt Queue.Arn\n");
    }
    return sb.toString();
  }
}
