package dev.bulwark.runtime.internal.guard;

/**
 * What a guard found, before it becomes a security event.
 *
 * @param eventClass attack class label or {@code auth}, {@code validation}, …
 * @param rule the rule ({@code jwt.expired})
 * @param location where in the event, {@code ""} for the whole invocation
 * @param excerpt raw excerpt; redacted before it is logged
 */
public record Finding(String eventClass, String rule, String location, String excerpt) {

  public static Finding of(String eventClass, String rule) {
    return new Finding(eventClass, rule, "", "");
  }
}
