package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A custom domain name of an API (`AWS::ApiGateway::DomainName`,
 `AWS::ApiGatewayV2::DomainName`, SAM {@code Domain}). {@code securityPolicy} is the minimum TLS
 version ({@code TLS_1_0}, {@code TLS_1_2}, or a newer policy name).
 */
public record DomainName(
    ResourceMeta meta, ApiKind kind, Attr<String> domainName, Attr<String> securityPolicy) implements Resource {

}
