package dev.bulwark.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFinderTest {

  @Test
  void walksFoldersAndSkipsDependencyAndBuildFolders(@TempDir Path dir) throws IOException {
    write(dir.resolve("template.yaml"));
    write(dir.resolve("nested/app/template.yml"));
    write(dir.resolve("node_modules/pkg/template.yaml"));
    write(dir.resolve(".aws-sam/build/template.yaml"));
    write(dir.resolve("cdk.out/Stack.template.json"));
    write(dir.resolve(".git/config.json"));
    write(dir.resolve("src/app.py"));
    InputFinder finder = new InputFinder(Set.of(), dir);
    var found = finder.find(List.of(dir));
    assertThat(found.errors()).isEmpty();
    assertThat(found.candidates()).extracting(InputFinder.Candidate::display)
        .containsExactlyInAnyOrder("template.yaml", "nested/app/template.yml");
  }

  @Test
  void walksASkippedFolderWhenAskedOrWhenItIsTheRoot(@TempDir Path dir) throws IOException {
    write(dir.resolve("cdk.out/Stack.template.json"));
    write(dir.resolve("cdk.out/asset.abc123/template.yaml"));
    write(dir.resolve("cdk.out/manifest.json"));
    var asked = new InputFinder(Set.of("cdk.out"), dir).find(List.of(dir));
    assertThat(asked.candidates()).extracting(InputFinder.Candidate::display)
        .contains("cdk.out/Stack.template.json")
        .doesNotContain("cdk.out/asset.abc123/template.yaml");
    var root = new InputFinder(Set.of(), dir).find(List.of(dir.resolve("cdk.out")));
    assertThat(root.candidates()).extracting(InputFinder.Candidate::display)
        .contains("cdk.out/Stack.template.json");
  }

  @Test
  void reportsASymlinkLoopAndGoesOn(@TempDir Path dir) throws IOException {
    write(dir.resolve("a/template.yaml"));
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
    var found = new InputFinder(Set.of(), dir).find(List.of(dir));
    assertThat(found.candidates()).extracting(InputFinder.Candidate::display)
        .containsExactly("a/template.yaml");
    assertThat(found.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ScanError.Kind.IO);
      assertThat(e.file()).isEqualTo("a/loop");
      assertThat(e.message()).isEqualTo("symbolic link loop");
    });
  }

  @Test
  void reportsBrokenLinksAndMissingPaths(@TempDir Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
    var found = new InputFinder(Set.of(), dir)
        .find(List.of(dir.resolve("gone.yaml"), dir.resolve("missing")));
    assertThat(found.candidates()).isEmpty();
    assertThat(found.errors()).extracting(ScanError::file)
        .containsExactlyInAnyOrder("gone.yaml", "missing");
  }

  @Test
  void neverOpensAFifo(@TempDir Path dir) throws IOException, InterruptedException {
    Path fifo = dir.resolve("pipe.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(p.waitFor()).isZero();
    var walked = new InputFinder(Set.of(), dir).find(List.of(dir));
    assertThat(walked.candidates()).isEmpty();
    var explicit = new InputFinder(Set.of(), dir).find(List.of(fifo));
    assertThat(explicit.candidates()).isEmpty();
    assertThat(explicit.errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not a regular file"));
  }

  @Test
  void describesPermissionProblemsPlainly() {
    assertThat(InputFinder.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
  }

  private static void write(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
  }
}
