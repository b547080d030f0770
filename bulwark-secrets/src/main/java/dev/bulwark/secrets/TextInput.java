package dev.bulwark.secrets;

import dev.bulwark.core.ResourceRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Text to scan that is not a file of its own: inline function code from a template, an
 * environment variable value, a parameter default. Immutable; the {@code with…} methods return
 * copies.
 *
 * <pre>{@code
 * // inline ZipFile code that starts on line 57 of the template
 * TextInput code = TextInput.of("template.yaml", inlineCode).startingAt(57);
 * // an environment variable: the name helps the generic detector judge the value
 * TextInput env =
 *     TextInput.value("template.yaml", 23, "DB_PASSWORD", "Zq8#vT2m!pLx")
 *         .about(new ResourceRef("OrdersFunction", "AWS::Serverless::Function"));
 * }</pre>
 *
 * @param displayName the file the text comes from, as shown to the user
 * @param text the text
 * @param firstLine the line of {@code displayName} on which the text starts (1-based)
 * @param name for a single value, the name it is assigned to (an environment variable, a
 *     parameter); {@code null} for free text
 * @param resource the resource findings are about, when the caller knows it
 */
public record TextInput(
    String displayName,
    String text,
    int firstLine,
    @Nullable String name,
    @Nullable ResourceRef resource) {

  public TextInput {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(text, "text");
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine must be at least 1, was " + firstLine);
    }
  }

  /** Free text starting on line 1 of {@code displayName}. */
  public static TextInput of(String displayName, String text) {
    return new TextInput(displayName, text, 1, null, null);
  }

  /** A single value assigned to {@code name}, found on {@code line} of {@code displayName}. */
  public static TextInput value(String displayName, int line, String name, String value) {
    return new TextInput(displayName, value, line, Objects.requireNonNull(name, "name"), null);
  }

  /** The same text, starting on {@code line} of the file. */
  public TextInput startingAt(int line) {
    return new TextInput(displayName, text, line, name, resource);
  }

  /** The same text, with findings about {@code ref}. */
  public TextInput about(@Nullable ResourceRef ref) {
    return new TextInput(displayName, text, firstLine, name, ref);
  }
}
