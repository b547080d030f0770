package dev.bulwark.rules.lambda;

import static dev.bulwark.rules.lambda.Models.absent;
import static dev.bulwark.rules.lambda.Models.function;
import static dev.bulwark.rules.lambda.Models.meta;
import static dev.bulwark.rules.lambda.Models.model;
import static dev.bulwark.rules.lambda.Models.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutBeyondApiLimitTest {

  private static Api api(String id, ApiKind kind, int line) {
    return new Api(meta(id, "AWS::Serverless::Api", line), kind, absent(line), absent(line),
        absent(line), absent(line), true);
  }

  private static Route route(String id, String api, String fn, Attr<Integer> timeout, int line) {
    return new Route(meta(id, "AWS::ApiGateway::Method", line),
        Attr.of(Ref.to(api), Models.at(line)), Attr.of("POST", Models.at(line)),
        Attr.of("/reports", Models.at(line)), Attr.of("NONE", Models.at(line)), absent(line),
        absent(line), Attr.of(Ref.to(fn), Models.at(line)), timeout, absent(line),
        absent(line));
  }

  @Test
  void reportsATimeoutLongerThanTheRestApiMaximumAtTheTimeoutLine() {
    CloudModel m = model(
        function("Report", 10).timeout(60, 14).build(),
        api("ReportsApi", ApiKind.REST, 30),
        route("ReportRoute", "ReportsApi", "Report", absent(40), 40));

    List<Finding> found = run(new TimeoutBeyondApiLimit(), m);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.location().startLine()).isEqualTo(14);
      assertThat(f.message()).isEqualTo("Function Report: timeout 60 s is longer than the 29 s"
          + " integration timeout of ReportsApi POST /reports: clients get a 504 while the"
          + " function keeps running and billing");
    });
  }

  @Test
  void ratesASmallOvershootLowAndMoreThanTwiceTheLimitMedium() {
    CloudModel slightly = model(function("Report", 10).timeout(30, 14).build(),
        api("Rest", ApiKind.REST, 30), route("R", "Rest", "Report", absent(40), 40));
    CloudModel far = model(function("Report", 10).timeout(59, 14).build(),
        api("Rest", ApiKind.REST, 30), route("R", "Rest", "Report", absent(40), 40));

    assertThat(run(new TimeoutBeyondApiLimit(), slightly)).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.LOW);
    assertThat(run(new TimeoutBeyondApiLimit(), far)).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void allowsUpToThirtySecondsBehindAnHttpApi() {
    CloudModel ok = model(function("Search", 10).timeout(30, 14).build(),
        api("HttpApi", ApiKind.HTTP, 30), route("R", "HttpApi", "Search", absent(40), 40));
    CloudModel tooLong = model(function("Search", 10).timeout(31, 14).build(),
        api("HttpApi", ApiKind.HTTP, 30), route("R", "HttpApi", "Search", absent(40), 40));

    assertThat(run(new TimeoutBeyondApiLimit(), ok)).isEmpty();
    assertThat(run(new TimeoutBeyondApiLimit(), tooLong)).hasSize(1);
  }

  @Test
  void usesTheRoutesExplicitIntegrationTimeoutOverTheApiMaximum() {
    CloudModel raised = model(function("Export", 10).timeout(50, 14).build(),
        api("Exports", ApiKind.REST, 30),
        route("R", "Exports", "Export", Attr.of(60_000, Models.at(45)), 40));
    CloudModel lowered = model(function("Quote", 10).timeout(15, 14).build(),
        api("Quotes", ApiKind.HTTP, 30),
        route("R", "Quotes", "Quote", Attr.of(10_000, Models.at(45)), 40));

    assertThat(run(new TimeoutBeyondApiLimit(), raised)).isEmpty();
    assertThat(run(new TimeoutBeyondApiLimit(), lowered)).singleElement()
        .extracting(Finding::message).asString().contains("than the 10 s integration timeout");
  }

  @Test
  void reportsOnceAgainstTheTightestRoute() {
    CloudModel m = model(function("Report", 10).timeout(60, 14).build(),
        api("Rest", ApiKind.REST, 30), api("Http", ApiKind.HTTP, 31),
        route("A", "Http", "Report", absent(40), 40),
        route("B", "Rest", "Report", absent(50), 50),
        route("C", "Http", "Report", Attr.of(5_000, Models.at(61)), 60));

    assertThat(run(new TimeoutBeyondApiLimit(), m)).singleElement()
        .extracting(Finding::message).asString().contains("5 s integration timeout of Http");
  }

  @Test
  void staysSilentWhenEitherTimeoutIsUnknownOrThereIsNoApi() {
    CloudModel unknownFunction = model(
        function("Report", 10).timeout(Models.unknown(14, "${HandlerTimeout}")).build(),
        api("Rest", ApiKind.REST, 30), route("R", "Rest", "Report", absent(40), 40));
    CloudModel unknownRoute = model(function("Report", 10).timeout(60, 14).build(),
        api("Rest", ApiKind.REST, 30),
        route("R", "Rest", "Report", Models.unknown(45, "${Timeout}"), 40));
    CloudModel noApi = model(function("Batch", 10).timeout(900, 14).build());

    assertThat(run(new TimeoutBeyondApiLimit(), unknownFunction)).isEmpty();
    assertThat(run(new TimeoutBeyondApiLimit(), unknownRoute)).isEmpty();
    assertThat(run(new TimeoutBeyondApiLimit(), noApi)).isEmpty();
  }
}
