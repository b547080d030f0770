package dev.bulwark.deps.internal.readers;

import dev.bulwark.deps.DepsLimits;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a parser may ask beyond its own file: another file near it, and the limits. */
public interface ReadContext {

  /**
   * The file at {@code relativePath} from the folder of {@code from} ({@code ../pom.xml}, {@code
   * base.txt}), or null when there is none, it is too big, or it lies outside the input.
   */
  @Nullable SourceFile near(SourceFile from, String relativePath);

  DepsLimits limits();

  /**
   * A Maven POM by coordinates, found among the POMs of the same input, or null. Parent POMs
   * outside their {@code relativePath} and imported BOMs resolve through this.
   */
  default @Nullable SourceFile mavenPom(String groupId, String artifactId, String version) {
    return null;
  }

  /** A context that knows only the given files, by display name (tests, archive entries). */
  static ReadContext of(Map<String, SourceFile> files, DepsLimits limits) {
    return new ReadContext() {
      @Override
      public @Nullable SourceFile near(SourceFile from, String relativePath) {
        String joined = Paths2.join(from.folder(), relativePath);
        return joined == null ? null : files.get(joined);
      }

      @Override
      public DepsLimits limits() {
        return limits;
      }
    };
  }
}
