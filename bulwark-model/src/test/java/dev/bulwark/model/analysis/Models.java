package dev.bulwark.model.analysis;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Api;
import dev.bulwark.model.ApiKind;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Function;
import dev.bulwark.model.FunctionUrl;
import dev.bulwark.model.IamPolicy;
import dev.bulwark.model.Permission;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Ref;
import dev.bulwark.model.ResourceMeta;
import dev.bulwark.model.Role;
import dev.bulwark.model.Route;
import dev.bulwark.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small, hand-built model values for the analysis tests. */
final class Models {

  static final String FILE = "template.yaml";
  private static int line = 1;

  private Models() {}

  static SourceLocation at() {
    return SourceLocation.of(FILE, line++);
  }

  static ResourceMeta meta(String id, String type) {
    return ResourceMeta.of(id, type, at());
  }

  static <T> Attr<T> of(T value) {
    return Attr.of(value, at());
  }

  static <T> Attr<T> absent() {
    return Attr.absent(at());
  }

  static <T> Attr<T> unknown(String shape) {
    return Attr.unknown(at(), shape, List.of());
  }

  static Function function(String id, String roleId) {
    return new Function(
        meta(id, "AWS::Serverless::Function"),
        absent(),
        of("java21"),
        of("app.Handler"),
        Attr.defaulted("Zip", at()),
        absent(),
        Attr.defaulted(3, at()),
        Attr.defaulted("PassThrough", at()),
        absent(),
        List.of(),
        absent(),
        absent(),
        absent(),
        List.of(),
        of(Ref.to(roleId)),
        absent(),
        absent(),
        absent(),
        new Function.Code(Function.Code.Kind.LOCAL, of("app/"), absent()));
  }

  static Role role(String id, List<Policy> policies, List<String> managedArns, Attr<Ref> boundary) {
    List<Attr<Ref>> arns = new ArrayList<>();
    for (String a : managedArns) {
      arns.add(of(Ref.literal(a)));
    }
    return new Role(
        meta(id, "AWS::IAM::Role"), absent(), absent(), policies, arns, boundary);
  }

  static Role role(String id, Policy... policies) {
    return role(id, List.of(policies), List.of(), absent());
  }

  static Policy inline(String name, Statement... statements) {
    SourceLocation l = at();
    return new Policy(name, PolicyDocument.of(List.of(statements), l), new Policy.Inline(), l);
  }

  static Statement allow(List<String> actions, String... resources) {
    return statement("Allow", actions, List.of(resources), List.of(), List.of());
  }

  static Statement deny(List<String> actions, String... resources) {
    return statement("Deny", actions, List.of(resources), List.of(), List.of());
  }

  static Statement statement(
      String effect,
      List<String> actions,
      List<String> resources,
      List<Statement.Principal> principals,
      List<Statement.Condition> conditions) {
    return new Statement(
        absent(),
        of(effect),
        actions.stream().map(Models::<String>of).toList(),
        false,
        resources.stream().map(Models::<String>of).toList(),
        false,
        principals,
        false,
        conditions,
        true,
        null,
        at());
  }

  static Statement.Principal everyone() {
    return new Statement.Principal("AWS", of("*"));
  }

  static Statement.Condition condition(String operator, String key, String value) {
    return new Statement.Condition(operator, key, List.of(of(value)), at());
  }

  static IamPolicy managedPolicy(String id, Statement... statements) {
    return new IamPolicy(
        meta(id, "AWS::IAM::ManagedPolicy"),
        absent(),
        of(PolicyDocument.of(List.of(statements), at())),
        List.of(),
        true);
  }

  static Api api(String id, ApiKind kind, Attr<String> endpointType, Attr<PolicyDocument> policy,
      boolean routesComplete) {
    return new Api(
        meta(id, "AWS::Serverless::Api"), kind, absent(), endpointType, absent(), policy,
        routesComplete);
  }

  static Api restApi(String id) {
    return api(id, ApiKind.REST, Attr.defaulted("EDGE", at()), absent(), true);
  }

  static Route route(String id, String apiId, String method, String path, String auth,
      String functionId) {
    return new Route(
        meta(id, "AWS::ApiGateway::Method"),
        of(Ref.to(apiId)),
        method == null ? absent() : of(method),
        of(path),
        of(auth),
        absent(),
        Attr.defaulted(false, at()),
        functionId == null ? absent() : of(Ref.to(functionId)),
        absent(),
        absent(),
        absent());
  }

  static FunctionUrl url(String id, String functionId, Attr<String> authType) {
    return new FunctionUrl(
        meta(id, "AWS::Lambda::Url"), of(Ref.to(functionId)), absent(), authType, absent());
  }

  static Permission permission(String id, String functionId, String action, String principal,
      Attr<String> sourceArn) {
    return new Permission(
        meta(id, "AWS::Lambda::Permission"),
        of(Ref.to(functionId)),
        of(action),
        of(principal),
        sourceArn,
        absent(),
        absent(),
        absent(),
        absent());
  }
}
