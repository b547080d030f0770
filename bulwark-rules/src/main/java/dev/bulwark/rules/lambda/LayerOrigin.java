package dev.bulwark.rules.lambda;

import dev.bulwark.model.Attr;
import dev.bulwark.model.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which account publishes a layer a function uses, as far as the template tells: a layer of the
 * same template, a layer ARN whose account is {@code ${AWS::AccountId}}, or a literal account id
 * (also inside a {@code Fn::Sub} whose region is a parameter).
 *
 * @param ownAccount true when the layer is the stack's own
 * @param account the 12-digit publisher account, empty when {@code ownAccount}
 * @param name the layer's name without its version (the logical id for a layer of the template)
 * @param display the layer as written (ARN or logical id)
 */
record LayerOrigin(boolean ownAccount, String account, String name, String display) {

  private static final String OWN_ACCOUNT = "${AWS::AccountId}";

  /** The origin of a layer reference; empty when the account cannot be told. */
  static Optional<LayerOrigin> of(Attr<Ref> layer) {
    if (layer.isUnknown()) {
      return parse(layer.shape());
    }
    Optional<Ref> ref = layer.value();
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = ref.get().resourceId();
    if (id.isPresent()) {
      return Optional.of(new LayerOrigin(true, "", id.get(), id.get()));
    }
    return ref.get().literal().flatMap(LayerOrigin::parse);
  }

  /**
   * Reads {@code arn:<partition>:lambda:<region>:<account>:layer:<name>[:<version>]}, where any
   * segment may be a {@code ${…}} placeholder (which can itself contain colons).
   */
  static Optional<LayerOrigin> parse(String arn) {
    List<String> parts = segments(arn.trim());
    if (parts.size() < 7 || parts.size() > 8 || !parts.get(0).equals("arn")
        || !parts.get(2).equals("lambda") || !parts.get(5).equals("layer")) {
      return Optional.empty();
    }
    String account = parts.get(4);
    if (account.equals(OWN_ACCOUNT)) {
      return Optional.of(new LayerOrigin(true, "", parts.get(6), arn.trim()));
    }
    if (account.length() == 12 && account.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(new LayerOrigin(false, account, parts.get(6), arn.trim()));
    }
    return Optional.empty();
  }

  private static List<String> segments(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ':' && depth == 0) {
        out.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    out.add(current.toString());
    return out;
  }
}
