package dev.bulwark.deps.internal.version;

/** A string that is not a version of the scheme it was read with. */
public final class InvalidVersionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidVersionException(String text, String scheme) {
    super("'" + abbreviate(text) + "' is not a valid " + scheme + " version");
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
