package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.internal.template.TemplateResource;

/** Which mapper handles which resource type: one sorted table. */
final class Mappers {

  private Mappers() {}

  static void map(MappingContext ctx, TemplateResource r, SamApis apis) {
    switch (r.type()) {
      case "AWS::Serverless::Function" -> {
        SamFunctionMapper.map(ctx, r, apis);
        return;
      }
      case "AWS::Serverless::LayerVersion" -> {
        DataMapper.samLayer(ctx, r);
        return;
      }
      case "AWS::Serverless::SimpleTable" -> {
        DataMapper.simpleTable(ctx, r);
        return;
      }
      case "AWS::Serverless::StateMachine" -> {
        DataMapper.samStateMachine(ctx, r);
        return;
      }
      default -> {}
    }
    Props p = Props.of(ctx, r.logicalId(), r.properties(), r.location());
    switch (r.type()) {
      case "AWS::ApiGateway::Authorizer" -> ApiGatewayMapper.restAuthorizer(ctx, r, p);
      case "AWS::ApiGateway::Deployment" -> ApiGatewayMapper.deployment(ctx, r, p);
      case "AWS::ApiGateway::DomainName" -> ApiGatewayMapper.restDomain(ctx, r, p);
      case "AWS::ApiGateway::Method" -> ApiGatewayMapper.method(ctx, r, p);
      case "AWS::ApiGateway::RequestValidator" -> ApiGatewayMapper.requestValidator(ctx, r, p);
      case "AWS::ApiGateway::RestApi" -> ApiGatewayMapper.restApi(ctx, r, p);
      case "AWS::ApiGateway::Stage" -> ApiGatewayMapper.restStage(ctx, r, p);
      case "AWS::ApiGateway::UsagePlan" -> ApiGatewayMapper.usagePlan(ctx, r, p);
      case "AWS::ApiGatewayV2::Api" -> ApiGatewayMapper.v2Api(ctx, r, p);
      case "AWS::ApiGatewayV2::Authorizer" -> ApiGatewayMapper.v2Authorizer(ctx, r, p);
      case "AWS::ApiGatewayV2::DomainName" -> ApiGatewayMapper.v2Domain(ctx, r, p);
      case "AWS::ApiGatewayV2::Route" -> ApiGatewayMapper.v2Route(ctx, r, p);
      case "AWS::ApiGatewayV2::Stage" -> ApiGatewayMapper.v2Stage(ctx, r, p);
      case "AWS::Cognito::UserPool" -> InvokerMapper.userPool(ctx, r, p);
      case "AWS::DynamoDB::GlobalTable" -> DataMapper.globalTable(ctx, r, p);
      case "AWS::DynamoDB::Table" -> DataMapper.table(ctx, r, p);
      case "AWS::ElasticLoadBalancingV2::TargetGroup" -> InvokerMapper.targetGroup(ctx, r, p);
      case "AWS::Events::EventBus" -> MessagingMapper.eventBus(ctx, r, p);
      case "AWS::Events::EventBusPolicy" -> MessagingMapper.eventBusPolicy(ctx, r, p);
      case "AWS::Events::Rule" -> MessagingMapper.rule(ctx, r, p);
      case "AWS::IAM::ManagedPolicy" -> IamMapper.policy(ctx, r, p, true);
      case "AWS::IAM::Policy", "AWS::IAM::RolePolicy" -> IamMapper.policy(ctx, r, p, false);
      case "AWS::IAM::Role" -> IamMapper.role(ctx, r, p);
      case "AWS::IoT::TopicRule" -> InvokerMapper.topicRule(ctx, r, p);
      case "AWS::KMS::Key" -> DataMapper.key(ctx, r, p);
      case "AWS::Lambda::Alias" -> LambdaMapper.alias(ctx, r, p);
      case "AWS::Lambda::EventInvokeConfig" -> LambdaMapper.eventInvokeConfig(ctx, r, p);
      case "AWS::Lambda::EventSourceMapping" -> LambdaMapper.eventSourceMapping(ctx, r, p);
      case "AWS::Lambda::Function" -> LambdaMapper.function(ctx, r, p);
      case "AWS::Lambda::LayerVersion" -> LambdaMapper.layer(ctx, r, p);
      case "AWS::Lambda::Permission" -> LambdaMapper.permission(ctx, r, p);
      case "AWS::Lambda::Url" -> LambdaMapper.url(ctx, r, p);
      case "AWS::Lambda::Version" -> LambdaMapper.version(ctx, r, p);
      case "AWS::Logs::LogGroup" -> DataMapper.logGroup(ctx, r, p);
      case "AWS::Logs::SubscriptionFilter" -> DataMapper.subscriptionFilter(ctx, r, p);
      case "AWS::Pipes::Pipe" -> InvokerMapper.pipe(ctx, r, p);
      case "AWS::S3::Bucket" -> DataMapper.bucket(ctx, r, p);
      case "AWS::S3::BucketPolicy" -> DataMapper.bucketPolicy(ctx, r, p);
      case "AWS::SNS::Subscription" -> MessagingMapper.subscription(ctx, r, p);
      case "AWS::SNS::Topic" -> MessagingMapper.topic(ctx, r, p);
      case "AWS::SNS::TopicPolicy" -> MessagingMapper.topicPolicy(ctx, r, p);
      case "AWS::SQS::Queue" -> MessagingMapper.queue(ctx, r, p);
      case "AWS::SQS::QueuePolicy" -> MessagingMapper.queuePolicy(ctx, r, p);
      case "AWS::Scheduler::Schedule" -> MessagingMapper.schedule(ctx, r, p);
      case "AWS::StepFunctions::StateMachine" -> DataMapper.stateMachine(ctx, r, p);
      case "AWS::WAFv2::WebACLAssociation" -> ApiGatewayMapper.webAclAssociation(ctx, r, p);
      default -> ModelMapper.other(ctx, r, p);
    }
  }
}
