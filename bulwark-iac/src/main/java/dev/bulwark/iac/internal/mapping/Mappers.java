package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.internal.template.TemplateResource;

/** Which mapper handles which resource type: one sorted table. */
final class Mappers {

  private Mappers() {}

  static void map(MappingContext ctx, TemplateResource r, SamApis apis) {
    if (r.type().equals("AWS::Serverless::Function")) {
      SamFunctionMapper.map(ctx, r, apis);
      return;
    }
    Props p = Props.of(ctx, r.logicalId(), r.properties(), r.location());
    switch (r.type()) {
      case "AWS::IAM::ManagedPolicy" -> IamMapper.policy(ctx, r, p, true);
      case "AWS::IAM::Policy", "AWS::IAM::RolePolicy" -> IamMapper.policy(ctx, r, p, false);
      case "AWS::IAM::Role" -> IamMapper.role(ctx, r, p);
      case "AWS::Lambda::Alias" -> LambdaMapper.alias(ctx, r, p);
      case "AWS::Lambda::EventInvokeConfig" -> LambdaMapper.eventInvokeConfig(ctx, r, p);
      case "AWS::Lambda::EventSourceMapping" -> LambdaMapper.eventSourceMapping(ctx, r, p);
      case "AWS::Lambda::Function" -> LambdaMapper.function(ctx, r, p);
      case "AWS::Lambda::LayerVersion" -> LambdaMapper.layer(ctx, r, p);
      case "AWS::Lambda::Permission" -> LambdaMapper.permission(ctx, r, p);
      case "AWS::Lambda::Url" -> LambdaMapper.url(ctx, r, p);
      case "AWS::Lambda::Version" -> LambdaMapper.version(ctx, r, p);
      default -> ModelMapper.other(ctx, r, p);
    }
  }
}
