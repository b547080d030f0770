package dev.bulwark.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Bulwark's own version, from the build. */
public final class Version {

  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when not built by Maven. */
  public static String current() {
    return VERSION;
  }

  /** {@code bulwark <version>}. */
  public static String tool() {
    return "bulwark " + VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
