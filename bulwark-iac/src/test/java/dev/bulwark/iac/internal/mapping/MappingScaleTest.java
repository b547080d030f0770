package dev.bulwark.iac.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateReader;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingScaleTest {

  @Test
  void aGeneratedTemplateReadsToTheSameModelAsItsResolvedForm(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, ScaleTemplates.sam(20));
    Template read = TemplateReader.read(file, "small.yaml", IacOptions.defaults()).template();
    assertThat(read).isNotNull();
    CloudModel fromYaml = ModelMapper.map(read).model();
    CloudModel built = ModelMapper.map(ScaleTemplates.resolved(20)).model();
    assertThat(fromYaml.resources())
        .extracting(r -> r.id() + ":" + r.getClass().getSimpleName())
        .containsExactlyElementsOf(
            built.resources().stream()
                .map(r -> r.id() + ":" + r.getClass().getSimpleName())
                .toList());
  }

  @Test
  void tenThousandFunctionsMapWithEveryRelationInPlace() {
    int n = 10_000;
    MappingResult result = ModelMapper.map(ScaleTemplates.resolved(n));

    assertThat(result.errors()).isEmpty();
    CloudModel m = result.model();
    assertThat(m.functions()).hasSize(n);
    assertThat(m.roles()).hasSize(n);
    assertThat(m.routes()).hasSize(n);
    assertThat(m.triggers()).hasSize(n);
    assertThat(m.functionUrls()).hasSize(n);
    assertThat(m.functionVersions()).hasSize(2 * n);
    assertThat(m.apis()).hasSize(1);
    Function last = m.resource("Fn" + (n - 1), Function.class).orElseThrow();
    assertThat(m.routesTo(last))
        .singleElement()
        .satisfies(r -> assertThat(r.path().get()).isEqualTo("/items/" + (n - 1)));
    assertThat(m.triggersOf(last)).hasSize(1);
    assertThat(m.roleOf(last)).isPresent();
    assertThat(m.routesOf(m.apis().get(0))).hasSize(n);
  }
}
