package dev.bulwark.deps;

import dev.bulwark.core.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Advisories, components and archives written for the tests. */
public final class OsvFixtures {

  private OsvFixtures() {}

  /** An advisory affecting one package with one range built from "introduced:1.0" style events. */
  public static Advisory advisory(
      String id, Ecosystem e, String pkg, Advisory.RangeType type, String... events) {
    return advisory(id, List.of(), e, pkg, List.of(range(type, events)), List.of());
  }

  public static Advisory advisory(
      String id,
      List<String> aliases,
      Ecosystem e,
      String pkg,
      List<Advisory.Range> ranges,
      List<String> versions) {
    return new Advisory(id, aliases, java.time.Instant.parse("2024-01-01T00:00:00Z"), null,
        "Summary of " + id, List.of(), null,
        List.of(new Advisory.Affected(e, pkg, ranges, versions, List.of())), id + ".json");
  }

  public static Advisory.Range range(Advisory.RangeType type, String... events) {
    List<Advisory.Event> out = new ArrayList<>();
    for (String ev : events) {
      int colon = ev.indexOf(':');
      out.add(new Advisory.Event(
          Advisory.EventKind.valueOf(ev.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
          ev.substring(colon + 1)));
    }
    return new Advisory.Range(type, out);
  }

  public static Component component(Ecosystem e, String name, String version) {
    return component(e, name, version, Component.VersionKind.EXACT);
  }

  public static Component component(
      Ecosystem e, String name, String version, Component.VersionKind kind) {
    return new Component(e, name, version, kind, SourceLocation.of("app/requirements.txt", 4),
        Component.Scope.RUNTIME, true, Map.of(), List.of());
  }

  /** A minimal OSV document for an npm package fixed in {@code fixed}. */
  public static String npmDocument(String id, String pkg, String fixed) {
    return """
        {"id": "%s", "modified": "2024-03-01T10:00:00Z", "summary": "Flaw in %s",
         "affected": [{"package": {"ecosystem": "npm", "name": "%s"},
           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "%s"}]}]}]}
        """.formatted(id, pkg, pkg, fixed);
  }

  /** A zip archive of {@code name, content, name, content…}. */
  public static byte[] zip(String... namesAndContents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The first {@code n} bytes. */
  public static byte[] truncate(byte[] b, int n) {
    return Arrays.copyOf(b, n);
  }
}
