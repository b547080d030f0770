package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generates large SAM templates for scale tests and measurements. */
final class ScaleTemplates {

  private ScaleTemplates() {}

  /**
   * The resolved template {@link #sam} describes, built directly (without reading YAML), with one
   * line per property so locations stay distinct.
   */
  static Template resolved(int n) {
    Map<String, TemplateResource> resources = new LinkedHashMap<>();
    int[] line = {1};
    resources.put("Jobs", resource("Jobs", "AWS::SQS::Queue", line, map(line)));
    resources.put("Table", resource("Table", "AWS::DynamoDB::Table", line, map(line)));
    for (int i = 0; i < n; i++) {
      String id = "Fn" + i;
      Node.MapNode props =
          map(
              line,
              "Runtime",
              str("python3.12", line),
              "Handler",
              str("app.handler", line),
              "CodeUri",
              str("src/fn" + i + "/", line),
              "Timeout",
              str("10", line),
              "Tracing",
              str("Active", line),
              "AutoPublishAlias",
              str("live", line),
              "Environment",
              map(line, "Variables", map(line, "TABLE", ref("Table", null, line))),
              "Policies",
              new Node.ListNode(
                  List.of(
                      map(
                          line,
                          "DynamoDBCrudPolicy",
                          map(line, "TableName", ref("Table", null, line)))),
                  loc(line)),
              "FunctionUrlConfig",
              map(line, "AuthType", str("AWS_IAM", line)),
              "Events",
              map(
                  line,
                  "Get",
                  map(
                      line,
                      "Type",
                      str("Api", line),
                      "Properties",
                      map(line, "Path", str("/items/" + i, line), "Method", str("get", line))),
                  "Work",
                  map(
                      line,
                      "Type",
                      str("SQS", line),
                      "Properties",
                      map(line, "Queue", ref("Jobs", "Arn", line)))));
      resources.put(id, resource(id, "AWS::Serverless::Function", line, props));
    }
    SourceLocation whole = SourceLocation.of("scale.yaml", 1, line[0]);
    return new Template(
        "scale.yaml",
        Path.of("scale.yaml"),
        whole,
        true,
        new Node.MapNode(Map.of(), Map.of(), whole),
        resources,
        List.of());
  }

  private static SourceLocation loc(int[] line) {
    return SourceLocation.of("scale.yaml", line[0]++);
  }

  private static Node str(String v, int[] line) {
    return new Node.Scalar(v, Node.Scalar.Kind.STRING, loc(line));
  }

  private static Node ref(String id, String attribute, int[] line) {
    return new Node.Reference(id, attribute, loc(line));
  }

  private static Node.MapNode map(int[] line, Object... kv) {
    SourceLocation at = loc(line);
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, SourceLocation> keys = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Node v = (Node) kv[i + 1];
      entries.put((String) kv[i], v);
      keys.put((String) kv[i], v.location());
    }
    return new Node.MapNode(entries, keys, at);
  }

  private static TemplateResource resource(String id, String type, int[] line, Node.MapNode props) {
    SourceLocation at = loc(line);
    return new TemplateResource(
        id, type, at, at, props, new Node.MapNode(Map.of(), Map.of(), at), List.of(), null);
  }

  /**
   * A SAM template with {@code n} functions, each with an API event, a queue event, a policy
   * template, a URL and an alias, sharing one queue and one table.
   */
  static String sam(int n) {
    StringBuilder sb = new StringBuilder(n * 700);
    sb.append("Transform: AWS::Serverless-2016-10-31\n");
    sb.append(
        "Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 10\n    Tracing: Active\n");
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
      sb.append(
          "      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n");
      sb.append("      FunctionUrlConfig:\n        AuthType: AWS_IAM\n");
      sb.append("      Events:\n");
      sb.append("        Get:\n          Type: Api\n          Properties:\n");
      sb.append("            Path: /items/").append(i).append("\n            Method: get\n");
      sb.append(
          "        Work:\n"
              + "          Type: SQS\n"
              + "          Properties:\n"
              + "            Queue: !GetAtt Jobs.Arn\n");
    }
    return sb.toString();
  }
}
