package dev.bulwark.deps.internal.readers;

import org.jspecify.annotations.Nullable;

/** Every kind of file the readers know, with its parser. */
public enum Format {
  ARCHIVE("zip, jar, war or ear archive", null),
  GO_BINARY("Go executable", new GoBinaryParser()),
  GO_MOD("go.mod", new GoModParser()),
  /** Read only through the {@code go.mod} beside it. */
  GO_SUM("go.sum", null),
  GRADLE_LOCKFILE("Gradle lockfile", new GradleLockParser()),
  MAVEN_POM("Maven POM", new MavenPomParser()),
  NPM_INSTALLED("installed npm package.json", PackageJsonParser.installed()),
  NPM_LOCK("npm lockfile", new NpmLockParser()),
  NPM_MANIFEST("npm package.json", PackageJsonParser.manifest()),
  PIPFILE_LOCK("Pipfile.lock", new PipfileLockParser()),
  PNPM_LOCK("pnpm lockfile", new PnpmLockParser()),
  POETRY_LOCK("poetry.lock", new PoetryLockParser()),
  PYTHON_METADATA("installed Python package metadata", new PythonMetadataParser()),
  REQUIREMENTS("pip requirements", new RequirementsParser()),
  UV_LOCK("uv.lock", new UvLockParser()),
  YARN_LOCK("yarn.lock", new YarnLockParser());

  private final String description;
  private final @Nullable ManifestParser parser;

  Format(String description, @Nullable ManifestParser parser) {
    this.description = description;
    this.parser = parser;
  }

  public String description() {
    return description;
  }

  /** The parser, or null for archives (read by {@code internal.artifacts}) and companions. */
  public @Nullable ManifestParser parser() {
    return parser;
  }

  /** A lockfile that lists a JavaScript project's whole tree (its {@code node_modules} need no walk). */
  public boolean isNpmLockfile() {
    return this == NPM_LOCK || this == PNPM_LOCK || this == YARN_LOCK;
  }
}
