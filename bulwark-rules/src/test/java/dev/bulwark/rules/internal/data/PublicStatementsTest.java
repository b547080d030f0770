package dev.bulwark.rules.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicStatementsTest {

  private final ModelKit k = new ModelKit();

  private Node.MapNode allowAll(Object... more) {
    Object[] base = {"Effect", "Allow", "Principal", "*", "Action", "sqs:SendMessage",
        "Resource", "*"};
    Object[] all = new Object[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return k.map(all);
  }

  private Node.MapNode condition(String operator, String key, Node value) {
    return k.map(operator, k.map(key, value));
  }

  private boolean open(Node statement) {
    return !PublicStatements.of(k.policy(statement)).isEmpty();
  }

  @Test
  void reportsAnAllowToEveryoneWithoutCondition() {
    List<PublicStatements.Open> found = PublicStatements.of(k.policy(allowAll()));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).label()).isEqualTo("statement #1");
    assertThat(found.get(0).key()).isEqualTo("#1");
    assertThat(found.get(0).actions()).isEqualTo("sqs:SendMessage");
  }

  @Test
  void labelsAStatementBySidWhenItHasOne() {
    List<PublicStatements.Open> found = PublicStatements.of(k.policy(
        k.map("Sid", "Denied", "Effect", "Deny", "Principal", "*", "Action", "s3:*"),
        allowAll("Sid", "OpenSend")));
    assertThat(found).singleElement().satisfies(o -> {
      assertThat(o.label()).isEqualTo("statement 'OpenSend'");
      assertThat(o.key()).isEqualTo("OpenSend");
      assertThat(o.index()).isEqualTo(2);
    });
  }

  @Test
  void treatsTheAwsStarPrincipalAsEveryone() {
    Node s = k.map("Effect", "Allow", "Principal", k.map("AWS", "*"), "Action", "sns:Publish");
    assertThat(open(s)).isTrue();
  }

  @Test
  void ignoresDenyStatementsNamedPrincipalsAndServicePrincipals() {
    assertThat(open(k.map("Effect", "Deny", "Principal", "*", "Action", "sqs:*"))).isFalse();
    assertThat(open(k.map("Effect", "Allow", "Principal",
        k.map("AWS", "arn:aws:iam::444455556666:root"), "Action", "sqs:*"))).isFalse();
    assertThat(open(k.map("Effect", "Allow", "Principal",
        k.map("Service", "sns.amazonaws.com"), "Action", "sqs:SendMessage"))).isFalse();
  }

  @Test
  void treatsAllowWithNotPrincipalAsEveryoneElse() {
    Node s = k.map("Effect", "Allow", "NotPrincipal",
        k.map("AWS", "arn:aws:iam::444455556666:root"), "Action", "kms:Decrypt");
    assertThat(open(s)).isTrue();
  }

  @Test
  void acceptsPositiveConditionsOnCallerSourceAndNetwork() {
    assertThat(open(allowAll("Condition",
        condition("ArnEquals", "aws:SourceArn", k.s("arn:aws:sns:eu-west-1:111122223333:t")))))
        .isFalse();
    assertThat(open(allowAll("Condition",
        condition("StringEquals", "aws:PrincipalOrgID", k.s("o-a1b2c3d4e5"))))).isFalse();
    assertThat(open(allowAll("Condition",
        condition("StringEquals", "AWS:SourceOwner", k.s("111122223333"))))).isFalse();
    assertThat(open(allowAll("Condition",
        condition("IpAddress", "aws:SourceIp", k.s("203.0.113.0/24"))))).isFalse();
    assertThat(open(allowAll("Condition",
        condition("StringEquals", "kms:CallerAccount", k.s("111122223333"))))).isFalse();
    assertThat(open(allowAll("Condition",
        condition("ForAnyValue:StringEquals", "aws:SourceVpce", k.s("vpce-1"))))).isFalse();
  }

  @Test
  void rejectsConditionsThatDoNotLimitTheCaller() {
    assertThat(open(allowAll("Condition",
        condition("Bool", "aws:SecureTransport", k.s("true"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("StringEquals", "events:source", k.s("com.example"))))).isTrue();
  }

  @Test
  void rejectsNegatedIfExistsNullAndForAllValuesOperators() {
    assertThat(open(allowAll("Condition",
        condition("StringNotEquals", "aws:SourceAccount", k.s("444455556666"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("ArnEqualsIfExists", "aws:SourceArn", k.s("arn:aws:sns:r:1:t"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("Null", "aws:SourceArn", k.s("false"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("ForAllValues:StringEquals", "aws:PrincipalOrgID", k.s("o-1"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("NotIpAddress", "aws:SourceIp", k.s("203.0.113.0/24"))))).isTrue();
  }

  @Test
  void rejectsValuesThatAnyCallerSatisfies() {
    assertThat(open(allowAll("Condition",
        condition("StringLike", "aws:PrincipalOrgID", k.s("*"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("ArnLike", "aws:SourceArn", k.s("arn:aws:sns:*:*:orders"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("ArnLike", "aws:SourceArn", k.s("arn:aws:s3:::*"))))).isTrue();
    assertThat(open(allowAll("Condition",
        condition("IpAddress", "aws:SourceIp", k.list(k.s("10.0.0.0/8"), k.s("0.0.0.0/0"))))))
        .isTrue();
  }

  @Test
  void keepsALiteralStarUnderAnEqualsOperatorAsRestricting() {
    // StringEquals compares literally: no organization id is "*", so nobody matches
    assertThat(open(allowAll("Condition",
        condition("StringEquals", "aws:PrincipalOrgID", k.s("*"))))).isFalse();
  }

  @Test
  void acceptsAnS3ArnThatNamesTheBucket() {
    assertThat(open(allowAll("Condition",
        condition("ArnLike", "aws:SourceArn", k.s("arn:aws:s3:::orders-exports"))))).isFalse();
  }

  @Test
  void countsAnUnresolvedValueOfARestrictingConditionAsRestricting() {
    assertThat(open(allowAll("Condition",
        condition("ArnEquals", "aws:SourceArn", k.reference("OrdersTopic"))))).isFalse();
  }

  @Test
  void judgesAnUnresolvedValueUnderANonRestrictingOperatorAsOpen() {
    assertThat(open(allowAll("Condition",
        condition("ArnEqualsIfExists", "aws:SourceArn", k.reference("OrdersTopic"))))).isTrue();
  }

  @Test
  void staysSilentWhenTheConditionBlockCannotBeRead() {
    assertThat(open(allowAll("Condition", k.unresolved("Fn::ImportValue")))).isFalse();
  }

  @Test
  void staysSilentOnStatementsUnderAnUnresolvedCondition() {
    Node choice = new Node.Choice("OpenForDemo", allowAll(), new Node.Absent(k.at()), k.at());
    assertThat(open(choice)).isFalse();
  }

  @Test
  void staysSilentOnAnUnknownOrAbsentPolicy() {
    assertThat(PublicStatements.of(Attr.<PolicyDocument>absent(k.at()))).isEmpty();
    assertThat(PublicStatements.of(k.<PolicyDocument>unknown("PolicyParam"))).isEmpty();
  }

  @Test
  void describesNotActionGrantsAndLongActionLists() {
    Node notAction = k.map("Effect", "Allow", "Principal", "*", "NotAction", "s3:DeleteBucket");
    Node many = k.map("Effect", "Allow", "Principal", "*",
        "Action", k.list(k.s("sqs:A"), k.s("sqs:B"), k.s("sqs:C"), k.s("sqs:D")));
    List<PublicStatements.Open> found = PublicStatements.of(k.policy(notAction, many));
    assertThat(found).extracting(PublicStatements.Open::actions)
        .containsExactly("every action except s3:DeleteBucket", "sqs:A, sqs:B, sqs:C, …");
  }

  @Test
  void tellsWhetherAStatementCertainlyGrantsAnAction() {
    List<PublicStatements.Open> found = PublicStatements.of(k.policy(
        k.map("Effect", "Allow", "Principal", "*", "Action", "s3:Put*"),
        k.map("Effect", "Allow", "Principal", "*", "Action", "s3:GetObject"),
        k.map("Effect", "Allow", "Principal", "*", "NotAction", "s3:GetObject")));
    assertThat(found).extracting(o -> o.grants("s3:PutObject"))
        .containsExactly(true, false, true);
  }
}
