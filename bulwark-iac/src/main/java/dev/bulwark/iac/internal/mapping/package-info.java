/**
 * Mapping a resolved {@link dev.bulwark.iac.internal.template.Template} to the {@link
 * dev.bulwark.model.CloudModel}: CloudFormation resources and the SAM transform's semantics.
 *
 * <p>Conventions the rest of Bulwark can rely on:
 *
 * <ul>
 *   <li>Declared resources keep their logical id. Resources the SAM transform generates get the
 *       logical id SAM gives them ({@code <Function>Role}, {@code <Function>Url}, {@code
 *       <Function>UrlPublicPermissions}, {@code <Function>Alias<alias>}, {@code <Function>Version},
 *       {@code <Function>EventInvokeConfig}, {@code <Function><Event>} for an event's main
 *       resource, {@code <Function><Event>Permission} (REST API events add the stage: {@code
 *       …PermissionProd}), {@code ServerlessRestApi} and {@code ServerlessRestApiProdStage}, {@code
 *       ServerlessHttpApi} and {@code ServerlessHttpApiApiGatewayDefaultStage}, {@code
 *       <Api><Stage>Stage}, {@code <Api><Authorizer>Authorizer}, {@code <Api>UsagePlan}), set
 *       {@link dev.bulwark.model.ResourceMeta#generatedFrom()} and inherit the suppressions and the
 *       condition of the resource that generated them. SAM version resources are {@code
 *       <Function>Version} (SAM adds a content hash; Bulwark cannot), custom domains {@code
 *       <Api>DomainName}.
 *   <li>Model entities that are not resources of their own are named {@code <Owner>#<part>}: the
 *       trigger of a rule target {@code <Rule>#<TargetId>}, an S3 notification {@code
 *       <Bucket>#LambdaConfiguration0}, an inline SNS subscription {@code <Topic>#Subscription0}, a
 *       route of an inline OpenAPI definition {@code <Api>#GET/items}, the stage a deployment
 *       creates {@code <Deployment>#Stage}.
 *   <li>A value the source does not write is absent, or, when the service applies a default, {@link
 *       dev.bulwark.model.Attr#defaulted defaulted}; both are located at the resource (or the
 *       enclosing property). Values SAM writes on the user's behalf (generated permissions, policy
 *       template actions) are defaulted and located where the user wrote what implies them.
 *   <li>ARNs SAM builds are unknown attributes with their shape, e.g. {@code
 *       arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${ServerlessRestApi}/*&#47;GET/items}:
 *       the account and region are not known before deployment.
 * </ul>
 */
@NullMarked
package dev.bulwark.iac.internal.mapping;

import org.jspecify.annotations.NullMarked;
