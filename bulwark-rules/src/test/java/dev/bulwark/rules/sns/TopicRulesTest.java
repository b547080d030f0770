package dev.bulwark.rules.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourcePolicy;
import dev.bulwark.model.Topic;
import dev.bulwark.rules.internal.testing.ModelKit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRulesTest {

  private final ModelKit k = new ModelKit();

  @Test
  void reportsTopicsWithoutKeyButNotManagedOrUnresolvedKeys() {
    List<Finding> found = ModelKit.run(new UnencryptedTopic(),
        new Topic(k.meta("Plain", "AWS::SNS::Topic"), k.absent(), k.absent()),
        new Topic(k.meta("Managed", "AWS::SNS::Topic"), k.absent(),
            k.of(Ref.literal("alias/aws/sns"))),
        new Topic(k.meta("Param", "AWS::SNS::Topic"), k.absent(), k.unknown("KeyArn")));
    assertThat(found).extracting(Finding::message)
        .containsExactly("Topic Plain is not encrypted at rest (no KmsMasterKeyId)");
  }

  @Test
  void acceptsTheDefaultPolicyRestrictedBySourceOwner() {
    ResourcePolicy policy = new ResourcePolicy(k.meta("P", "AWS::SNS::TopicPolicy"),
        k.policy(k.map("Effect", "Allow", "Principal", k.map("AWS", "*"),
            "Action", k.list(k.s("sns:Publish"), k.s("sns:Subscribe")),
            "Condition", k.map("StringEquals", k.map("AWS:SourceOwner", "111122223333")))),
        List.of(k.ref("T")));
    assertThat(ModelKit.run(new PublicTopicPolicy(), policy)).isEmpty();
  }

  @Test
  void reportsAPublicPublishStatement() {
    ResourcePolicy policy = new ResourcePolicy(k.meta("P", "AWS::SNS::TopicPolicy"),
        k.policy(k.map("Effect", "Allow", "Principal", "*", "Action", "sns:Publish")),
        List.of(k.ref("Alerts")));
    assertThat(ModelKit.run(new PublicTopicPolicy(), policy)).extracting(Finding::message)
        .containsExactly("Topic policy P (topics Alerts): statement #1 allows sns:Publish to"
            + " everyone without a restricting condition");
  }
}
