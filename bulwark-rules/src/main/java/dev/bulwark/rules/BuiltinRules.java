package dev.bulwark.rules;

import dev.bulwark.rules.apigw.CustomDomainAllowingTls10;
import dev.bulwark.rules.apigw.NonJsonAccessLogFormat;
import dev.bulwark.rules.apigw.RestApiWithoutRequestValidation;
import dev.bulwark.rules.apigw.StageWithoutAccessLogging;
import dev.bulwark.rules.apigw.StageWithoutExecutionLogging;
import dev.bulwark.rules.apigw.StageWithoutTracing;
import dev.bulwark.rules.apigw.StageWithoutWebAcl;
import dev.bulwark.rules.apigw.UnencryptedApiCache;
import dev.bulwark.rules.apigw.UnthrottledStage;
import dev.bulwark.rules.dynamodb.TableWithoutCustomerManagedKey;
import dev.bulwark.rules.dynamodb.TableWithoutPointInTimeRecovery;
import dev.bulwark.rules.events.EventTargetWithoutDeadLetterQueue;
import dev.bulwark.rules.events.PublicEventBusPolicy;
import dev.bulwark.rules.kms.KeyWithoutRotation;
import dev.bulwark.rules.kms.PublicKeyPolicy;
import dev.bulwark.rules.s3.PublicBucketUsedByFunction;
import dev.bulwark.rules.sfn.StateMachineWithoutLogging;
import dev.bulwark.rules.sfn.StateMachineWithoutTracing;
import dev.bulwark.rules.sns.PublicTopicPolicy;
import dev.bulwark.rules.sns.UnencryptedTopic;
import dev.bulwark.rules.sqs.PublicQueuePolicy;
import dev.bulwark.rules.sqs.QueueWithoutDeadLetterQueue;
import dev.bulwark.rules.sqs.UnencryptedQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in rules, in one list sorted by id. A catalog test checks that every rule class is
 * registered here.
 */
public final class BuiltinRules {

  private BuiltinRules() {}

  /** A new instance of every built-in rule, in id order. */
  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(List.of(
        // keep sorted by id; one line per rule
        new RestApiWithoutRequestValidation(),
        new UnthrottledStage(),
        new StageWithoutWebAcl(),
        new CustomDomainAllowingTls10(),
        new StageWithoutAccessLogging(),
        new StageWithoutExecutionLogging(),
        new StageWithoutTracing(),
        new NonJsonAccessLogFormat(),
        new UnencryptedApiCache(),
        new TableWithoutPointInTimeRecovery(),
        new TableWithoutCustomerManagedKey(),
        new PublicEventBusPolicy(),
        new EventTargetWithoutDeadLetterQueue(),
        new PublicKeyPolicy(),
        new KeyWithoutRotation(),
        new PublicBucketUsedByFunction(),
        new StateMachineWithoutLogging(),
        new StateMachineWithoutTracing(),
        new UnencryptedTopic(),
        new PublicTopicPolicy(),
        new UnencryptedQueue(),
        new PublicQueuePolicy(),
        new QueueWithoutDeadLetterQueue()
        ));
    rules.sort(Comparator.comparing(r -> RuleCatalog.metadata(r).id()));
    return List.copyOf(rules);
  }
}
