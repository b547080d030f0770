package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An API authorizer (`AWS::ApiGateway::Authorizer`, `AWS::ApiGatewayV2::Authorizer`, or one of a
 SAM API's {@code Auth.Authorizers}). {@code authorizerType}: {@code TOKEN}, {@code REQUEST}, {@code
 COGNITO_USER_POOLS}, {@code JWT}.
 */
public record Authorizer(
    ResourceMeta meta, Attr<Ref> api, Attr<String> name, Attr<String> authorizerType, Attr<Ref> function) implements Resource {

}
