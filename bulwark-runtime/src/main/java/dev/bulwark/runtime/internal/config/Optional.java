package dev.bulwark.runtime.internal.config;

/** Checks that an optional dependency is on the class path, failing with what to add. */
public final class Optional {
  private Optional() {}

  public static void require(String className, String feature, String artifact) {
    try {
      Class.forName(className, false, Optional.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(feature + " needs " + artifact + " on the class path");
    }
  }
}
