package dev.bulwark.iac.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.iac.CloudFormationAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Resource;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Loads mapping fixtures end to end: reader, then mapper. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/mapping/" + name);
    Objects.requireNonNull(url, "fixture mapping/" + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static LoadResult load(String name) {
    return new CloudFormationAdapter().load(path(name), name, IacOptions.defaults());
  }

  /** The model of a fixture that must load without any error. */
  static CloudModel model(String name) {
    LoadResult r = load(name);
    assertThat(r.errors()).as("errors of " + name).isEmpty();
    assertThat(r.model()).isNotNull();
    return r.model();
  }

  static <T extends Resource> T get(CloudModel m, String id, Class<T> type) {
    Optional<T> r = m.resource(id, type);
    assertThat(r)
        .as(
            type.getSimpleName()
                + " "
                + id
                + " in "
                + m.resources().stream().map(Resource::id).toList())
        .isPresent();
    return r.get();
  }

  static int line(Attr<?> a) {
    return a.location().startLine();
  }

  static List<String> values(List<Attr<String>> attrs) {
    return attrs.stream().map(Attr::shape).toList();
  }
}
