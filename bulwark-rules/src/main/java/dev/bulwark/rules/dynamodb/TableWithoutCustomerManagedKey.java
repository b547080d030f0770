package dev.bulwark.rules.dynamodb;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Table;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import dev.bulwark.rules.internal.data.Where;
import java.util.Locale;

/**
 * A table encrypted with an AWS owned key or the AWS managed key {@code aws/dynamodb}: the team
 * cannot restrict or audit use of the key, nor revoke it. Off by default (a baseline control).
 */
@RuleInfo(
    id = "DYNAMODB-002",
    title = "DynamoDB table is not encrypted with a customer-managed KMS key",
    severity = Severity.LOW,
    remediation = "Enable SSESpecification with SSEType KMS and a customer-managed KMSMasterKeyId.",
    tags = {"dynamodb", "encryption-at-rest"},
    enabledByDefault = false)
public final class TableWithoutCustomerManagedKey implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Table table : model.tables()) {
      Attr<Boolean> sse = table.sseEnabled();
      Attr<Ref> key = table.kmsKey();
      String uses;
      if (sse.isAbsentOr(s -> !s)) {
        uses = "an AWS owned key (SSESpecification not enabled)";
      } else if (sse.is(s -> s)
          && (key.isAbsent() || key.is(TableWithoutCustomerManagedKey::isAwsManaged))) {
        uses = "the AWS managed key aws/dynamodb";
      } else {
        continue;
      }
      findings.report(table, Where.of(table, sse),
          "Table " + table.id() + " is encrypted with " + uses);
    }
  }

  /** {@code alias/aws/dynamodb}, by name or ARN. */
  private static boolean isAwsManaged(Ref ref) {
    return ref.literal()
        .map(l -> l.toLowerCase(Locale.ROOT))
        .filter(l -> l.equals("alias/aws/dynamodb") || l.endsWith(":alias/aws/dynamodb"))
        .isPresent();
  }
}
