package dev.bulwark.deps.internal.readers;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Joining and normalizing {@code /}-separated display paths without touching the file system. */
public final class Paths2 {
  private Paths2() {}

  /**
   * {@code folder + relative}, normalized; null when {@code relative} is empty or absolute (a
   * parser never follows an absolute reference). Whether the result stays inside the input is
   * for the caller to check.
   */
  public static @Nullable String join(String folder, String relative) {
    String rel = relative.replace('\\', '/');
    if (rel.isEmpty() || rel.startsWith("/") || (rel.length() > 1 && rel.charAt(1) == ':')) {
      return null;
    }
    return normalize(folder.replace('\\', '/') + rel);
  }

  /**
   * {@code .} segments and empty ones dropped, {@code x/..} folded; leading {@code ..} kept; a
   * leading {@code /} kept. {@code .} alone gives the empty string.
   */
  public static String normalize(String path) {
    String all = path.replace('\\', '/');
    Deque<String> parts = new ArrayDeque<>();
    boolean absolute = all.startsWith("/");
    for (String p : Text.split(all, '/')) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!(p.equals("..") && absolute && parts.isEmpty())) {
        parts.addLast(p);
      }
    }
    return (absolute ? "/" : "") + String.join("/", parts);
  }
}
