package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A WAF web ACL association (`AWS::WAFv2::WebACLAssociation`). {@code resourceArn} usually mentions
 the API and stage it protects; see {@link CloudModel#webAclsOf(Stage)}.
 */
public record WebAclAssociation(
    ResourceMeta meta, Attr<Ref> webAcl, Attr<String> resourceArn) implements Resource {

}
