package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateResource;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.OtherResource;
import dev.bulwark.model.ResourceMeta;
import java.util.List;

/** Maps a resolved template to the model. Never throws for bad input. */
public final class ModelMapper {

  private ModelMapper() {}

  public static MappingResult map(Template template) {
    CloudModel.Builder b = CloudModel.builder(template.file()).location(template.location());
    for (TemplateResource r : template.resources().values()) {
      b.add(new OtherResource(ResourceMeta.of(r.logicalId(), r.type(), r.location())));
    }
    return new MappingResult(b.build(), List.of());
  }
}
