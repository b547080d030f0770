package dev.bulwark.rules.apigw;

import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Ref;
import dev.bulwark.model.Stage;
import dev.bulwark.model.WebAclAssociation;
import java.util.List;
import java.util.Optional;

/** What the stage rules need to know about a stage: its API's kind and a name for messages. */
final class ApiStages {

  private static final String REST_STAGE_TYPE = "AWS::ApiGateway::Stage";
  private static final String STAGES = "/stages/";

  private ApiStages() {}

  /** {@code Stage Prod of API OrdersApi}. */
  static String describe(CloudModel model, Stage stage) {
    String name = stage.name().value().orElse(stage.id());
    String api = model.apiOf(stage).map(Api::id).orElse(stage.api().shape());
    return "Stage " + name + " of API " + api;
  }

  /**
   * A REST API stage: its API is a REST API of the model, or, when the API is not in the model,
   * the stage is an {@code AWS::ApiGateway::Stage}.
   */
  static boolean isRest(CloudModel model, Stage stage) {
    Optional<Api> api = model.apiOf(stage);
    return api.isPresent()
        ? api.get().kind() == ApiKind.REST
        : stage.type().equals(REST_STAGE_TYPE);
  }

  /**
   * True when some web ACL association might designate the stage although {@link
   * CloudModel#webAclsOf} cannot prove it: its resource ARN is unresolved and mentions no
   * resource, or it mentions the stage's API and a stage name that is unknown or may be this
   * stage's.
   */
  static boolean mayHaveWebAcl(CloudModel model, Stage stage) {
    Optional<String> apiId = stage.api().value().flatMap(Ref::resourceId);
    for (WebAclAssociation a : model.webAclAssociations()) {
      List<String> refs = a.resourceArn().references();
      if (a.resourceArn().isUnknown() && refs.isEmpty()) {
        return true;
      }
      if (apiId.isPresent() && refs.contains(apiId.get()) && mayNameStage(a, stage)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayNameStage(WebAclAssociation a, Stage stage) {
    String shape = a.resourceArn().shape();
    int at = shape.lastIndexOf(STAGES);
    if (at < 0) {
      return true;
    }
    String named = shape.substring(at + STAGES.length());
    return named.contains("${") || stage.name().mayBe(named::equals);
  }
}
