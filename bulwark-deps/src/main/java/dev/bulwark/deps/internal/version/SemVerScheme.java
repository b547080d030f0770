package dev.bulwark.deps.internal.version;

import org.jspecify.annotations.Nullable;

/**
 * npm's versions and OSV's {@code SEMVER} ranges: SemVer 2.0.0, as node-semver reads them in its
 * strict mode — surrounding blanks and a leading {@code v} or {@code =} are ignored
 * ({@code v1.2.3} is {@code 1.2.3}); everything else must be SemVer exactly.
 */
public final class SemVerScheme implements VersionScheme {

  static final SemVerScheme INSTANCE = new SemVerScheme();

  private SemVerScheme() {}

  @Override
  public String name() {
    return "SemVer";
  }

  @Override
  public @Nullable SemVer tryParse(String text) {
    String body = text.strip();
    int i = 0;
    while (i < body.length() && (body.charAt(i) == 'v' || body.charAt(i) == '=')) {
      i++;
    }
    if (i > 1) {
      return null;
    }
    return SemVer.parse(text, body, i, false);
  }
}
