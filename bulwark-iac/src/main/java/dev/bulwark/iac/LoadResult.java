package dev.bulwark.iac;

import dev.bulwark.core.ScanError;
import dev.bulwark.model.CloudModel;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an adapter made of one file: the model (absent when nothing usable could be read) and the
 * problems it met.
 */
public record LoadResult(@Nullable CloudModel model, List<ScanError> errors) {

  public LoadResult {
    errors = List.copyOf(errors);
  }

  public Optional<CloudModel> modelIfAny() {
    return Optional.ofNullable(model);
  }

  public static LoadResult failed(ScanError error) {
    return new LoadResult(null, List.of(error));
  }
}
