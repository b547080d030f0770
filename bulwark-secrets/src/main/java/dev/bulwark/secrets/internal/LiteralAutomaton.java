package dev.bulwark.secrets.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Aho-Corasick automaton over bytes, compiled to a dense DFA, that finds every occurrence of a set
 * of ASCII literals in one pass: one table lookup per byte. Optionally ASCII case-insensitive.
 *
 * <p>The DFA is laid out for the scanning loop: bytes map to a small alphabet ({@link #classOf}),
 * states are pre-multiplied by the alphabet size, and every state that ends a literal is numbered
 * after all others, so "did a literal end here" is one comparison with {@link #acceptFrom}.
 */
final class LiteralAutomaton {

  /** Byte (0..255) to alphabet class; 0 is "no literal uses this byte". */
  final int[] classOf = new int[256];

  /** Next state, indexed by {@code state + class}; states are pre-multiplied by {@link #width}. */
  final int[] delta;

  /** Number of alphabet classes. */
  final int width;

  /** States at or above this (pre-multiplied) end at least one literal. */
  final int acceptFrom;

  /** Literal ids ending in each accepting state, by {@code (state - acceptFrom) / width}. */
  private final int[][] outputs;

  private final int[] lengths;

  /**
   * @param literals ASCII literals; the index in this list is the id reported on a match
   * @param ignoreCase match ASCII letters regardless of case
   */
  LiteralAutomaton(List<String> literals, boolean ignoreCase) {
    lengths = new int[literals.size()];
    TreeSet<Integer> used = new TreeSet<>();
    List<byte[]> patterns = new ArrayList<>();
    for (int i = 0; i < literals.size(); i++) {
      byte[] p = literals.get(i).getBytes(StandardCharsets.US_ASCII);
      if (p.length == 0) {
        throw new IllegalArgumentException("empty literal");
      }
      for (int j = 0; j < p.length; j++) {
        p[j] = fold(p[j], ignoreCase);
        used.add(p[j] & 0xff);
      }
      lengths[i] = p.length;
      patterns.add(p);
    }
    int k = 1;
    int[] classOfFolded = new int[256];
    for (int b : used) {
      classOfFolded[b] = k++;
    }
    width = k;
    for (int b = 0; b < 256; b++) {
      classOf[b] = classOfFolded[fold((byte) b, ignoreCase) & 0xff];
    }

    // trie
    List<int[]> next = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    next.add(newRow(k));
    out.add(new ArrayList<>());
    for (int id = 0; id < patterns.size(); id++) {
      int s = 0;
      for (byte b : patterns.get(id)) {
        int c = classOfFolded[b & 0xff];
        if (next.get(s)[c] < 0) {
          next.get(s)[c] = next.size();
          next.add(newRow(k));
          out.add(new ArrayList<>());
        }
        s = next.get(s)[c];
      }
      out.get(s).add(id);
    }

    // failure links, breadth first, completing the transition table as we go
    int n = next.size();
    int[] fail = new int[n];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < k; c++) {
      int t = next.get(0)[c];
      if (t < 0) {
        next.get(0)[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 0; c < k; c++) {
        int t = next.get(s)[c];
        if (t < 0) {
          next.get(s)[c] = next.get(fail[s])[c];
        } else {
          fail[t] = next.get(fail[s])[c];
          queue.add(t);
        }
      }
    }

    // renumber: non-accepting states first, the start state stays 0
    int[] order = new int[n];
    int[] rank = new int[n];
    int r = 0;
    for (int s = 0; s < n; s++) {
      if (out.get(s).isEmpty()) {
        order[r] = s;
        rank[s] = r++;
      }
    }
    int firstAccepting = r;
    for (int s = 0; s < n; s++) {
      if (!out.get(s).isEmpty()) {
        order[r] = s;
        rank[s] = r++;
      }
    }
    delta = new int[n * k];
    for (int i = 0; i < n; i++) {
      int[] row = next.get(order[i]);
      for (int c = 0; c < k; c++) {
        delta[i * k + c] = rank[row[c]] * k;
      }
    }
    acceptFrom = firstAccepting * k;
    outputs = new int[n - firstAccepting][];
    for (int i = firstAccepting; i < n; i++) {
      outputs[i - firstAccepting] =
          out.get(order[i]).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Ids of the literals ending in accepting {@code state}. */
  int[] outputs(int state) {
    return outputs[(state - acceptFrom) / width];
  }

  /** Length in bytes of literal {@code id}. */
  int length(int id) {
    return lengths[id];
  }

  int maxLength() {
    return Arrays.stream(lengths).max().orElse(0);
  }

  private static int[] newRow(int k) {
    int[] row = new int[k];
    Arrays.fill(row, -1);
    return row;
  }

  private static byte fold(byte b, boolean ignoreCase) {
    return ignoreCase && b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }
}
