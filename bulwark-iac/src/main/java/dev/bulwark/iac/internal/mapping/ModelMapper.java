package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Node;
import dev.bulwark.model.OtherResource;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a resolved template to the model: CloudFormation resources (CDK output included) and the SAM
 * transform's semantics. Never throws for bad input: malformed properties become {@code INVALID}
 * errors and unknown attributes; a resource that cannot be mapped at all becomes an {@code
 * INTERNAL} error and the rest goes on.
 */
public final class ModelMapper {

  private ModelMapper() {}

  public static MappingResult map(Template template) {
    MappingContext ctx = new MappingContext(template);
    prepare(ctx, template);
    SamApis apis = new SamApis(ctx);
    List<TemplateResource> samApis = new ArrayList<>();
    for (TemplateResource r : template.resources().values()) {
      if (r.type().equals("AWS::Serverless::Api") || r.type().equals("AWS::Serverless::HttpApi")) {
        samApis.add(r);
        continue;
      }
      try {
        Mappers.map(ctx, r, apis);
      } catch (RuntimeException e) {
        ctx.internal(r.location(), r.logicalId(), e);
      }
    }
    // APIs last: the functions' events shape their routes and resource policies
    for (TemplateResource r : samApis) {
      try {
        if (r.type().equals("AWS::Serverless::Api")) {
          apis.restApi(r);
        } else {
          apis.httpApi(r);
        }
      } catch (RuntimeException e) {
        ctx.internal(r.location(), r.logicalId(), e);
      }
    }
    try {
      apis.finish();
    } catch (RuntimeException e) {
      ctx.internal(template.location(), "implicit APIs", e);
    }
    CloudModel model;
    try {
      model = ctx.build();
    } catch (RuntimeException e) {
      List<ScanError> errors = new ArrayList<>(ctx.errors());
      errors.add(
          new ScanError(
              template.file(),
              0,
              ScanError.Kind.INTERNAL,
              "model could not be built (" + e.getMessage() + ")"));
      CloudModel.Builder b = CloudModel.builder(template.file()).location(template.location());
      return new MappingResult(b.build(), errors);
    }
    return new MappingResult(model, ctx.errors());
  }

  /** Names and aliases other resources may refer to, known before anything is mapped. */
  private static void prepare(MappingContext ctx, Template template) {
    for (TemplateResource r : template.resources().values()) {
      switch (r.type()) {
        case "AWS::Serverless::Function" -> SamFunctionMapper.registerAlias(ctx, r);
        case "AWS::Lambda::Function" -> {
          Node name = r.properties().get("FunctionName");
          if (name instanceof Node.Scalar s && s.value() != null) {
            ctx.functionName(s.value(), r.logicalId());
          }
        }
        case "AWS::IAM::Role" -> {
          Node name = r.properties().get("RoleName");
          if (name instanceof Node.Scalar s && s.value() != null) {
            ctx.roleName(s.value(), r.logicalId());
          }
        }
        default -> {}
      }
    }
  }

  /** Kept for resources of types the model does not interpret. */
  static void other(MappingContext ctx, TemplateResource r, Props p) {
    ctx.add(new OtherResource(ctx.meta(r, p)));
  }
}
