package dev.bulwark.runtime.internal.json;

/** Malformed JSON; the message names line, column and reason. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message, null, false, false);
  }
}
