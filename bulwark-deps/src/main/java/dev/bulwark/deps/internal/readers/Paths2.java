package dev.bulwark.deps.internal.readers;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Joining and normalizing {@code /}-separated display paths without touching the file system. */
public final class Paths2 {
  private Paths2() {}

  /**
   * {@code folder + relative} with {@code .} and {@code ..} folded; null when the result would
   * climb above the first segment of {@code folder} or {@code relative} is absolute.
   */
  public static @Nullable String join(String folder, String relative) {
    String rel = relative.replace('\\', '/');
    if (rel.startsWith("/") || rel.isEmpty() || (rel.length() > 1 && rel.charAt(1) == ':')) {
      return null;
    }
    String all = folder.replace('\\', '/') + rel;
    Deque<String> parts = new ArrayDeque<>();
    boolean absolute = all.startsWith("/");
    for (String p : Text.split(all, '/')) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return (absolute ? "/" : "") + String.join("/", parts);
  }
}
