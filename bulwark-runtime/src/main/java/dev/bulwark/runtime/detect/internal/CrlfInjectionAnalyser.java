package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Input;

/**
 * CRLF and header injection: a line break in a header value (raw, or from {@code %0d%0a} the
 * extra decoding layer reveals), and in other values a line break followed by a header the
 * application might write ({@code Set-Cookie:}, {@code Location:}, a status line, mail headers such
 * as {@code Bcc:}) or by an empty line and markup (response splitting). Also the UTF-8 characters
 * some servers truncate to CR and LF ({@code 嘍嘊}). Multi-line text that merely contains such a
 * word, and multipart bodies, are not reported.
 */
public final class CrlfInjectionAnalyser extends Analyser {

  private static final int MAX_FIRST_LINE = 2048;

  private static final WordTable HEADERS =
      WordTable.set(
          "set-cookie", "location", "content-type", "content-length", "content-disposition",
          "access-control-allow-origin", "access-control-allow-credentials", "refresh",
          "x-xss-protection", "cache-control", "transfer-encoding", "connection", "link",
          "content-security-policy", "x-frame-options", "strict-transport-security", "host",
          "x-forwarded-for", "x-forwarded-host", "authorization", "cookie", "bcc", "cc", "to",
          "from", "reply-to", "subject", "x-original-url", "x-rewrite-url", "vary", "etag",
          "last-modified", "expires", "pragma", "content-encoding", "upgrade");

  @Override
  public int triggers() {
    return Subject.CRLF | Subject.NON_ASCII;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.CRLF_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    boolean header = subject.kind() == Input.Kind.HEADER;
    for (int v = 0; v < subject.count(); v++) {
      String s = subject.text(v);
      int f = subject.features(v);
      boolean breaks = (f & Subject.CRLF) != 0;
      boolean unicodeBreaks = (f & Subject.NON_ASCII) != 0
          && (s.indexOf('\u560a') >= 0 || s.indexOf('\u560d') >= 0);
      if (!breaks && !unicodeBreaks) {
        continue;
      }
      String l = unicodeBreaks ? subject.lower(v).replace('\u560a', '\n').replace('\u560d', '\r')
          : subject.lower(v);
      int nl = firstBreak(l);
      if (nl < 0) {
        continue;
      }
      if (header) {
        out.report(AttackClass.CRLF_INJECTION, "crlf.header-value", v == 0 ? 0.9 : 0.85, v,
            Math.max(0, nl - 8), Math.min(l.length(), nl + 32));
        return;
      }
      if (nl > MAX_FIRST_LINE || l.startsWith("--")) {
        continue; // a document or a multipart body, not a header-bound value
      }
      int i = nl;
      while (i < l.length() && (l.charAt(i) == '\r' || l.charAt(i) == '\n')) {
        i++;
      }
      int breaksRun = i - nl;
      int nameEnd = i;
      while (nameEnd < l.length() && (Ascii.isAlnum(l.charAt(nameEnd)) || l.charAt(nameEnd) == '-')
          && nameEnd - i < 64) {
        nameEnd++;
      }
      int colon = nameEnd;
      while (colon < l.length() && l.charAt(colon) == ' ') {
        colon++;
      }
      boolean headerLine = colon < l.length() && l.charAt(colon) == ':'
          && HEADERS.contains(l, i, nameEnd);
      boolean statusLine = l.startsWith("http/1.", i);
      boolean splitBody = breaksRun >= 2 && i < l.length() && l.charAt(i) == '<';
      if (headerLine || statusLine || splitBody) {
        out.report(AttackClass.CRLF_INJECTION, "crlf.header-injection", 0.85, v,
            Math.max(0, nl - 8), Math.min(l.length(), nameEnd + 24));
        return;
      }
    }
  }

  private static int firstBreak(String l) {
    int r = l.indexOf('\r');
    int n = l.indexOf('\n');
    if (r < 0) {
      return n;
    }
    if (n < 0) {
      return r;
    }
    return Math.min(r, n);
  }
}
