package dev.bulwark.rules.dynamodb;

import dev.bulwark.core.Severity;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Table;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;

/** A table without continuous backups: a bad write or delete cannot be rolled back. */
@RuleInfo(
    id = "DYNAMODB-001",
    title = "DynamoDB table has point-in-time recovery disabled",
    severity = Severity.MEDIUM,
    remediation = "Set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true.",
    tags = {"dynamodb", "backup", "resilience"})
public final class TableWithoutPointInTimeRecovery implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Table table : model.tables()) {
      if (table.pointInTimeRecovery().isAbsentOr(p -> !p)) {
        String simple = table.type().equals("AWS::Serverless::SimpleTable")
            ? " (SimpleTable cannot enable it: use AWS::DynamoDB::Table)" : "";
        findings.report(table, Where.of(table, table.pointInTimeRecovery()),
            "Table " + table.id()
            + " has point-in-time recovery disabled" + simple);
      }
    }
  }
}
