package dev.bulwark.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyConditionsTest {

  private static final SourceLocation AT = SourceLocation.of("p.json", 1);

  private static Statement.Condition cond(String op, String key, String... values) {
    return new Statement.Condition(op, key,
        java.util.Arrays.stream(values).map(v -> Attr.of(v, AT)).toList(), AT);
  }

  @Test
  void positiveTestsOnCallerKeysRestrictAnAllow() {
    assertThat(PolicyConditions.restricts(cond("StringEquals", "aws:PrincipalOrgID", "o-abc")))
        .isTrue();
    assertThat(PolicyConditions.restricts(cond("IpAddress", "aws:SourceIp", "203.0.113.0/24")))
        .isTrue();
    assertThat(PolicyConditions.restricts(cond("ArnLike", "aws:SourceArn",
        "arn:aws:sns:eu-west-1:111122223333:orders"))).isTrue();
  }

  @Test
  void conditionsAnyoneCanMeetDoNotRestrict() {
    assertThat(PolicyConditions.restricts(cond("StringNotEquals", "aws:SourceAccount", "1")))
        .isFalse();
    assertThat(PolicyConditions.restricts(cond("StringEqualsIfExists", "aws:SourceVpce", "v")))
        .isFalse();
    assertThat(PolicyConditions.restricts(cond("IpAddress", "aws:SourceIp", "0.0.0.0/0")))
        .isFalse();
    assertThat(PolicyConditions.restricts(cond("ArnLike", "aws:SourceArn",
        "arn:aws:sns:*:*:orders"))).isFalse();
    assertThat(PolicyConditions.restricts(cond("StringLike", "aws:Referer", "https://x/*")))
        .as("spoofable keys never restrict").isFalse();
  }

  @Test
  void aDenyWithANegatedCallerConditionTurnsOutsidersAway() {
    Statement deny = new Statement(Attr.absent(AT), Attr.of("Deny", AT), List.of(), false,
        List.of(), false, List.of(), false,
        List.of(cond("NotIpAddress", "aws:SourceIp", "203.0.113.0/24")), true, null, AT);
    assertThat(PolicyConditions.denyTargetsCaller(deny)).isTrue();
    assertThat(PolicyConditions.restrictsCaller(deny)).as("not as an Allow").isFalse();
  }
}
