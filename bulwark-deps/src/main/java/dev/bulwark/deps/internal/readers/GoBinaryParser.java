package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled Go program ({@code bootstrap} of a {@code provided.al2} function): the build
 * information the Go linker embeds since Go 1.18 ({@code \xff Go buildinf:} followed by the Go
 * version and the module list, {@code dep}, {@code =>} replacement and {@code mod} lines). The
 * modules and the standard library ({@code stdlib} at the toolchain's version) are exact. A
 * file that is not an executable (a shell-script {@code bootstrap}) or has no Go build
 * information (another language) yields nothing.
 */
public final class GoBinaryParser implements ManifestParser {

  private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

  /** Go 1.18+: version and module strings inline after the 32-byte header. */
  private static final int FLAG_INLINE = 0x2;

  private static final int HEADER = 32;

  /** The longest Go version string or module list read. */
  private static final int MAX_STRING = 4 << 20;

  @Override
  public ReadResult parse(SourceFile file, ReadContext context) {
    byte[] b = file.bytes();
    if (!isExecutable(b)) {
      return new ReadResult(List.of(), List.of());
    }
    int at = indexOf(b, MAGIC);
    if (at < 0 || at + HEADER > b.length) {
      return new ReadResult(List.of(), List.of());
    }
    int flags = b[at + 15] & 0xff;
    if ((flags & FLAG_INLINE) == 0) {
      return ReadResult.failed(file.error(0, ScanError.Kind.INVALID,
          "built with Go before 1.18 (build information by pointer); modules not read"));
    }
    int[] pos = {at + HEADER};
    String goVersion = string(b, pos);
    String modinfo = string(b, pos);
    if (goVersion == null || modinfo == null) {
      return ReadResult.failed(file.error(0, ScanError.Kind.PARSE, "truncated Go build information"));
    }
    // the module list is framed by two 16-byte sentinels
    if (modinfo.length() >= 33 && modinfo.charAt(modinfo.length() - 17) == '\n') {
      modinfo = modinfo.substring(16, modinfo.length() - 16);
    }
    List<Component> out = new ArrayList<>();
    if (goVersion.startsWith("go")) {
      out.add(new Comp(Ecosystem.GO, "stdlib", goVersion).kind(VersionKind.EXACT).at(file.at(0))
          .scope(Scope.RUNTIME).direct(true).build());
    }
    Map<String, Comp> deps = new LinkedHashMap<>();
    Comp last = null;
    for (String line : Text.lines(modinfo)) {
      String[] f = Text.split(line, '\t');
      if (f.length >= 3 && f[0].equals("dep")) {
        last = module(file, f);
        deps.put(f[1], last);
      } else if (f.length >= 2 && f[0].equals("=>") && last != null) {
        deps.remove(last.name);
        if (f.length >= 3 && !f[2].isEmpty()) {
          Comp rep = module(file, f);
          deps.put(rep.name, rep);
        }
        last = null;
      }
    }
    deps.values().forEach(c -> out.add(c.build()));
    return new ReadResult(out, List.of());
  }

  private static Comp module(SourceFile file, String[] f) {
    Comp c = new Comp(Ecosystem.GO, f[1], f[2]).kind(VersionKind.EXACT).at(file.at(0))
        .scope(Scope.RUNTIME);
    if (f.length >= 4 && f[3].startsWith("h1:")) {
      try {
        c.hash("GO-H1", Names.hex(Base64.getDecoder().decode(f[3].substring(3))));
      } catch (IllegalArgumentException badBase64) {
        // no hash then
      }
    }
    return c;
  }

  /** ELF, Mach-O or PE. */
  static boolean isExecutable(byte[] b) {
    if (b.length < 4) {
      return false;
    }
    int m = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    return m == 0x7f454c46 // ELF
        || m == 0xfeedface || m == 0xfeedfacf || m == 0xcefaedfe || m == 0xcffaedfe // Mach-O
        || (b[0] == 'M' && b[1] == 'Z'); // PE
  }

  /** An unsigned-varint-prefixed string at {@code pos[0]}, advancing it; null when cut short. */
  private static @Nullable String string(byte[] b, int[] pos) {
    long len = 0;
    int shift = 0;
    int p = pos[0];
    while (true) {
      if (p >= b.length || shift > 35) {
        return null;
      }
      int x = b[p++] & 0xff;
      len |= (long) (x & 0x7f) << shift;
      if (x < 0x80) {
        break;
      }
      shift += 7;
    }
    if (len > MAX_STRING || p + len > b.length) {
      return null;
    }
    pos[0] = p + (int) len;
    return new String(b, p, (int) len, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (hay[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
