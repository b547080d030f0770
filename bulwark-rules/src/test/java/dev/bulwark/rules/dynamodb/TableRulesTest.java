package dev.bulwark.rules.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Table;
import dev.bulwark.rules.RuleCatalog;
import dev.bulwark.rules.internal.testing.ModelKit;
import org.junit.jupiter.api.Test;

class TableRulesTest {

  private final ModelKit k = new ModelKit();

  private Table table(String id, String type, Attr<Boolean> pitr, Attr<Boolean> sse,
      Attr<Ref> key) {
    return new Table(k.meta(id, type), k.absent(), pitr, sse, key);
  }

  @Test
  void reportsTablesWithoutPointInTimeRecoveryAndExplainsSimpleTables() {
    assertThat(ModelKit.run(new TableWithoutPointInTimeRecovery(),
        table("Orders", "AWS::DynamoDB::Table", k.absent(), k.absent(), k.absent()),
        table("Sessions", "AWS::Serverless::SimpleTable", k.absent(), k.absent(), k.absent()),
        table("Backed", "AWS::DynamoDB::Table", k.of(true), k.absent(), k.absent()),
        table("Param", "AWS::DynamoDB::Table", k.unknown("Pitr"), k.absent(), k.absent())))
        .extracting(Finding::message)
        .containsExactly("Table Orders has point-in-time recovery disabled",
            "Table Sessions has point-in-time recovery disabled (SimpleTable cannot enable it:"
                + " use AWS::DynamoDB::Table)");
  }

  @Test
  void reportsAwsOwnedAndAwsManagedKeysButNotCustomerKeys() {
    String t = "AWS::DynamoDB::Table";
    assertThat(ModelKit.run(new TableWithoutCustomerManagedKey(),
        table("Owned", t, k.absent(), k.absent(), k.absent()),
        table("Managed", t, k.absent(), k.of(true), k.absent()),
        table("Alias", t, k.absent(), k.of(true),
            k.of(Ref.literal("arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb"))),
        table("Customer", t, k.absent(), k.of(true), k.ref("TableKey")),
        table("Param", t, k.absent(), k.of(true), k.unknown("KeyArn")),
        table("UnknownSse", t, k.absent(), k.unknown("Sse"), k.absent())))
        .extracting(f -> f.resource().id()).containsExactly("Owned", "Managed", "Alias");
  }

  @Test
  void runsTheCustomerManagedKeyRuleOnlyInTheAllProfile() {
    assertThat(RuleCatalog.metadata(new TableWithoutCustomerManagedKey()).enabledByDefault())
        .isFalse();
  }
}
