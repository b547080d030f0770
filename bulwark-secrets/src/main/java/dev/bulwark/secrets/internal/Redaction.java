package dev.bulwark.secrets.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What of a secret may be shown: a short prefix and a hash prefix. The hash is a plain SHA-256 of
 * the value's bytes (as they appear in the file), so a user can check which of their secrets a
 * finding is about: {@code printf %s "$VALUE" | sha256sum | cut -c1-16}.
 */
final class Redaction {

  /** Hex characters of the SHA-256 kept: 64 bits, enough to tell secrets apart. */
  static final int HASH_CHARS = 16;

  private static final int PREVIEW_MAX = 4;

  private Redaction() {}

  /**
   * The first characters of a value: at most four, and at most a quarter of the value, so short
   * passwords are not half printed.
   */
  static String preview(String value) {
    int n = Math.min(PREVIEW_MAX, value.length() / 4);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  /** Lower-case hex SHA-256 prefix of the value's bytes. */
  static String hash(byte[] value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Hash of a value read as ISO-8859-1 (one char per byte), i.e. of its original bytes. */
  static String hashLatin1(String value) {
    return hash(value.getBytes(StandardCharsets.ISO_8859_1));
  }
}
