package dev.bulwark.runtime.detect.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable, case-insensitive (ASCII) map from words to small int codes that looks up a region
 * of a {@link CharSequence} without allocating. Open addressing, built once per class.
 */
public final class WordTable {

  private final char[][] keys;
  private final int[] values;
  private final int mask;
  private final int maxLength;

  private WordTable(Map<String, Integer> entries) {
    int size = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
    keys = new char[size][];
    values = new int[size];
    mask = size - 1;
    int max = 0;
    for (Map.Entry<String, Integer> e : entries.entrySet()) {
      String k = Ascii.lower(e.getKey());
      char[] chars = k.toCharArray();
      int slot = hash(k, 0, k.length()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = chars;
      values[slot] = e.getValue();
      max = Math.max(max, chars.length);
    }
    maxLength = max;
  }

  public static WordTable of(Map<String, Integer> entries) {
    return new WordTable(entries);
  }

  /** Every word mapped to {@code 1}. */
  public static WordTable set(String... words) {
    HashMap<String, Integer> m = new HashMap<>();
    for (String w : words) {
      m.put(w, 1);
    }
    return new WordTable(m);
  }

  private static int hash(CharSequence s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + Ascii.lower(s.charAt(i));
    }
    return h ^ (h >>> 16);
  }

  /** The code of {@code s[start, end)}, or {@code 0} when the word is not in the table. */
  public int get(CharSequence s, int start, int end) {
    int len = end - start;
    if (len <= 0 || len > maxLength) {
      return 0;
    }
    int slot = hash(s, start, end) & mask;
    while (true) {
      char[] k = keys[slot];
      if (k == null) {
        return 0;
      }
      if (k.length == len && same(k, s, start)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  public boolean contains(CharSequence s, int start, int end) {
    return get(s, start, end) != 0;
  }

  public boolean contains(CharSequence s) {
    return get(s, 0, s.length()) != 0;
  }

  private static boolean same(char[] k, CharSequence s, int start) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] != Ascii.lower(s.charAt(start + i))) {
        return false;
      }
    }
    return true;
  }
}
