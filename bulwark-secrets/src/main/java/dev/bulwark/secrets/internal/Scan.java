package dev.bulwark.secrets.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ResourceRef;
import dev.bulwark.core.Severity;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.core.Suppression;
import dev.bulwark.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of scanning one text: the current window of its bytes, line bookkeeping, and the
 * candidates reported so far. Detectors read the window between {@code 0} and {@link #limit()}
 * (the part before the current anchor is kept for look-behind, the part after for look-ahead) and
 * report through {@link #report(SecretKind)}.
 */
final class Scan {

  /** How far helpers look for the start or end of a line. */
  static final int MAX_LINE = 4096;

  /** Most candidates kept per text; a file full of secrets is generated, not written. */
  static final int MAX_CANDIDATES = 1000;

  final Settings settings;
  final FileContext ctx;
  private final @Nullable ResourceRef resource;

  byte[] buf;
  int len;
  long base;
  private int lineAtBufStart;
  private int cursorPos;
  private int cursorLine;

  boolean minified;
  boolean truncatedCandidates;

  /** Absolute end of the last identifier the generic detector looked at. */
  long genericIdentEnd = -1;

  /**
   * Bytes that context searches (the secret next to a key id, the end of a PEM block, the rest of
   * a connection string) may still examine. Normal text uses a small fraction; a text built to
   * make every anchor search its whole neighbourhood runs out, and its scan stays linear.
   */
  private long contextBudget = 1L << 20;

  boolean contextBudgetExhausted;

  final List<Candidate> candidates = new ArrayList<>();

  Scan(Settings settings, FileContext ctx, @Nullable ResourceRef resource, byte[] buf,
      int firstLine) {
    this.settings = settings;
    this.ctx = ctx;
    this.resource = resource;
    this.buf = buf;
    this.lineAtBufStart = firstLine;
    this.cursorLine = firstLine;
  }

  int limit() {
    return len;
  }

  /** Grants more context budget as text arrives: 32 bytes of searching per byte of text. */
  void earn(int newBytes) {
    contextBudget += 32L * newBytes;
  }

  /**
   * Charges a context search of {@code bytes}; false (and the search must not run) when the
   * budget is spent.
   */
  boolean spend(int bytes) {
    if (contextBudget < bytes) {
      contextBudgetExhausted = true;
      return false;
    }
    contextBudget -= Math.max(0, bytes);
    return true;
  }

  /** Drops the first {@code keep} bytes of the window; they were scanned. */
  void shift(int keep) {
    lineAtBufStart = lineAt(keep); // counts on from the cursor: each newline is counted once
    System.arraycopy(buf, keep, buf, 0, len - keep);
    base += keep;
    len -= keep;
    cursorPos = 0;
    cursorLine = lineAtBufStart;
  }

  private int count(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** 1-based line of the byte at {@code p} of the window. */
  int lineAt(int p) {
    if (p >= cursorPos) {
      cursorLine += count(cursorPos, p);
    } else {
      cursorLine -= count(p, cursorPos);
    }
    cursorPos = p;
    return cursorLine;
  }

  /** Start of the line holding {@code p} (looking back at most {@link #MAX_LINE} bytes). */
  int lineStart(int p) {
    return lineStart(p, MAX_LINE);
  }

  /** Start of the line holding {@code p}, looking back at most {@code max} bytes. */
  int lineStart(int p, int max) {
    int floor = Math.max(0, p - max);
    int i = p;
    while (i > floor && buf[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** End (exclusive, before {@code \r\n}) of the line holding {@code p}, within the window. */
  int lineEnd(int p) {
    return lineEnd(p, MAX_LINE);
  }

  /** End of the line holding {@code p}, looking ahead at most {@code max} bytes. */
  int lineEnd(int p, int max) {
    int cap = Math.min(len, p + max);
    int i = p;
    while (i < cap && buf[i] != '\n') {
      i++;
    }
    if (i > p && buf[i - 1] == '\r') {
      i--;
    }
    return i;
  }

  /** Start of the line {@code lines} lines above the one holding {@code p}, bounded by bytes. */
  int linesBefore(int p, int lines, int maxBytes) {
    int floor = Math.max(0, p - maxBytes);
    int i = lineStart(p, p - floor);
    for (int n = 0; n < lines && i > floor; n++) {
      i = lineStart(i - 1, i - 1 - floor);
    }
    return Math.max(i, floor);
  }

  /** End of the line {@code lines} lines below the one holding {@code p}, bounded by bytes. */
  int linesAfter(int p, int lines, int maxBytes) {
    int cap = Math.min(len, p + maxBytes);
    int i = lineEnd(p, cap - p);
    for (int n = 0; n < lines && i < cap; n++) {
      int next = i;
      while (next < cap && buf[next] != '\n') {
        next++;
      }
      i = next < cap ? lineEnd(next + 1, cap - next - 1) : cap;
    }
    return Math.min(i, cap);
  }

  int at(int p) {
    return p >= 0 && p < len ? buf[p] & 0xff : -1;
  }

  String string(int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
  }

  CharSequence text(int from, int to) {
    return new ByteText(buf, from, to);
  }

  /**
   * True when {@code [from, to)} sits inside a long run of base64 characters: an embedded image or
   * other data blob, where any token shape occurs by chance.
   */
  boolean inBase64Blob(int from, int to) {
    int run = to - from;
    for (int i = from - 1; i >= 0 && run < 400 && (Bytes.isBase64(buf[i]) || buf[i] == '='); i--) {
      run++;
    }
    for (int i = to; i < len && run < 400 && Bytes.isBase64(buf[i]); i++) {
      run++;
    }
    return run >= 400;
  }

  Report report(SecretKind kind) {
    return new Report(kind);
  }

  /** One secret about to be reported; {@link #emit()} turns it into a candidate finding. */
  final class Report {
    private final SecretKind kind;
    private int valueFrom = -1;
    private int valueTo;
    private @Nullable String canonical;
    private int spanFrom = -1;
    private int spanTo;
    private int claimFrom = -1;
    private int claimTo;
    private int alsoFrom;
    private int alsoTo;
    private Severity severity;
    private String description;
    private String note = "";
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Report(SecretKind kind) {
      this.kind = kind;
      this.severity = kind.severity();
      this.description = kind.label();
    }

    /** The secret's bytes in the window. */
    Report value(int from, int to) {
      valueFrom = from;
      valueTo = to;
      return this;
    }

    /** The value to hash when it differs from the bytes (a PEM body without line breaks). */
    Report canonical(String value) {
      canonical = value;
      return this;
    }

    /** The bytes the location covers; the value by default. */
    Report span(int from, int to) {
      spanFrom = from;
      spanTo = to;
      return this;
    }

    /** The bytes no weaker candidate may also report; the value by default. */
    Report claim(int from, int to) {
      claimFrom = from;
      claimTo = to;
      return this;
    }

    /** A second range claimed, such as the key id of a key pair. */
    Report alsoClaim(int from, int to) {
      alsoFrom = from;
      alsoTo = to;
      return this;
    }

    Report severity(Severity s) {
      severity = s;
      return this;
    }

    /** Replaces the kind's label at the start of the message. */
    Report describe(String text) {
      description = text;
      return this;
    }

    /** Appended to the message after the hash. */
    Report note(String text) {
      note = text;
      return this;
    }

    Report property(String name, String value) {
      properties.put(name, value);
      return this;
    }

    void emit() {
      if (!settings.enabled(kind)) {
        return;
      }
      if (candidates.size() >= MAX_CANDIDATES) {
        truncatedCandidates = true;
        return;
      }
      String value = canonical != null ? canonical : string(valueFrom, valueTo);
      if (Allowances.isDocumentedExample(value)) {
        return;
      }
      if (spanFrom < 0) {
        spanFrom = valueFrom;
        spanTo = valueTo;
      }
      if (claimFrom < 0) {
        claimFrom = valueFrom;
        claimTo = valueTo;
      }
      String preview = Redaction.preview(value);
      String hash = Redaction.hashLatin1(value);
      int line = lineAt(spanFrom);
      int endLine = lineAt(Math.max(spanFrom, spanTo - 1));
      int column = spanFrom - lineStart(spanFrom) + 1;
      StringBuilder message = new StringBuilder(description);
      message.append(preview.isEmpty() ? ", value (" : ", value '" + preview + "…' (");
      message.append("sha256:").append(hash).append(')');
      if (!note.isEmpty()) {
        message.append("; ").append(note);
      }
      Finding.Builder b =
          Finding.builder(settings.rule(kind.ruleId()))
              .severity(severity)
              .message(message.toString())
              .resource(resource)
              .location(new SourceLocation(ctx.display(), line, endLine, column))
              .key(hash)
              .property("kind", kind.id())
              .property("preview", preview)
              .property("sha256", hash);
      properties.forEach(b::property);
      Finding finding = b.build();
      Suppression s = InlineIgnores.find(Scan.this, spanFrom, kind.ruleId(), ctx.display(), line);
      if (s != null) {
        finding = finding.withSuppression(s);
      }
      candidates.add(new Candidate(kind, base + claimFrom, base + claimTo,
          alsoTo > alsoFrom ? base + alsoFrom : 0, alsoTo > alsoFrom ? base + alsoTo : 0,
          Candidate.priority(kind), finding));
    }
  }
}
