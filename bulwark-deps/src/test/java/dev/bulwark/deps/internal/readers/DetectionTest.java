package dev.bulwark.deps.internal.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DetectionTest {

  @Test
  void tableIsSortedByPattern() {
    List<String> patterns = Detection.TABLE.stream().map(Detection.Row::pattern).toList();
    List<String> sorted = new ArrayList<>(patterns);
    sorted.sort(null);
    assertThat(patterns).isEqualTo(sorted).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "package-lock.json, NPM_LOCK",
    "functions/orders/package-lock.json, NPM_LOCK",
    "npm-shrinkwrap.json, NPM_LOCK",
    "node_modules/.package-lock.json, NPM_LOCK",
    "node_modules/lodash/package.json, NPM_INSTALLED",
    "node_modules/@aws-sdk/client-s3/package.json, NPM_INSTALLED",
    "node_modules/a/node_modules/b/package.json, NPM_INSTALLED",
    "node_modules/.pnpm/ms@2.1.3/node_modules/ms/package.json, NPM_INSTALLED",
    "package.json, NPM_MANIFEST",
    "src/api/package.json, NPM_MANIFEST",
    "yarn.lock, YARN_LOCK",
    "pnpm-lock.yaml, PNPM_LOCK",
    "requirements.txt, REQUIREMENTS",
    "requirements-dev.txt, REQUIREMENTS",
    "dev-requirements.txt, REQUIREMENTS",
    "requirements/prod.txt, REQUIREMENTS",
    "poetry.lock, POETRY_LOCK",
    "Pipfile.lock, PIPFILE_LOCK",
    "uv.lock, UV_LOCK",
    "python/lib/python3.12/site-packages/boto3-1.34.0.dist-info/METADATA, PYTHON_METADATA",
    "requests-2.31.0.dist-info/METADATA, PYTHON_METADATA",
    "six.egg-info/PKG-INFO, PYTHON_METADATA",
    "go.mod, GO_MOD",
    "go.sum, GO_SUM",
    "bootstrap, GO_BINARY",
    "functions/api/bootstrap, GO_BINARY",
    "pom.xml, MAVEN_POM",
    "gradle.lockfile, GRADLE_LOCKFILE",
    "gradle/dependency-locks/compileClasspath.lockfile, GRADLE_LOCKFILE",
    "target/orders-1.0.jar, ARCHIVE",
    "build/distributions/fn.zip, ARCHIVE",
    "./lib/x.war, ARCHIVE"
  })
  void sendsEachFileToItsReader(String path, Format format) {
    assertThat(Detection.detect(path)).isEqualTo(format);
  }

  @ParameterizedTest
  @CsvSource({
    "node_modules/lodash/lib/package.json",
    "node_modules/lodash/package-lock.json",
    "node_modules/some-lib/requirements.txt",
    "node_modules/a/node_modules/b/yarn.lock",
    "README.md",
    "requirements.in",
    "src/handler.py",
    "package.json.bak",
    "METADATA"
  })
  void ignoresFilesNoReaderWants(String path) {
    assertThat(Detection.detect(path)).isNull();
  }

  @Test
  void noPathMatchesTwoRowsOfDifferentFormats() {
    String[] samples = {
      "package.json", "node_modules/a/package.json", "node_modules/@s/a/package.json",
      "requirements.txt", "requirements/requirements.txt", "x/requirements-requirements.txt",
      "node_modules/.package-lock.json", "a.dist-info/METADATA", "b.jar", "c.zip"
    };
    for (String s : samples) {
      List<Format> formats = new ArrayList<>();
      for (Detection.Row row : Detection.TABLE) {
        if (matchesRow(row, s)) {
          formats.add(row.format());
        }
      }
      assertThat(formats.stream().distinct()).as(s).hasSizeLessThanOrEqualTo(1);
    }
  }

  private static boolean matchesRow(Detection.Row row, String path) {
    return Detection.matches(row, Detection.segments(path));
  }
}
