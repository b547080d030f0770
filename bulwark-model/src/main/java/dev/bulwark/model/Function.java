package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A Lambda function (`AWS::Lambda::Function`, `AWS::Serverless::Function` with Globals applied).

 <p>Defaults of the service are applied as {@link Attr#defaulted} values: timeout 3, tracing
 {@code PassThrough}, package type {@code Zip}. {@code role} points at the execution role (the
 SAM-generated one is a {@link Role} of the model with id {@code <Function>Role}).
 */
public record Function(
    ResourceMeta meta,
    Attr<String> name,
    Attr<String> runtime,
    Attr<String> handler,
    Attr<String> packageType,
    Attr<Integer> memorySize,
    Attr<Integer> timeout,
    Attr<String> tracing,
    Attr<VpcConfig> vpc,
    List<EnvVar> environment,
    Attr<Ref> kmsKey,
    Attr<Integer> reservedConcurrency,
    Attr<Ref> codeSigningConfig,
    List<Attr<Ref>> layers,
    Attr<Ref> role,
    Attr<Ref> deadLetterTarget,
    Attr<Ref> logGroup,
    Attr<String> autoPublishAlias,
    Code code) implements Resource {

  public Function {
    environment = List.copyOf(environment);
    layers = List.copyOf(layers);
  }

  /** Tracing is definitely {@code Active}. */
  public boolean isTracingActive() {
    return tracing.isEqualTo("Active");
  }

  /** A VPC attachment: subnets and security groups (each may be unknown). */
  public record VpcConfig(List<Attr<String>> subnetIds, List<Attr<String>> securityGroupIds) {
    public VpcConfig {
      subnetIds = List.copyOf(subnetIds);
      securityGroupIds = List.copyOf(securityGroupIds);
    }
  }

  /** One environment variable: its name (located at the key) and its value. */
  public record EnvVar(String name, Attr<String> value, SourceLocation nameLocation) {}

  /**
   * Where the function's code comes from.
   *
   * @param kind local folder or archive, S3 object, inline source, container image, or unknown
   * @param location path (relative to the template's folder), S3 URI or image URI
   * @param inlineSource the {@code ZipFile}/{@code InlineCode} text when inline
   */
  public record Code(Kind kind, Attr<String> location, Attr<String> inlineSource) {
    /** Kind of code source. */
    public enum Kind {
      LOCAL,
      S3,
      INLINE,
      IMAGE,
      UNKNOWN
    }
  }
}
