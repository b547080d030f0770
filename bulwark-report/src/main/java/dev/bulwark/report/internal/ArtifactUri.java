package dev.bulwark.report.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A file name as displayed turned into a SARIF {@code artifactLocation.uri}: relative names (the
 * usual case) become percent-encoded relative references with forward slashes, to be resolved
 * against {@code %SRCROOT%}; absolute paths under the source root are made relative to it; other
 * absolute paths become {@code file:} URIs; ARNs of live resources stay as they are.
 *
 * @param uri the URI reference
 * @param relative true when {@code uriBaseId} {@code %SRCROOT%} applies
 */
record ArtifactUri(String uri, boolean relative) {

  static final String SRCROOT = "%SRCROOT%";

  /** Null when {@code file} is empty (a finding with no origin). */
  static @Nullable ArtifactUri of(String file, @Nullable URI sourceRoot) {
    if (file.isEmpty()) {
      return null;
    }
    if (file.startsWith("arn:")) {
      return new ArtifactUri(encode(file, false), false);
    }
    String path = file.replace('\\', '/');
    boolean unc = path.startsWith("//");
    boolean drive = path.length() >= 3 && isAsciiLetter(path.charAt(0)) && path.charAt(1) == ':'
        && path.charAt(2) == '/';
    if (!unc && !drive && !path.startsWith("/")) {
      while (path.startsWith("./")) {
        path = path.substring(2);
      }
      return new ArtifactUri(encode(path, true), true);
    }
    String absolute = drive ? "/" + path : path;
    if (sourceRoot != null && "file".equalsIgnoreCase(sourceRoot.getScheme()) && !unc) {
      String root = sourceRoot.getPath();
      if (root != null && absolute.startsWith(root) && absolute.length() > root.length()) {
        return new ArtifactUri(encode(absolute.substring(root.length()), true), true);
      }
    }
    return new ArtifactUri("file:" + (unc ? "" : "//") + encode(absolute, false), false);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Percent-encodes everything but RFC 3986 path characters. In a relative reference the colon
   * is encoded too, so that {@code a:b/c} is not read as a scheme.
   */
  static String encode(String s, boolean relative) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (isPathChar(c) && !(relative && c == ':')) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }
}
