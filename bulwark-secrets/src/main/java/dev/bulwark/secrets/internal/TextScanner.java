package dev.bulwark.secrets.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ResourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scans a stream of bytes for every enabled detector in one pass, in chunks, so memory stays
 * bounded whatever the size: a window of {@link #CHUNK} new bytes plus {@link #LOOK_BEHIND} bytes
 * already scanned (for context above an anchor) and {@link #LOOK_AHEAD} bytes not yet scanned
 * (for a PEM body or a key pair below it). Anchors are found by two literal automata, one exact
 * and one case-insensitive; detectors run only where an anchor is.
 *
 * <p>Bytes are read as ISO-8859-1: every secret format is ASCII, and line numbers stay exact for
 * any ASCII-compatible encoding (UTF-8 included).
 */
final class TextScanner {

  static final int CHUNK = 1 << 20;
  static final int LOOK_BEHIND = 16 << 10;
  static final int LOOK_AHEAD = 72 << 10;
  static final int BUFFER = LOOK_BEHIND + CHUNK + LOOK_AHEAD;

  /** Bytes sniffed for a NUL to tell binary files from text. */
  static final int SNIFF = 8192;

  /** Bytes looked at to tell a minified bundle (very long lines) from hand-written text. */
  private static final int MINIFIED_SAMPLE = 64 << 10;

  private final Settings settings;
  private final List<Detector> detectors = new ArrayList<>();
  private final LiteralAutomaton exact;
  private final LiteralAutomaton anyCase;
  private final Target[] exactTargets;
  private final Target[] anyCaseTargets;
  private final int maxAnchor;

  private record Target(Detector detector, int anchor) {}

  /** What became of one text. */
  enum Outcome {
    SCANNED,
    BINARY,
    TRUNCATED
  }

  /** Result of scanning one text. */
  record Result(Outcome outcome, List<Finding> findings, long bytes, boolean tooManyFindings,
      boolean contextBudgetExhausted) {}

  TextScanner(Settings settings, List<Detector> all) {
    this.settings = settings;
    List<String> exactLiterals = new ArrayList<>();
    List<String> anyCaseLiterals = new ArrayList<>();
    List<Target> exactList = new ArrayList<>();
    List<Target> anyCaseList = new ArrayList<>();
    for (Detector d : all) {
      if (!settings.anyEnabled(d.kinds())) {
        continue;
      }
      detectors.add(d);
      List<Detector.Anchor> anchors = d.anchors();
      for (int i = 0; i < anchors.size(); i++) {
        Detector.Anchor a = anchors.get(i);
        if (a.ignoreCase()) {
          anyCaseLiterals.add(a.text());
          anyCaseList.add(new Target(d, i));
        } else {
          exactLiterals.add(a.text());
          exactList.add(new Target(d, i));
        }
      }
    }
    if (exactLiterals.isEmpty()) {
      exactLiterals.add("\u0000\u0000");
      exactList.add(null);
    }
    if (anyCaseLiterals.isEmpty()) {
      anyCaseLiterals.add("\u0000\u0000");
      anyCaseList.add(null);
    }
    exact = new LiteralAutomaton(exactLiterals, false);
    anyCase = new LiteralAutomaton(anyCaseLiterals, true);
    exactTargets = exactList.toArray(new Target[0]);
    anyCaseTargets = anyCaseList.toArray(new Target[0]);
    maxAnchor = Math.max(exact.maxLength(), anyCase.maxLength());
  }

  Settings settings() {
    return settings;
  }

  /**
   * Scans {@code in} to its end or to {@code maxBytes}.
   *
   * @param buffer a work buffer of {@link #BUFFER} bytes (reused between texts), or a smaller one
   *     for a text known to fit
   * @param name when not null, the whole text is one value assigned to this name
   */
  Result scan(InputStream in, FileContext ctx, @Nullable ResourceRef resource, int firstLine,
      long maxBytes, byte[] buffer, @Nullable String name) throws IOException {
    Scan scan = new Scan(settings, ctx, resource, buffer, firstLine);
    int scanFrom = 0;
    boolean eof = false;
    boolean first = true;
    boolean truncated = false;
    while (true) {
      long room = maxBytes - (scan.base + scan.len);
      while (scan.len < buffer.length && !eof && room > 0) {
        int n = in.read(buffer, scan.len, (int) Math.min(buffer.length - scan.len, room));
        if (n < 0) {
          eof = true;
        } else {
          scan.len += n;
          room -= n;
          scan.earn(n);
        }
      }
      if (!eof && room <= 0) {
        eof = true;
        truncated = in.read() >= 0;
      }
      if (!eof && scan.len == buffer.length && buffer.length < BUFFER) {
        byte[] bigger = new byte[BUFFER];
        System.arraycopy(buffer, 0, bigger, 0, scan.len);
        buffer = bigger;
        scan.buf = bigger;
        continue;
      }
      if (first) {
        first = false;
        if (isBinary(buffer, scan.len)) {
          return new Result(Outcome.BINARY, List.of(), 0, false, false);
        }
        scan.minified = ctx.minifiedByName()
            || (ctx.mayBeMinified() && looksMinified(buffer, scan.len));
      }
      int scanTo = eof ? scan.len : scan.len - LOOK_AHEAD;
      if (scanTo > scanFrom) {
        scanRange(scan, scanFrom, scanTo);
      }
      if (eof) {
        break;
      }
      int keep = Math.max(0, scanTo - LOOK_BEHIND);
      scan.shift(keep);
      scanFrom = scanTo - keep;
    }
    if (name != null && scan.base == 0) {
      int from = 0;
      int to = scan.len;
      while (from < to && Character.isWhitespace(buffer[from])) {
        from++;
      }
      while (to > from && Character.isWhitespace(buffer[to - 1])) {
        to--;
      }
      if (scan.candidates.isEmpty() && !scan.ctx.lockFile()) {
        GenericSecrets.judge(scan, name, from, to, true);
      }
    }
    return new Result(truncated ? Outcome.TRUNCATED : Outcome.SCANNED,
        Candidate.resolve(scan.candidates), scan.base + scan.len, scan.truncatedCandidates,
        scan.contextBudgetExhausted);
  }

  /** Finds anchors starting in {@code [from, to)} and runs their detectors. */
  private void scanRange(Scan scan, int from, int to) {
    byte[] buf = scan.buf;
    int[] d1 = exact.delta;
    int[] c1 = exact.classOf;
    int a1 = exact.acceptFrom;
    int[] d2 = anyCase.delta;
    int[] c2 = anyCase.classOf;
    int a2 = anyCase.acceptFrom;
    int s1 = 0;
    int s2 = 0;
    int start = Math.max(0, from - maxAnchor + 1);
    int end = Math.min(scan.len, to + maxAnchor - 1);
    for (int i = start; i < end; i++) {
      int b = buf[i] & 0xff;
      s1 = d1[s1 + c1[b]];
      s2 = d2[s2 + c2[b]];
      if (s1 >= a1) {
        dispatch(scan, exact, exactTargets, s1, i, from, to);
      }
      if (s2 >= a2) {
        dispatch(scan, anyCase, anyCaseTargets, s2, i, from, to);
      }
    }
  }

  private static void dispatch(Scan scan, LiteralAutomaton automaton, Target[] targets, int state,
      int last, int from, int to) {
    for (int id : automaton.outputs(state)) {
      int start = last - automaton.length(id) + 1;
      if (start >= from && start < to) {
        Target t = targets[id];
        if (t != null) {
          t.detector().onAnchor(scan, t.anchor(), start, last + 1);
        }
      }
    }
  }

  static boolean isBinary(byte[] buf, int len) {
    int n = Math.min(len, SNIFF);
    for (int i = 0; i < n; i++) {
      if (buf[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Average line longer than 500 bytes over the first 64 KiB, with at least 4 KiB of text. */
  private static boolean looksMinified(byte[] buf, int len) {
    int n = Math.min(len, MINIFIED_SAMPLE);
    if (n < 4096) {
      return false;
    }
    int lines = 1;
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n') {
        lines++;
      }
    }
    return n / lines > 500;
  }
}
