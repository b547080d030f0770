package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.List;

/**
 * An installed distribution's {@code *.dist-info/METADATA} or {@code *.egg-info/PKG-INFO} (email
 * header format): {@code Name}, {@code Version}, {@code License-Expression} or {@code License}.
 * What is installed ships, so the version is exact and the scope runtime.
 */
public final class PythonMetadataParser implements ManifestParser {

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    String text;
    try {
      text = file.text();
    } catch (ReadFailure f) {
      return ReadResult.failed(f.toError(file.display()));
    }
    String name = null;
    String version = null;
    String license = null;
    String licenseExpression = null;
    int nameLine = 0;
    String[] lines = Text.lines(text);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty()) {
        break; // the body (description) starts after the first empty line
      }
      int colon = l.indexOf(':');
      if (colon <= 0 || Character.isWhitespace(l.charAt(0))) {
        continue;
      }
      String key = l.substring(0, colon).trim();
      String value = l.substring(colon + 1).trim();
      switch (key) {
        case "Name" -> {
          name = value;
          nameLine = i + 1;
        }
        case "Version" -> version = value;
        case "License" -> license = value;
        case "License-Expression" -> licenseExpression = value;
        default -> { }
      }
    }
    if (name == null || version == null || name.isEmpty() || version.isEmpty()) {
      return ReadResult.failed(
          file.error(0, ScanError.Kind.INVALID, "no Name or Version header: not package metadata"));
    }
    Comp c = new Comp(Ecosystem.PYPI, Names.pypi(name), version).kind(VersionKind.EXACT)
        .at(file.at(nameLine)).scope(Scope.RUNTIME);
    if (licenseExpression != null) {
      c.license(licenseExpression);
    } else if (license != null && !license.equalsIgnoreCase("UNKNOWN") && license.length() <= 100) {
      c.license(license);
    }
    return new ReadResult(List.of(c.build()), List.of());
  }
}
