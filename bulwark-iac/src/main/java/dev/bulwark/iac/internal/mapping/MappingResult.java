package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import java.util.List;

/** The model of a template and the problems met while mapping it (malformed properties). */
public record MappingResult(CloudModel model, List<ScanError> errors) {
  public MappingResult {
    errors = List.copyOf(errors);
  }
}
