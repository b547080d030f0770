package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Queue;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Route;
import dev.bulwark.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedPropertiesTest {

  private final LoadResult result = Fixtures.load("malformed.yaml");

  @Test
  void everyMalformedPropertyIsAnInvalidErrorNamingFileLineResourceAndReason() {
    assertThat(result.errors())
        .extracting(ScanError::line, ScanError::message)
        .containsExactlyInAnyOrder(
            tuple(8, "Broken: Metadata.bulwark.ignore: an entry has no 'id'"),
            tuple(13, "Broken: Timeout: expected a whole number but found 'abc'"),
            tuple(14, "Broken: MemorySize: expected a whole number but found a list"),
            tuple(16, "Broken: Tracing: expected a string but found a map"),
            tuple(17, "Broken: VpcConfig: expected a map but found 'subnets'"),
            tuple(18, "Broken: Tags: expected a map or a list of {Key, Value}"),
            tuple(
                19,
                "Broken: Policies: expected a policy name, ARN, document or template but found"
                    + " '42'"),
            tuple(21, "Broken: DeadLetterQueue.Type must be SQS or SNS"),
            tuple(23, "Broken: FunctionUrlConfig needs AuthType (NONE or AWS_IAM)"),
            tuple(27, "Broken: Events.NoType has no Type"),
            tuple(31, "Broken: Events.Weird: unknown event type 'Carrier'"),
            tuple(
                35,
                "Broken: Events.Orphan: RestApiId references 'MissingApi', which is not a resource"
                    + " of this template"),
            tuple(
                44,
                "Broken: Events.Ghost: authorizer 'NoSuchAuthorizer' is not defined in the API's"
                    + " Auth.Authorizers"),
            tuple(49, "BadQueue: SqsManagedSseEnabled: expected true or false but found 'maybe'"),
            tuple(50, "BadQueue: RedrivePolicy: expected a map but found 'not json'"),
            tuple(60, "BadFunction: Environment.Variables: expected a map but found a list"),
            tuple(
                61,
                "BadFunction: ReservedConcurrentExecutions: expected a whole number but found"
                    + " 'lots'"));
    assertThat(result.errors())
        .allSatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
              assertThat(e.file()).isEqualTo("malformed.yaml");
            });
  }

  @Test
  void malformedValuesBecomeUnknownAndTheRestOfTheResourceIsStillMapped() {
    CloudModel m = result.model();
    Function broken = get(m, "Broken", Function.class);
    assertThat(broken.timeout().isUnknown()).isTrue();
    assertThat(broken.timeout().location().startLine()).isEqualTo(13);
    assertThat(broken.memorySize().isUnknown()).isTrue();
    assertThat(broken.tracing().isUnknown()).isTrue();
    assertThat(broken.vpc().isUnknown()).isTrue();
    assertThat(broken.runtime().get()).isEqualTo("python3.12");
    assertThat(m.roleOf(broken)).isPresent();
    assertThat(get(m, "Broken", Function.class).meta().ignores()).isEmpty();
    Queue q = get(m, "BadQueue", Queue.class);
    assertThat(q.sqsManagedSse().isUnknown()).isTrue();
    assertThat(q.sqsManagedSse().mayBe(v -> !v)).isTrue();
    Function bad = get(m, "BadFunction", Function.class);
    assertThat(bad.environment()).isEmpty();
    assertThat(bad.reservedConcurrency().isUnknown()).isTrue();
  }

  @Test
  void validEventsOfABrokenFunctionAndOtherResourcesAreStillMapped() {
    CloudModel m = result.model();
    assertThat(m.resource("StillFine", Topic.class)).isPresent();
    Route ghost = get(m, "BrokenGhost", Route.class);
    assertThat(ghost.authorizationType().isUnknown()).isTrue();
    assertThat(ghost.isUnauthenticated()).isFalse();
    assertThat(get(m, "BrokenOrphan", Route.class).api().get().resourceId()).contains("MissingApi");
    assertThat(m.resources())
        .extracting(Resource::id)
        .contains("BrokenUrl", "BrokenRole", "ServerlessRestApi");
  }
}
