package dev.bulwark.iac;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.internal.mapping.MappingResult;
import dev.bulwark.iac.internal.mapping.ModelMapper;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateReader;
import dev.bulwark.iac.internal.template.TemplateSniffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AWS CloudFormation and SAM templates, in YAML or JSON, including CDK synth output
 * ({@code cdk.out/*.template.json}).
 *
 * <p>Files are recognised by content: a top-level {@code AWSTemplateFormatVersion}, a {@code
 * Transform} that includes {@code AWS::Serverless-2016-10-31}, or a top-level {@code Resources}
 * mapping of {@code AWS::…}/{@code Custom::…} types. Intrinsic functions are resolved with the
 * parameters' defaults, overridden by {@link IacOptions#parameters()}; values that are known only
 * at deploy time stay unknown and are never reported as failures.
 *
 * <pre>{@code
 * IacAdapter cfn = new CloudFormationAdapter();
 * Path file = Path.of("template.yaml");
 * LoadResult r = cfn.load(file, "template.yaml", IacOptions.defaults());
 * r.errors().forEach(e -> System.err.println(e));
 * r.modelIfAny().ifPresent(m -> System.out.println(m.functions().size() + " functions"));
 * }</pre>
 */
public final class CloudFormationAdapter implements IacAdapter {

  /** The adapter's name, for messages and {@code --adapters} filters. */
  public static final String NAME = "cloudformation";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Path file, byte[] head) {
    return TemplateSniffer.looksLikeTemplate(file, head);
  }

  @Override
  public LoadResult load(Path file, String displayName, IacOptions options) {
    List<ScanError> errors = new ArrayList<>();
    try {
      TemplateReader.Result read = TemplateReader.read(file, displayName, options);
      errors.addAll(read.errors());
      Template template = read.template();
      if (template == null) {
        return new LoadResult(null, errors);
      }
      MappingResult mapped = ModelMapper.map(template);
      errors.addAll(mapped.errors());
      return new LoadResult(mapped.model(), errors);
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(
          new ScanError(
              displayName,
              0,
              ScanError.Kind.INTERNAL,
              "internal error while reading the template ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())
                  + "); please report it"));
      return new LoadResult(null, errors);
    }
  }

  @Override
  public String toString() {
    return NAME;
  }
}
