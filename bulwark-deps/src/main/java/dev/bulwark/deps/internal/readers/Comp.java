package dev.bulwark.deps.internal.readers;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.Scope;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.Ecosystem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A mutable component under construction, for parsers that learn fields one by one. */
public final class Comp {
  final Ecosystem ecosystem;
  final String name;
  final String version;
  VersionKind kind = VersionKind.EXACT;
  SourceLocation source = SourceLocation.NONE;
  Scope scope = Scope.UNKNOWN;
  boolean direct;
  final Map<String, String> hashes = new LinkedHashMap<>();
  final List<String> dependsOn = new ArrayList<>();
  final List<String> licenses = new ArrayList<>();
  final Map<String, String> properties = new LinkedHashMap<>();

  public Comp(Ecosystem ecosystem, String name, String version) {
    this.ecosystem = ecosystem;
    this.name = name;
    this.version = version;
  }

  public Comp kind(VersionKind k) {
    this.kind = k;
    return this;
  }

  public Comp at(SourceLocation s) {
    this.source = s;
    return this;
  }

  public Comp scope(Scope s) {
    this.scope = s;
    return this;
  }

  public Comp direct(boolean d) {
    this.direct = d;
    return this;
  }

  public Comp hash(String algorithm, String hex) {
    hashes.putIfAbsent(algorithm, hex.toLowerCase(Locale.ROOT));
    return this;
  }

  public Comp license(String l) {
    String t = l.trim();
    if (!t.isEmpty() && !licenses.contains(t)) {
      licenses.add(t);
    }
    return this;
  }

  public Comp property(String name, String value) {
    properties.put(name, value);
    return this;
  }

  public Comp dependsOn(String key) {
    if (!dependsOn.contains(key) && !key.equals(key())) {
      dependsOn.add(key);
    }
    return this;
  }

  public String key() {
    return ecosystem.label() + ":" + name + "@" + version;
  }

  /**
   * Adds the hashes of an npm-style integrity string ({@code sha512-<base64>}, several separated
   * by spaces); unknown algorithms and bad base64 are ignored.
   */
  public Comp integrity(String integrity) {
    for (String part : Text.words(integrity.trim())) {
      int dash = part.indexOf('-');
      if (dash <= 0) {
        continue;
      }
      String alg =
          switch (part.substring(0, dash).toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> null;
          };
      if (alg == null) {
        continue;
      }
      try {
        hash(alg, Names.hex(Base64.getDecoder().decode(part.substring(dash + 1))));
      } catch (IllegalArgumentException badBase64) {
        // an integrity we cannot decode is no hash
      }
    }
    return this;
  }

  /** Adds a {@code sha256:<hex>} style hash (pip, Poetry, uv); other shapes are ignored. */
  public Comp prefixedHash(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return this;
    }
    String alg =
        switch (text.substring(0, colon).toLowerCase(Locale.ROOT)) {
          case "sha256" -> "SHA-256";
          case "sha384" -> "SHA-384";
          case "sha512" -> "SHA-512";
          case "sha1" -> "SHA-1";
          case "md5" -> "MD5";
          default -> null;
        };
    String hex = text.substring(colon + 1).trim();
    if (alg != null && isHex(hex)) {
      hash(alg, hex);
    }
    return this;
  }

  static boolean isHex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  public Component build() {
    return new Component(
        ecosystem, name, version, kind, source, scope, direct, hashes, dependsOn, licenses, properties);
  }
}
