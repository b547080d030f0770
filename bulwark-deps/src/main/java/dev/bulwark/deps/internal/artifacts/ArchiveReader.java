package dev.bulwark.deps.internal.artifacts;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.DepsLimits;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.internal.readers.Collector;
import dev.bulwark.deps.internal.readers.Detection;
import dev.bulwark.deps.internal.readers.FilesContext;
import dev.bulwark.deps.internal.readers.Format;
import dev.bulwark.deps.internal.readers.Names;
import dev.bulwark.deps.internal.readers.ReadResult;
import dev.bulwark.deps.internal.readers.SourceFile;
import dev.bulwark.deps.internal.readers.Text;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads what an archive ships, streaming: manifests and lockfiles inside it (by the same
 * detection table as folders), every {@code META-INF/maven/**}{@code /pom.properties} of a jar
 * (fat and shaded jars carry one per library), the jar manifest when there is none, and nested
 * archives up to {@link DepsLimits#maxArchiveNesting()} levels.
 */
public final class ArchiveReader {
  /** Largest {@code pom.properties} or {@code MANIFEST.MF} read. */
  private static final int MAX_SMALL_FILE = 256 * 1024;

  private final Collector out;
  private final DepsLimits limits;

  public ArchiveReader(Collector out) {
    this.out = out;
    this.limits = out.limits();
  }

  /** Reads the archive {@code in} shown as {@code display}; never throws for bad content. */
  public void read(String display, InputStream in) {
    EntryStream.Budget budget = new EntryStream.Budget(limits.maxArchiveBytes());
    try {
      List<Component> top = readArchive(display, in, 1, budget);
      out.read(display, new ReadResult(top, List.of()));
    } catch (IOException e) {
      out.error(new ScanError(display, 0, ScanError.Kind.IO, "cannot read: " + e.getMessage()));
    } catch (RuntimeException e) {
      out.error(new ScanError(display, 0, ScanError.Kind.INTERNAL,
          "could not read this archive (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /** The components of one archive level, before hashes of the archive itself are known. */
  private static final class Level {
    final List<Component> mavenComponents = new ArrayList<>();
    byte @Nullable [] manifest;
  }

  private List<Component> readArchive(String display, InputStream raw, int depth, EntryStream.Budget budget)
      throws IOException {
    out.file(display);
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest sha256 = digest("SHA-256");
    InputStream digesting = new DigestInputStream(new DigestInputStream(raw, sha1), sha256);
    java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(digesting, 8192);
    if (!looksLikeZip(buffered)) {
      out.error(new ScanError(display, 0, ScanError.Kind.PARSE, "not a zip archive"));
      return List.of();
    }
    CountingInputStream counting = new CountingInputStream(buffered);
    Level level = new Level();
    Map<String, SourceFile> manifests = new LinkedHashMap<>();
    Map<String, Format> formats = new LinkedHashMap<>();
    boolean complete = false;
    try (ZipInputStream zip = new ZipInputStream(counting, StandardCharsets.UTF_8)) {
      int entries = 0;
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String where = display + "!/" + e.getName();
        if (++entries > limits.maxArchiveEntries()) {
          out.error(new ScanError(display, 0, ScanError.Kind.LIMIT,
              "more than " + limits.maxArchiveEntries() + " entries: the rest was not read"));
          return finish(display, level, manifests, formats, sha1, sha256, false);
        }
        if (!out.countFile(display)) {
          return finish(display, level, manifests, formats, sha1, sha256, false);
        }
        EntryStream entry = new EntryStream(zip, budget, counting, limits.maxCompressionRatio(), where);
        String name = safeName(e.getName());
        if (name == null) {
          out.error(new ScanError(display, 0, ScanError.Kind.INVALID,
              "entry " + printable(e.getName()) + " escapes the archive (absolute or ../ path); skipped"));
          entry.drain();
          continue;
        }
        if (e.isDirectory()) {
          entry.drain();
          continue;
        }
        entry(display, name, where, entry, depth, budget, level, manifests, formats);
      }
      // the central directory too, for the archive's own hash
      complete = drainRest(counting);
    } catch (ArchiveLimitException limit) {
      if (budget.reportOnce()) {
        out.error(new ScanError(display, 0, ScanError.Kind.LIMIT, limit.getMessage() + ": the rest was not read"));
      }
    } catch (ZipException | EOFException corrupt) {
      out.error(new ScanError(display, 0, ScanError.Kind.PARSE,
          "corrupt or truncated archive (" + corrupt.getMessage() + "); read up to the damage"));
    } catch (IllegalArgumentException badName) {
      out.error(new ScanError(display, 0, ScanError.Kind.PARSE, "corrupt archive: bad entry name encoding"));
    }
    return finish(display, level, manifests, formats, sha1, sha256, complete);
  }

  private void entry(
      String display, String name, String where, EntryStream entry, int depth,
      EntryStream.Budget budget, Level level, Map<String, SourceFile> manifests,
      Map<String, Format> formats) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
      byte[] bytes = entry.readAtMost(MAX_SMALL_FILE);
      if (bytes != null) {
        Component c = pomProperties(where, bytes);
        if (c != null) {
          level.mavenComponents.add(c);
        }
      }
      return;
    }
    if (name.equals("META-INF/MANIFEST.MF")) {
      level.manifest = entry.readAtMost(MAX_SMALL_FILE);
      return;
    }
    if (Detection.isArchiveName(lower)) {
      if (depth >= limits.maxArchiveNesting()) {
        out.error(new ScanError(where, 0, ScanError.Kind.LIMIT,
            "archive nested deeper than " + limits.maxArchiveNesting() + " levels; not opened"));
        entry.drain();
        return;
      }
      List<Component> nested = readArchive(where, entry, depth + 1, budget);
      out.read(where, new ReadResult(nested, List.of()));
      entry.drain();
      return;
    }
    Format f = name.startsWith("META-INF/") ? null : Detection.detect(name);
    if (f == null || f == Format.NPM_MANIFEST && name.contains("/")) {
      entry.drain();
      return;
    }
    byte[] bytes = entry.readAtMost(limits.maxFileBytes());
    if (bytes == null) {
      out.error(new ScanError(where, 0, ScanError.Kind.LIMIT,
          "larger than " + limits.maxFileBytes() + " bytes; not read"));
      return;
    }
    manifests.put(where, new SourceFile(where, bytes));
    formats.put(where, f);
  }

  private List<Component> finish(
      String display, Level level, Map<String, SourceFile> manifests, Map<String, Format> formats,
      MessageDigest sha1, MessageDigest sha256, boolean whole) {
    List<Component> maven = new ArrayList<>(level.mavenComponents);
    String lower = display.toLowerCase(Locale.ROOT);
    boolean jar = lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
    if (maven.isEmpty() && jar && level.manifest != null) {
      Component c = fromManifest(display, level.manifest);
      if (c != null) {
        maven.add(c);
      }
    }
    if (whole && jar && maven.size() == 1) {
      Component c = maven.get(0);
      Map<String, String> hashes = new LinkedHashMap<>(c.hashes());
      hashes.put("SHA-1", Names.hex(sha1.digest()));
      hashes.put("SHA-256", Names.hex(sha256.digest()));
      maven.set(0, new Component(c.ecosystem(), c.name(), c.version(), c.versionKind(), c.source(),
          c.scope(), c.direct(), hashes, c.dependsOn(), c.licenses(), c.properties()));
    }
    // the archive's own manifests and lockfiles, with each other as context
    FilesContext context = new FilesContext(new LinkedHashMap<>(manifests), limits, p -> null);
    var skipped = Collector.skipped(
        manifests.keySet().stream().map(k -> k.substring(display.length() + 2)).toList(),
        rel -> formats.get(display + "!/" + rel));
    for (Map.Entry<String, SourceFile> m : manifests.entrySet()) {
      String rel = m.getKey().substring(display.length() + 2);
      if (!skipped.contains(rel)) {
        out.read(m.getKey(), Collector.parse(m.getValue(), formats.get(m.getKey()), context));
      }
    }
    return maven;
  }

  /** The entry name with {@code ./} folded, or null when it is absolute or climbs out. */
  static @Nullable String safeName(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.length() > 1 && n.charAt(1) == ':' || n.indexOf('\0') >= 0) {
      return null;
    }
    int depth = 0;
    List<String> parts = new ArrayList<>();
    for (String p : Text.split(n, '/')) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (--depth < 0) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        depth++;
        parts.add(p);
      }
    }
    return String.join("/", parts) + (n.endsWith("/") ? "/" : "");
  }

  private static String printable(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length() && sb.length() < 120; i++) {
      char ch = name.charAt(i);
      sb.append(ch < 0x20 || ch == 0x7f ? '?' : ch);
    }
    return sb.toString();
  }

  /** A local file header or an empty archive's end record. */
  private static boolean looksLikeZip(java.io.BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] sig = in.readNBytes(4);
    in.reset();
    return sig.length == 4 && sig[0] == 'P' && sig[1] == 'K'
        && (sig[2] == 3 && sig[3] == 4 || sig[2] == 5 && sig[3] == 6);
  }

  private static boolean drainRest(InputStream in) {
    try {
      byte[] buf = new byte[16384];
      while (in.read(buf) >= 0) {
        // the central directory: only for the archive's own hash
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static @Nullable Component pomProperties(String where, byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    String g = p.getProperty("groupId");
    String a = p.getProperty("artifactId");
    String v = p.getProperty("version");
    if (blank(g) || blank(a) || blank(v)) {
      return null;
    }
    return new Component(Ecosystem.MAVEN, g.trim() + ":" + a.trim(), v.trim(), VersionKind.EXACT,
        SourceLocation.of(where, 0), Scope.RUNTIME, false, Map.of(), List.of(), List.of(), Map.of());
  }

  /**
   * Coordinates from a jar manifest: version from {@code Implementation-Version} or {@code
   * Bundle-Version}, artifact from the file name ({@code name-1.2.3.jar}) or {@code
   * Implementation-Title}, group from {@code Implementation-Vendor-Id} or {@code
   * Bundle-SymbolicName} ({@code group.artifact}). Null when the group stays unknown.
   */
  static @Nullable Component fromManifest(String display, byte[] bytes) {
    Attributes attrs;
    try {
      attrs = new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
    String fileName = display.substring(display.lastIndexOf('/') + 1);
    int bang = fileName.lastIndexOf("!");
    if (bang >= 0) {
      fileName = fileName.substring(bang + 1);
    }
    String base = fileName;
    for (String ext : new String[] {".jar", ".war", ".ear"}) {
      if (base.toLowerCase(Locale.ROOT).endsWith(ext)) {
        base = base.substring(0, base.length() - ext.length());
      }
    }
    String version = first(attrs.getValue("Implementation-Version"), attrs.getValue("Bundle-Version"));
    String artifact = null;
    int dash = base.lastIndexOf('-');
    while (dash > 0) {
      if (dash + 1 < base.length() && Character.isDigit(base.charAt(dash + 1))) {
        artifact = base.substring(0, dash);
        if (version == null) {
          version = base.substring(dash + 1);
        }
      }
      dash = base.lastIndexOf('-', dash - 1);
    }
    if (artifact == null) {
      artifact = attrs.getValue("Implementation-Title");
    }
    String group = attrs.getValue("Implementation-Vendor-Id");
    String symbolic = attrs.getValue("Bundle-SymbolicName");
    if (group == null && symbolic != null && artifact != null) {
      String s = Text.split(symbolic, ';')[0].trim();
      if (s.endsWith("." + artifact)) {
        group = s.substring(0, s.length() - artifact.length() - 1);
      }
    }
    if (blank(group) || blank(artifact) || blank(version)) {
      return null;
    }
    return new Component(Ecosystem.MAVEN, group.trim() + ":" + artifact.trim(), version.trim(),
        VersionKind.EXACT, SourceLocation.of(display + "!/META-INF/MANIFEST.MF", 0), Scope.RUNTIME,
        false, Map.of(), List.of(), List.of(), Map.of("bulwark:identified-by", "manifest"));
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return !blank(a) ? a : !blank(b) ? b : null;
  }

  @org.jspecify.annotations.NullUnmarked
  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static MessageDigest digest(String alg) {
    try {
      return MessageDigest.getInstance(alg);
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(alg + " unavailable", e));
    }
  }
}
