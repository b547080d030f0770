package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.deps.Component;
import dev.bulwark.deps.DepsLimits;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Big inputs read completely and correctly (timings are measured by {@link BigLockfileRun}). */
class ScaleTest {

  @Test
  void readsA5000PackageNpmLockfileWithItsWholeGraph() {
    SourceFile f = new SourceFile("package-lock.json", BigLockfiles.npmV3(5000));
    ReadResult r = Collector.parse(f, Format.NPM_LOCK, new FilesContext(new HashMap<>(), DepsLimits.defaults(), p -> null));

    assertThat(r.errors()).isEmpty();
    assertThat(r.components()).hasSize(5000);
    long edges = r.components().stream().mapToLong(c -> c.dependsOn().size()).sum();
    // every package but the last depends on the next two (the last but one on one), except that
    // the 500 packages nested under their predecessor are out of reach from the one before it,
    // as Node would not find them either
    assertThat(edges).isEqualTo(2L * 5000 - 3 - 500);
    Component nested = r.components().stream().filter(c -> c.name().equals("pkg19")).findFirst().orElseThrow();
    assertThat(nested.source().startLine()).isPositive();
    assertThat(nested.hashes()).containsKey("SHA-512");
    assertThat(r.components().stream().filter(Component::direct)).extracting(Component::name).containsExactly("pkg0");
  }
}
