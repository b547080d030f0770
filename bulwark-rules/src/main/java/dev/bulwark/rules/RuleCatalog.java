package dev.bulwark.rules;

import dev.bulwark.core.RuleMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads rule metadata from {@link RuleInfo} and the rule's document {@code rules/<ID>.md}. */
public final class RuleCatalog {

  private RuleCatalog() {}

  /**
   * Metadata of a rule.
   *
   * @throws IllegalArgumentException when the class lacks {@link RuleInfo}
   */
  public static RuleMetadata metadata(Rule rule) {
    return metadata(rule.getClass());
  }

  public static RuleMetadata metadata(Class<? extends Rule> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
    }
    return new RuleMetadata(
        info.id(),
        info.title(),
        info.severity(),
        info.remediation(),
        Arrays.asList(info.tags()),
        Arrays.asList(info.aliases()),
        info.enabledByDefault(),
        doc(type, info.id()).orElse(""),
        "posture");
  }

  /** The rule's Markdown document, shipped in the jar as {@code rules/<ID>.md}. */
  public static Optional<String> doc(Class<?> anchor, String id) {
    String path = "/rules/" + id.toUpperCase(Locale.ROOT) + ".md";
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Metadata of every built-in rule, in id order. */
  public static List<RuleMetadata> builtin() {
    List<RuleMetadata> out = new ArrayList<>();
    for (Rule r : BuiltinRules.all()) {
      out.add(metadata(r));
    }
    return out;
  }
}
