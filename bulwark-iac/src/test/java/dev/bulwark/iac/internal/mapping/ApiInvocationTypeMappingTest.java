package dev.bulwark.iac.internal.mapping;

import static dev.bulwark.iac.internal.mapping.Fixtures.get;
import static dev.bulwark.iac.internal.mapping.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiInvocationTypeMappingTest {

  private final CloudModel model = Fixtures.model("api-invocation-types.yaml");

  @Test
  void samEventWithoutDefinitionIsASynchronousProxyByDefault() {
    Route plain = get(model, "WorkerPlain", Route.class);
    assertThat(plain.invocationType().get()).isEqualTo(Route.REQUEST_RESPONSE);
    assertThat(plain.invocationType().isExplicit()).isFalse();
    assertThat(plain.waitsForResponse()).isTrue();
  }

  @Test
  void samEventKeepsTheStreamingIntegrationOfTheApiDefinition() {
    Route streamed = get(model, "WorkerStreamed", Route.class);
    assertThat(streamed.invocationType().get()).isEqualTo(Route.RESPONSE_STREAM);
    assertThat(line(streamed.invocationType())).isEqualTo(40);
    assertThat(streamed.waitsForResponse()).isFalse();
  }

  @Test
  void openApiOperationWithEventInvocationHeaderIsAsynchronous() {
    Route imports = get(model, "BookApi#PUT/imports", Route.class);
    assertThat(imports.invocationType().get()).isEqualTo(Route.EVENT);
    assertThat(line(imports.invocationType())).isEqualTo(49);
  }

  @Test
  void restMethodWithEventInvocationHeaderIsAsynchronous() {
    Route submit = get(model, "SubmitJob", Route.class);
    assertThat(submit.invocationType().get()).isEqualTo(Route.EVENT);
    assertThat(line(submit.invocationType())).isEqualTo(75);
    assertThat(submit.integrationFunction().value().flatMap(r -> r.resourceId()))
        .contains("Worker");
  }

  @Test
  void invocationTypeChosenByTheCallerIsUnknown() {
    Route run = get(model, "RunJob", Route.class);
    assertThat(run.invocationType().isUnknown()).isTrue();
    assertThat(run.waitsForResponse()).isFalse();
  }

  @Test
  void restMethodWithStreamTransferModeStreams() {
    Route stream = get(model, "StreamJob", Route.class);
    assertThat(stream.invocationType().get()).isEqualTo(Route.RESPONSE_STREAM);
    assertThat(line(stream.invocationType())).isEqualTo(101);
  }
}
