package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracingNotActiveTest {

  @Test
  void reportsTheServiceDefaultOnTheFunctionAndAnExplicitModeOnItsLine() {
    CloudModel m = model(
        function("Defaulted", 10).build(),
        function("Explicit", 20).tracing("PassThrough", 24).build(),
        function("Traced", 30).tracing("Active", 34).build());

    List<Finding> found = run(new TracingNotActive(), m);

    assertThat(found).extracting(f -> f.location().startLine()).containsExactly(10, 24);
    assertThat(found).extracting(Finding::message).containsExactly(
        "Function Defaulted: X-Ray tracing is PassThrough (the default)",
        "Function Explicit: X-Ray tracing is PassThrough");
  }

  @Test
  void trustsATracingVendorsLayerGivenThroughASub() {
    Attr<Ref> datadog = Attr.unknown(Models.at(14),
        "arn:aws:lambda:${AWS::Region}:464622532012:layer:Datadog-Extension:65", List.of());
    CloudModel m = model(function("Orders", 10).layer(datadog).build());

    assertThat(run(new TracingNotActive(), m)).isEmpty();
  }

  @Test
  void doesNotTreatNonTracingPublishersAsTracers() {
    CloudModel m = model(function("Orders", 10)
        .layer("arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3:7", 14)
        .build());

    assertThat(run(new TracingNotActive(), m)).hasSize(1);
  }

  @Test
  void staysSilentWhenTheModeIsUnknown() {
    CloudModel m = model(function("Param", 10).tracing(Models.unknown(13, "${TracingMode}"))
        .build());

    assertThat(run(new TracingNotActive(), m)).isEmpty();
  }
}
