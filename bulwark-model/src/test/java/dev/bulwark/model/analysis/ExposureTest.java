package dev.bulwark.model.analysis;

import static dev.bulwark.model.analysis.Models.absent;
import static dev.bulwark.model.analysis.Models.api;
import static dev.bulwark.model.analysis.Models.at;
import static dev.bulwark.model.analysis.Models.condition;
import static dev.bulwark.model.analysis.Models.everyone;
import static dev.bulwark.model.analysis.Models.function;
import static dev.bulwark.model.analysis.Models.of;
import static dev.bulwark.model.analysis.Models.permission;
import static dev.bulwark.model.analysis.Models.restApi;
import static dev.bulwark.model.analysis.Models.role;
import static dev.bulwark.model.analysis.Models.route;
import static dev.bulwark.model.analysis.Models.statement;
import static dev.bulwark.model.analysis.Models.unknown;
import static dev.bulwark.model.analysis.Models.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Exposure;
import dev.bulwark.model.Function;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Resource;
import dev.bulwark.model.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureTest {

  private static CloudModel model(Resource... resources) {
    return CloudModel.builder(Models.FILE).addAll(List.of(resources)).build();
  }

  private static List<String> paths(CloudModel model) {
    Function fn = model.resource("Fn", Function.class).orElseThrow();
    return Exposure.unauthenticatedPaths(model, fn).stream().map(Exposure.Path::description)
        .toList();
  }

  private static PolicyDocument doc(Statement... statements) {
    return PolicyDocument.of(List.of(statements), at());
  }

  @Test
  void functionUrlWithAuthTypeNoneIsAPath() {
    CloudModel m = model(function("Fn", "R"), role("R"), url("FnUrl", "Fn", of("NONE")));
    assertThat(paths(m)).containsExactly("function URL FnUrl (AuthType NONE)");
  }

  @Test
  void functionUrlWithIamOrUnknownAuthIsNotAPath() {
    assertThat(paths(model(function("Fn", "R"), url("U", "Fn", of("AWS_IAM"))))).isEmpty();
    assertThat(paths(model(function("Fn", "R"), url("U", "Fn", unknown("${AuthType}")))))
        .isEmpty();
  }

  @Test
  void unauthenticatedRouteOfAPublicApiIsAPath() {
    CloudModel m =
        model(function("Fn", "R"), restApi("Api"), route("Get", "Api", "GET", "/items", "NONE", "Fn"));
    assertThat(paths(m)).containsExactly("route GET /items of API Api (no authorization)");
  }

  @Test
  void authorizedRoutesAreNotPaths() {
    CloudModel m =
        model(
            function("Fn", "R"),
            restApi("Api"),
            route("Get", "Api", "GET", "/items", "COGNITO_USER_POOLS", "Fn"),
            route("Put", "Api", "PUT", "/items", "AWS_IAM", "Fn"),
            route("Del", "Api", "DELETE", "/items", "${Auth}", "Fn"));
    assertThat(paths(m)).isEmpty();
  }

  @Test
  void routesOfPrivateApisOrApisOutsideTheModelAreNotPaths() {
    CloudModel privateApi =
        model(
            function("Fn", "R"),
            api("Api", ApiKind.REST, of("PRIVATE"), absent(), true),
            route("Get", "Api", "GET", "/items", "NONE", "Fn"));
    assertThat(paths(privateApi)).isEmpty();
    CloudModel unknownEndpoint =
        model(
            function("Fn", "R"),
            api("Api", ApiKind.REST, unknown("${EndpointType}"), absent(), true),
            route("Get", "Api", "GET", "/items", "NONE", "Fn"));
    assertThat(paths(unknownEndpoint)).isEmpty();
    CloudModel imported = model(function("Fn", "R"), route("Get", "Other", "GET", "/x", "NONE", "Fn"));
    assertThat(paths(imported)).isEmpty();
  }

  @Test
  void corsPreflightRoutesAreNotPaths() {
    CloudModel m =
        model(function("Fn", "R"), restApi("Api"), route("Opt", "Api", "OPTIONS", "/items", "NONE", "Fn"));
    assertThat(paths(m)).isEmpty();
  }

  @Test
  void aResourcePolicyRestrictingSourceIpClosesThePath() {
    Statement allowFromOffice =
        statement("Allow", List.of("execute-api:Invoke"), List.of("execute-api:/*"),
            List.of(everyone()), List.of(condition("IpAddress", "aws:SourceIp", "203.0.113.0/24")));
    CloudModel m =
        model(
            function("Fn", "R"),
            api("Api", ApiKind.REST, of("REGIONAL"), of(doc(allowFromOffice)), true),
            route("Get", "Api", "GET", "/items", "NONE", "Fn"));
    assertThat(paths(m)).isEmpty();
  }

  @Test
  void anAllowToEveryoneCutBackByAConditionalDenyClosesThePath() {
    Statement allowAll =
        statement("Allow", List.of("execute-api:Invoke"), List.of("execute-api:/*"),
            List.of(everyone()), List.of());
    Statement denyOutsideVpce =
        statement("Deny", List.of("execute-api:Invoke"), List.of("execute-api:/*"),
            List.of(everyone()),
            List.of(condition("StringNotEquals", "aws:SourceVpce", "vpce-0abc")));
    PolicyDocument openOnly = doc(allowAll);
    PolicyDocument cutBack = doc(allowAll, denyOutsideVpce);
    assertThat(Exposure.restrictsCallers(Attr.of(openOnly, at()))).isFalse();
    assertThat(Exposure.restrictsCallers(Attr.of(cutBack, at()))).isTrue();
    assertThat(Exposure.restrictsCallers(Attr.unknown(at(), "${Policy}", List.of()))).isTrue();
    assertThat(Exposure.restrictsCallers(Attr.absent(at()))).isFalse();
  }

  @Test
  void aSpoofableConditionDoesNotRestrictCallers() {
    Statement allowWithReferer =
        statement("Allow", List.of("execute-api:Invoke"), List.of("execute-api:/*"),
            List.of(everyone()),
            List.of(condition("StringLike", "aws:Referer", "https://example.com/*")));
    assertThat(Exposure.isOpenToEveryone(allowWithReferer)).isTrue();
  }

  @Test
  void webSocketRoutesAreOpenWhenConnectIsUnauthenticated() {
    CloudModel open =
        model(
            function("Fn", "R"),
            api("Ws", ApiKind.WEBSOCKET, absent(), absent(), true),
            route("Connect", "Ws", null, "$connect", "NONE", null),
            route("Send", "Ws", null, "sendMessage", "NONE", "Fn"));
    assertThat(paths(open))
        .containsExactly("route sendMessage of API Ws ($connect has no authorization)");
    CloudModel closed =
        model(
            function("Fn", "R"),
            api("Ws", ApiKind.WEBSOCKET, absent(), absent(), true),
            route("Connect", "Ws", null, "$connect", "CUSTOM", null),
            route("Send", "Ws", null, "sendMessage", "NONE", "Fn"));
    assertThat(paths(closed)).isEmpty();
  }

  @Test
  void webSocketWithoutConnectRouteIsOpenOnlyWhenItsRoutesAreKnown() {
    CloudModel complete =
        model(
            function("Fn", "R"),
            api("Ws", ApiKind.WEBSOCKET, absent(), absent(), true),
            route("Send", "Ws", null, "sendMessage", "NONE", "Fn"));
    assertThat(paths(complete)).hasSize(1);
    CloudModel incomplete =
        model(
            function("Fn", "R"),
            api("Ws", ApiKind.WEBSOCKET, absent(), absent(), false),
            route("Send", "Ws", null, "sendMessage", "NONE", "Fn"));
    assertThat(paths(incomplete)).isEmpty();
  }

  @Test
  void aPermissionForEveryoneWithoutSourceConditionIsAPath() {
    CloudModel open =
        model(function("Fn", "R"), permission("P", "Fn", "lambda:InvokeFunction", "*", absent()));
    assertThat(paths(open)).containsExactly("permission P (principal * may invoke)");
    CloudModel scoped =
        model(
            function("Fn", "R"),
            permission("P", "Fn", "lambda:InvokeFunction", "*",
                of("arn:aws:sns:eu-west-1:111122223333:topic")));
    assertThat(paths(scoped)).isEmpty();
    CloudModel service =
        model(function("Fn", "R"),
            permission("P", "Fn", "lambda:InvokeFunction", "sns.amazonaws.com", absent()));
    assertThat(paths(service)).isEmpty();
  }

  @Test
  void aFunctionUrlPermissionIsNotCountedTwice() {
    CloudModel m =
        model(
            function("Fn", "R"),
            url("FnUrl", "Fn", of("NONE")),
            new dev.bulwark.model.Permission(
                Models.meta("UrlPermission", "AWS::Lambda::Permission"),
                of(dev.bulwark.model.Ref.to("Fn")),
                of("lambda:InvokeFunctionUrl"),
                of("*"),
                absent(),
                absent(),
                absent(),
                of("NONE"),
                absent()));
    assertThat(paths(m)).containsExactly("function URL FnUrl (AuthType NONE)");
  }
}
