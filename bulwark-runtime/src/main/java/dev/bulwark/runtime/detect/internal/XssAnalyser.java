package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * Cross-site scripting. One pass of an HTML tokenizer as tolerant as browsers are (tags without
 * spaces between attributes, {@code /} as a separator, unquoted and backtick-quoted values,
 * control characters, unclosed tags) reports what executes script: {@code <script>}, event-handler
 * attributes, attribute values with a script or HTML {@code data:} URL after character references
 * and blanks are removed, CSS expressions and bindings, {@code srcdoc} and markup nested in
 * attribute values, and the tags that load active content ({@code iframe}, {@code object}, {@code
 * base}, {@code meta refresh}, …). Plain markup ({@code <a href="/x">}, {@code <img src=x>}, {@code
 * I <3 you}) is not reported.
 *
 * <p>Three checks need no tag: an injected attribute after a closing quote ({@code "
 * onmouseover="alert(1)}), a break out of a script string into a call ({@code ';alert(1)//}), and a
 * value that is itself a script URL ({@code javascript:alert(1)}).
 *
 * <p>Linear: the tokenizer consumes each character once; attribute values are rescanned once for
 * nested markup, at most {@link #MAX_NESTING} levels deep.
 */
public final class XssAnalyser extends Analyser {

  private static final int MAX_NESTING = 2;
  private static final int MAX_NAME = 64;

  private static final int TAG_SCRIPT = 1;
  private static final int TAG_FRAME = 2;
  private static final int TAG_BASE = 3;
  private static final int TAG_META = 4;
  private static final int TAG_STYLE = 5;
  private static final int TAG_LINK = 6;
  private static final int TAG_XML = 7;
  private static final int TAG_LEGACY = 8;

  private static final WordTable TAGS =
      WordTable.of(
          java.util.Map.ofEntries(
              java.util.Map.entry("script", TAG_SCRIPT),
              java.util.Map.entry("iframe", TAG_FRAME),
              java.util.Map.entry("frame", TAG_FRAME),
              java.util.Map.entry("object", TAG_FRAME),
              java.util.Map.entry("embed", TAG_FRAME),
              java.util.Map.entry("applet", TAG_FRAME),
              java.util.Map.entry("portal", TAG_FRAME),
              java.util.Map.entry("base", TAG_BASE),
              java.util.Map.entry("meta", TAG_META),
              java.util.Map.entry("style", TAG_STYLE),
              java.util.Map.entry("link", TAG_LINK),
              java.util.Map.entry("xml", TAG_XML),
              java.util.Map.entry("?import", TAG_XML),
              java.util.Map.entry("?xml-stylesheet", TAG_XML),
              java.util.Map.entry("?xml:namespace", TAG_XML),
              java.util.Map.entry("import", TAG_XML),
              java.util.Map.entry("layer", TAG_LEGACY),
              java.util.Map.entry("ilayer", TAG_LEGACY),
              java.util.Map.entry("isindex", TAG_LEGACY),
              java.util.Map.entry("bgsound", TAG_LEGACY)));

  /** JavaScript functions whose call after a broken-out string is the classic proof of XSS. */
  private static final WordTable SINKS =
      WordTable.set(
          "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "function", "fetch",
          "import", "execscript", "msgbox", "write", "writeln", "open", "atob",
          "fromcharcode", "constructor");

  /** Event handlers common enough that "name=code" alone, without a quote, is an injection. */
  private static final WordTable COMMON_HANDLERS =
      WordTable.set(
          "onerror", "onload", "onclick", "ondblclick", "onmouseover", "onmouseout",
          "onmousemove", "onmousedown", "onmouseup", "onmouseenter", "onmouseleave", "onfocus",
          "onblur", "onfocusin", "onfocusout", "onkeydown", "onkeyup", "onkeypress", "onchange",
          "onsubmit", "oninput", "onscroll", "onresize", "onunload", "onbeforeunload",
          "onhashchange", "onmessage", "onpageshow", "onpagehide", "onpopstate", "onstart",
          "onfinish", "onbegin", "onend", "onwheel", "ondrag", "ondragstart", "ondrop",
          "oncopy", "oncut", "onpaste", "onsearch", "onselect", "onshow", "ontoggle",
          "oncontextmenu", "onauxclick", "onplay", "onplaying", "oncanplay", "onloadstart",
          "onprogress", "ontimeupdate", "onreadystatechange", "ontransitionend",
          "onanimationstart", "onanimationend", "onanimationiteration", "onpointerover",
          "onpointerdown", "onpointerup", "onpointerenter", "onbeforeprint", "onafterprint",
          "onloadend", "onfilterchange", "onactivate", "onbeforeactivate", "onpropertychange");

  @Override
  public int triggers() {
    return Subject.LT | Subject.EQUALS | Subject.COLON | Subject.LBRACE | Subject.LPAREN
        | Subject.BACKTICK | Subject.NON_ASCII;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.XSS;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      int f = subject.features(v);
      if ((f & (Subject.LT | Subject.EQUALS | Subject.COLON | Subject.LBRACE | Subject.LPAREN
              | Subject.BACKTICK)) == 0) {
        continue;
      }
      String text = subject.text(v);
      boolean markup = subject.hasPair(v, Subject.P_TAG);
      boolean handlers = (f & Subject.EQUALS) != 0 && mentionsHandlerOrStyle(text);
      boolean breakout = (f & (Subject.SQUOTE | Subject.DQUOTE | Subject.BACKTICK | Subject.LT)) != 0
          && (f & (Subject.LPAREN | Subject.BACKTICK)) != 0;
      boolean url = (f & Subject.COLON) != 0 && startsLikeScriptUrl(text);
      boolean template = subject.hasPair(v, Subject.P_TEMPLATE);
      boolean seven = (f & Subject.NON_ASCII) != 0 && text.indexOf('\u00bc') >= 0;
      if (!markup && !handlers && !breakout && !url && !template && !seven) {
        continue;
      }
      String lower = subject.lower(v);
      Scan scan = new Scan(text, lower, v, out);
      if (markup) {
        scan.markup(0, text.length(), 0);
      }
      if (seven) {
        // a 7-bit charset strips the high bit: ¼script¾ is <script>
        String stripped = text.replace('\u00bc', '<').replace('\u00be', '>');
        new Scan(stripped, Ascii.lower(stripped), v, out).markup(0, stripped.length(), 0);
      }
      if (handlers) {
        scan.attributeBreakout();
      }
      if (breakout) {
        scan.scriptBreakout();
      }
      if (url) {
        scan.scriptUrlValue();
      }
      if (template) {
        scan.clientTemplate();
      }
    }
  }

  /** The state of one scan over one text variant. */
  private static final class Scan {
    private final String text;
    private final String lower;
    private final int variant;
    private final Findings out;

    Scan(String text, String lower, int variant, Findings out) {
      this.text = text;
      this.lower = lower;
      this.variant = variant;
      this.out = out;
    }

    private void report(String rule, double conf, int from, int to) {
      out.report(AttackClass.XSS, rule, conf, variant, from, to);
    }

    // ------------------------------------------------------------ markup

    /** Tokenizes {@code s[from, to)} as HTML; {@code s} is {@link #text} at depth 0. */
    void markup(int from, int to, int depth) {
      markupIn(text, lower, from, to, depth, from);
    }

    private void markupIn(String s, String l, int from, int to, int depth, int reportAt) {
      int i = from;
      while (i < to) {
        int lt = s.indexOf('<', i);
        if (lt < 0 || lt >= to) {
          return;
        }
        i = tag(s, l, lt, to, depth, reportAt);
      }
    }

    /** Parses the tag at {@code lt}; returns where scanning continues. */
    private int tag(String s, String l, int lt, int to, int depth, int reportAt) {
      int j = lt + 1;
      // browsers of old skipped NULs here: <%00script>
      while (j < to && s.charAt(j) == 0) {
        j++;
      }
      if (j >= to) {
        return to;
      }
      char c = s.charAt(j);
      boolean pi = false;
      if (c == '!') {
        // comments and declarations: keep scanning inside them (conditional comments run)
        return j + 1;
      }
      if (c == '/') {
        // a closing tag carries nothing, unless a lenient parser takes attributes on it:
        // </a onmousemove="alert(1)">
        int k = j + 1;
        while (k < to && isTagNameChar(s.charAt(k))) {
          k++;
        }
        if (k >= to || !(Ascii.isSpaceOrControl(s.charAt(k)) || s.charAt(k) == '/')) {
          return j + 1;
        }
        Tag t = new Tag(s, l, lt, j + 1, k, 0, depth, reportAt);
        int end = attributes(t, k, to);
        t.end = end;
        if (t.handler || t.css) {
          report(t.handler ? "xss.event-handler" : "xss.css-expression", 0.85,
              depth == 0 ? lt : reportAt, depth == 0 ? Math.min(end, lt + 64) : reportAt + 1);
        }
        return end;
      }
      if (c == '?') {
        pi = true;
        j++;
        if (j >= to) {
          return to;
        }
        c = s.charAt(j);
      }
      if (!Ascii.isLetter(c)) {
        return j;
      }
      int nameStart = pi ? j - 1 : j;
      int k = j;
      boolean nul = false;
      int colon = -1;
      while (k < to && k - j < MAX_NAME && (isTagNameChar(s.charAt(k)) || s.charAt(k) == 0)) {
        nul |= s.charAt(k) == 0;
        if (s.charAt(k) == ':' && !pi) {
          colon = k;
        }
        k++;
      }
      int nameEnd = k;
      int kind;
      if (nul) {
        // <scr%00ipt>: old parsers dropped the NUL
        kind = TAGS.get(l.substring(nameStart, nameEnd).replace("\0", ""), 0,
            l.substring(nameStart, nameEnd).replace("\0", "").length());
      } else if (colon > 0 && colon + 1 < nameEnd) {
        // <x:script xmlns:x="http://www.w3.org/1999/xhtml">: the local name decides; an XSLT
        // stylesheet in a value is active content too
        kind = Ascii.startsWithIgnoreCase(l, nameStart, "xsl:") ? TAG_XML
            : TAGS.get(l, colon + 1, nameEnd);
      } else {
        kind = TAGS.get(l, nameStart, nameEnd);
      }
      Tag t = new Tag(s, l, lt, nameStart, nameEnd, kind, depth, reportAt);
      int end = attributes(t, k, to);
      t.end = end;
      t.closed = end <= to && end > lt && s.charAt(end - 1) == '>';
      evaluate(t);
      if (kind == TAG_STYLE || kind == TAG_SCRIPT) {
        styleOrScriptBody(t, end, to);
      }
      return end;
    }

    /** Parses attributes from {@code i}; returns the index after the closing '>' (or {@code to}). */
    private int attributes(Tag t, int i, int to) {
      String s = t.s;
      while (i < to) {
        char c = s.charAt(i);
        if (c == '>') {
          return i + 1;
        }
        if (Ascii.isSpaceOrControl(c) || c == '/') {
          i++;
          continue;
        }
        if (c == '<' && i + 1 < to && Ascii.isLetter(s.charAt(i + 1))) {
          // a new tag where an attribute should be: resume the scan there
          return i;
        }
        // attribute name: up to blank, '/', '>' or '='; a leading '=' belongs to it
        int ns = i;
        i++;
        while (i < to) {
          char d = s.charAt(i);
          if (Ascii.isSpaceOrControl(d) || d == '/' || d == '>' || d == '=') {
            break;
          }
          i++;
        }
        int ne = i;
        int j = i;
        while (j < to && Ascii.isSpaceOrControl(s.charAt(j))) {
          j++;
        }
        if (j < to && s.charAt(j) == '=') {
          j++;
          while (j < to && Ascii.isSpaceOrControl(s.charAt(j))) {
            j++;
          }
          int vs;
          int ve;
          if (j < to && (s.charAt(j) == '"' || s.charAt(j) == '\'' || s.charAt(j) == '`')) {
            char q = s.charAt(j);
            vs = j + 1;
            int close = s.indexOf(q, vs);
            if (close < 0 || close >= to) {
              ve = to;
              i = to;
            } else {
              ve = close;
              i = close + 1;
            }
          } else {
            vs = j;
            int e = j;
            while (e < to && !Ascii.isSpaceOrControl(s.charAt(e)) && s.charAt(e) != '>') {
              e++;
            }
            ve = e;
            i = e;
          }
          attribute(t, ns, ne, vs, ve, true);
        } else {
          attribute(t, ns, ne, j, j, false);
          i = Math.max(i, ns + 1);
        }
      }
      return to;
    }

    private static boolean isTagNameChar(char c) {
      return Ascii.isAlnum(c) || c == '-' || c == ':' || c == '_' || c == '.';
    }

    /** One attribute of {@code t}: name {@code [ns, ne)}, value {@code [vs, ve)}. */
    private void attribute(Tag t, int ns, int ne, int vs, int ve, boolean hasValue) {
      String l = t.l;
      if (isEventHandler(l, ns, ne) && hasValue && ve > vs) {
        t.handler = true;
        t.handlerAt = ns;
      }
      if (!hasValue) {
        return;
      }
      if (Ascii.regionEquals(l, ns, ne, "src") || Ascii.regionEquals(l, ns, ne, "data")
          || Ascii.regionEquals(l, ns, ne, "code") || Ascii.regionEquals(l, ns, ne, "href")
          || Ascii.regionEquals(l, ns, ne, "srcdoc")) {
        t.source = true;
      }
      if (Ascii.regionEquals(l, ns, ne, "http-equiv")) {
        t.httpEquiv = true;
      }
      if (ve <= vs) {
        return;
      }
      String value = t.s.substring(vs, ve);
      String decoded = decodeEntities(value);
      String compact = compactLower(decoded);
      if (Ascii.regionEquals(l, ns, ne, "dataformatas") && compact.startsWith("html")) {
        // IE data binding renders the bound field as HTML
        t.url(0.8);
      }
      if (Ascii.regionEquals(l, ns, ne, "attributename")
          && (handlerNameEnd(compact, 0, compact.length()) == compact.length()
              || compact.endsWith("href"))) {
        // <set attributeName="onmouseover" to="alert(1)">: SVG animation writes a handler or URL
        t.url(0.85);
      }
      if (Ascii.regionEquals(l, ns, ne, "ev:event") || Ascii.regionEquals(l, ns, ne, "ev:handler")) {
        // XML Events bind script to an event
        t.url(0.8);
      }
      if (Ascii.regionEquals(l, ns, ne, "charset") && compact.contains("utf-7")
          || compact.contains("utf7")) {
        t.url(0.75);
      }
      if (Ascii.regionEquals(l, ns, ne, "style") && decoded.indexOf('\\') >= 0
          && t.depth < MAX_NESTING) {
        // CSS escapes that spell markup: font-family:'\22\3e\3cimg\20src\3dx…'
        String css = cssUnescape(decoded);
        if (css.indexOf('<') >= 0) {
          markupIn(css, Ascii.lower(css), 0, css.length(), t.depth + 1,
              t.reportAt == 0 ? vs : t.reportAt);
        }
      }
      double scheme = scriptScheme(compact);
      if (scheme > 0) {
        t.url(scheme);
      } else if (compact.startsWith("data:") && compact.contains(";base64,")
          && base64Markup(compact.substring(compact.indexOf(";base64,") + 8))) {
        // data:application/x-anything;base64,PHNjcmlwdD4…: sniffed as HTML by some browsers
        t.url(0.85);
      }
      if (compact.contains("w3.org/2001/xml-events")) {
        // XML Events bind script to an event
        t.url(0.8);
      }
      if (Ascii.regionEquals(l, ns, ne, "style") || compact.startsWith("data:")) {
        if (dangerousCss(compact)) {
          t.css = true;
        }
      }
      if (value.contains("&{")) {
        // Netscape JavaScript entities: <br size="&{alert(1)}">
        t.url(0.8);
      }
      if (Ascii.regionEquals(l, ns, ne, "srcdoc") && decoded.indexOf('<') >= 0) {
        t.srcdoc = true;
      }
      if (t.depth < MAX_NESTING && decoded.indexOf('<') >= 0) {
        // markup inside an attribute value, as SVG animations write it into the page:
        // to="&lt;img/src=x onerror=alert(1)&gt;"
        String dl = Ascii.lower(decoded);
        markupIn(decoded, dl, 0, decoded.length(), t.depth + 1, t.reportAt == 0 ? vs : t.reportAt);
      }
    }

    private void evaluate(Tag t) {
      int at = t.depth == 0 ? t.lt : t.reportAt;
      int stop = t.depth == 0 ? Math.min(t.end, t.lt + 64) : at + 1;
      if (t.handler) {
        report("xss.event-handler", 0.95, at, t.depth == 0 ? Math.max(stop, t.handlerAt) : stop);
      }
      if (t.urlConfidence == 0 && t.end - t.nameEnd > 10) {
        // an encoded script URL that blanks split into several attributes:
        // <img src=&#106;&#97;… &#114;&#105;…>
        String body = compactLower(decodeEntities(
            t.s.substring(t.nameEnd, Math.min(t.end, t.nameEnd + 2048))));
        int js = body.indexOf("javascript:");
        if (js >= 0 && jsLike(body, js + 11, body.length())) {
          t.url(0.85);
        }
      }
      if (t.urlConfidence > 0) {
        report("xss.script-url", t.urlConfidence, at, stop);
      }
      if (t.css) {
        report("xss.css-expression", 0.9, at, stop);
      }
      if (t.srcdoc) {
        report("xss.srcdoc", 0.9, at, stop);
      }
      switch (t.kind) {
        case TAG_SCRIPT -> report("xss.script-tag", t.closed ? 0.95 : 0.85, at, stop);
        case TAG_FRAME -> report("xss.dangerous-tag", t.source ? 0.85 : 0.75, at, stop);
        case TAG_BASE -> {
          if (t.source) {
            report("xss.dangerous-tag", 0.85, at, stop);
          }
        }
        case TAG_META -> {
          if (t.httpEquiv) {
            report("xss.dangerous-tag", 0.85, at, stop);
          }
        }
        case TAG_STYLE -> report("xss.style-tag", 0.75, at, stop);
        case TAG_LINK -> {
          if (t.source) {
            report("xss.dangerous-tag", 0.75, at, stop);
          }
        }
        case TAG_XML, TAG_LEGACY -> report("xss.dangerous-tag", 0.8, at, stop);
        default -> { }
      }
      if (!t.handler && t.depth == 0) {
        tolerantHandler(t);
      }
    }

    /**
     * A handler that a lenient parser would find where HTML5 would not ({@code
     * <img src=x/onerror=alert(1)>}): "on…=" right after a separator anywhere in the tag.
     */
    private void tolerantHandler(Tag t) {
      String l = t.l;
      int from = t.nameEnd;
      int to = Math.min(t.end, l.length());
      int i = Ascii.indexOf(l, "on", from, to);
      while (i >= 0) {
        char before = l.charAt(i - 1);
        if (Ascii.isSpaceOrControl(before) || before == '/' || before == '"' || before == '\''
            || before == '`' || before == ';') {
          int e = handlerNameEnd(l, i, to);
          if (e > 0) {
            int j = e;
            while (j < to && Ascii.isSpaceOrControl(l.charAt(j))) {
              j++;
            }
            if (j < to && l.charAt(j) == '=' && jsLike(l, j + 1, to)) {
              report("xss.event-handler", 0.85, t.lt, Math.min(t.end, t.lt + 64));
              return;
            }
          }
        }
        i = Ascii.indexOf(l, "on", i + 2, to);
      }
    }

    /** The content of {@code <style>} or {@code <script>} up to its closing tag. */
    private void styleOrScriptBody(Tag t, int from, int to) {
      if (t.kind != TAG_STYLE || from >= to) {
        return;
      }
      // the body ends at the next tag (its closing tag, normally): a '<' inside CSS is rare
      int window = Math.min(to, from + 16384);
      int close = Ascii.indexOf(t.l, "<", from, window);
      int end = close < 0 ? window : close;
      String body = compactLower(decodeEntities(t.s.substring(from, end)));
      if (dangerousCss(body) || body.contains("@import")) {
        report("xss.css-expression", 0.9, t.depth == 0 ? t.lt : t.reportAt, Math.min(end, t.lt + 64));
      }
    }

    // ------------------------------------------------------------ no-tag checks

    /**
     * {@code " onmouseover="alert(1)}: a handler attribute right after a closing quote; or, for
     * the common handlers, after a blank that ends an unquoted attribute value ({@code x
     * onerror=alert(1)>}).
     */
    void attributeBreakout() {
      String l = lower;
      int n = l.length();
      int i = l.indexOf("on");
      while (i >= 0) {
        int e = handlerNameEnd(l, i, n);
        if (e > 0) {
          boolean quoted = i > 0 && followsQuote(l, i);
          boolean unquoted = !quoted && (i == 0 || Ascii.isSpaceOrControl(l.charAt(i - 1)))
              && COMMON_HANDLERS.contains(l, i, e);
          if (quoted || unquoted) {
            int j = e;
            while (j < n && Ascii.isSpaceOrControl(l.charAt(j))) {
              j++;
            }
            if (j < n && l.charAt(j) == '=' && jsLike(l, j + 1, n)) {
              report("xss.attribute-injection", quoted ? 0.9 : 0.85,
                  quoted ? previousQuote(l, i) : i, j + 1);
              return;
            }
          }
        }
        i = l.indexOf("on", i + 2);
      }
      int st = l.indexOf("style");
      while (st > 0) {
        if (followsQuote(l, st)) {
          int j = st + 5;
          while (j < n && Ascii.isSpaceOrControl(l.charAt(j))) {
            j++;
          }
          if (j < n && l.charAt(j) == '='
              && dangerousCss(compactLower(decodeEntities(text.substring(j + 1,
                  Math.min(n, j + 1 + 512)))))) {
            report("xss.attribute-injection", 0.85, previousQuote(l, st), j + 1);
            return;
          }
        }
        st = l.indexOf("style", st + 5);
      }
    }

    /** Whether a quote precedes {@code at} with only blanks and '/' in between. */
    private static boolean followsQuote(String l, int at) {
      int k = at - 1;
      while (k >= 0 && at - k < 32) {
        char c = l.charAt(k);
        if (c == '"' || c == '\'' || c == '`') {
          return true;
        }
        if (!(Ascii.isSpaceOrControl(c) || c == '/')) {
          return false;
        }
        k--;
      }
      return false;
    }

    private static int previousQuote(String l, int at) {
      int k = at - 1;
      while (k > 0 && l.charAt(k) != '"' && l.charAt(k) != '\'' && l.charAt(k) != '`') {
        k--;
      }
      return Math.max(0, k);
    }

    /**
     * {@code ';alert(1)//}, {@code "-alert(1)-"}, {@code </script><svg…}: a sink called right after
     * a quote that closed a script string, with only operators in between.
     */
    void scriptBreakout() {
      String l = lower;
      int n = l.length();
      int nextParen = l.indexOf('(');
      int nextTick = l.indexOf('`');
      while (nextParen >= 0 || nextTick >= 0) {
        int p;
        if (nextTick < 0 || nextParen >= 0 && nextParen < nextTick) {
          p = nextParen;
          nextParen = l.indexOf('(', p + 1);
        } else {
          p = nextTick;
          nextTick = l.indexOf('`', p + 1);
        }
        // the callee name before p (blanks allowed), last component of a dotted name
        int e = p;
        while (e > 0 && l.charAt(e - 1) == ' ') {
          e--;
        }
        int b = e;
        while (b > 0 && b > e - 32 && isJsIdentifierChar(l.charAt(b - 1))) {
          b--;
        }
        if (b == e || !SINKS.contains(l, b, e)) {
          continue;
        }
        int nameStart = b;
        // dotted prefix: window.alert, document.write, String.fromCharCode
        while (nameStart > 0 && (isJsIdentifierChar(l.charAt(nameStart - 1))
            || l.charAt(nameStart - 1) == '.')) {
          nameStart--;
          if (b - nameStart > 48) {
            break;
          }
        }
        if (breakoutBefore(l, nameStart)) {
          report("xss.script-breakout", 0.85, Math.max(0, nameStart - 4), p + 1);
          return;
        }
      }
    }

    /** Walks back from {@code at} over JS operators and blanks to a quote; needs an operator. */
    private static boolean breakoutBefore(String l, int at) {
      int k = at - 1;
      boolean operator = false;
      while (k >= 0 && at - k <= 16) {
        char c = l.charAt(k);
        if (c == '"' || c == '\'' || c == '`') {
          return operator;
        }
        if (c == '>' && k >= 8 && l.startsWith("</script", k - 8)) {
          return true;
        }
        if (";+-*/|&,^=!~?:(){}[]".indexOf(c) >= 0) {
          operator = true;
        } else if (c == '\\') {
          // an escaped quote the application un-escapes: \";alert(1)
        } else if (!Ascii.isSpaceOrControl(c)) {
          return false;
        }
        k--;
      }
      return false;
    }

    private static boolean isJsIdentifierChar(char c) {
      return Ascii.isAlnum(c) || c == '_' || c == '$';
    }

    /** A value that is a script URL: {@code javascript:alert(1)}, {@code data:text/html,…}. */
    void scriptUrlValue() {
      String l = lower;
      int n = l.length();
      int i = 0;
      while (i < n && (Ascii.isSpaceOrControl(l.charAt(i)) || l.charAt(i) == '"'
          || l.charAt(i) == '\'')) {
        i++;
      }
      if (i >= n || "jvlmd&%\\".indexOf(l.charAt(i)) < 0 || l.indexOf(':', i) < 0) {
        return; // only javascript:, vbscript:, livescript:, mocha:, data: or an encoded form
      }
      String compact = compactLower(decodeEntities(text.substring(i, Math.min(n, i + 256))));
      double c = scriptScheme(compact);
      if (c >= 0.9 && jsLike(compact, compact.indexOf(':') + 1, compact.length())) {
        report("xss.script-url", c >= 0.95 ? 0.9 : 0.85, i, n);
      }
    }

    /** AngularJS-style expressions that escape the sandbox: {@code {{constructor.constructor(…)()}}}. */
    void clientTemplate() {
      String l = lower;
      int i = l.indexOf("{{");
      while (i >= 0) {
        int close = l.indexOf("}}", i + 2);
        if (close < 0) {
          return;
        }
        String body = l.substring(i + 2, Math.min(close, i + 2 + 512));
        if (body.contains("constructor") || body.contains("$eval") || body.contains("$on")
            || body.contains("alert(") || body.contains("__proto__")
            || body.contains("fromcharcode")) {
          report("xss.template-expression", 0.85, i, close + 2);
          return;
        }
        i = l.indexOf("{{", close + 2);
      }
    }
  }

  // -------------------------------------------------------------- helpers

  /** "on" or "style" in any case: an injected handler or style attribute may be there. */
  static boolean mentionsHandlerOrStyle(String t) {
    for (int i = 0, n = t.length() - 1; i < n; i++) {
      char c = t.charAt(i);
      if ((c == 'o' || c == 'O') && (t.charAt(i + 1) == 'n' || t.charAt(i + 1) == 'N')
          || (c == 't' || c == 'T') && (t.charAt(i + 1) == 'y' || t.charAt(i + 1) == 'Y')) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value starts (after blanks and quotes) like a script or data URL, or encoded. */
  static boolean startsLikeScriptUrl(String t) {
    int i = 0;
    int n = t.length();
    while (i < n && (Ascii.isSpaceOrControl(t.charAt(i)) || t.charAt(i) == '"'
        || t.charAt(i) == '\'')) {
      i++;
    }
    return i < n && "jvlmdJVLMD&%\\".indexOf(t.charAt(i)) >= 0;
  }

  /** {@code on} followed by at least three letters: the end of the name, or -1. */
  static int handlerNameEnd(String l, int i, int to) {
    if (i + 5 > to || l.charAt(i) != 'o' || l.charAt(i + 1) != 'n') {
      return -1;
    }
    int j = i + 2;
    while (j < to && j - i < 40 && l.charAt(j) >= 'a' && l.charAt(j) <= 'z') {
      j++;
    }
    return j - (i + 2) >= 3 ? j : -1;
  }

  /** An attribute name that is an event handler, also with a namespace prefix (x:ontimer). */
  static boolean isEventHandler(String l, int ns, int ne) {
    int colon = l.lastIndexOf(':', ne - 1);
    int from = colon >= ns ? colon + 1 : ns;
    return handlerNameEnd(l, from, ne) > 0;
  }

  /** Whether the value from {@code from} looks like code rather than a word: has ( ` = or :. */
  static boolean jsLike(String l, int from, int to) {
    int i = from;
    while (i < to && (Ascii.isSpaceOrControl(l.charAt(i)) || l.charAt(i) == '"'
        || l.charAt(i) == '\'')) {
      i++;
    }
    int limit = Math.min(to, i + 256);
    for (int k = i; k < limit; k++) {
      char c = l.charAt(k);
      if (c == '(' || c == '`' || c == '=' || c == '[' || c == '.' && k > i) {
        return true;
      }
      if (Ascii.isSpaceOrControl(c) || c == '>') {
        return false;
      }
    }
    return false;
  }

  static String decodeEntities(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    String d = ExtraDecoding.htmlEntities(value);
    return d == null ? value : d;
  }

  /**
   * ASCII lower case without blanks, controls and CSS/JS comment noise: what a browser's URL
   * parser and scheme matching see ({@code java&#x09;script:} becomes {@code javascript:}).
   */
  static String compactLower(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 4096));
    int n = Math.min(s.length(), 4096);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Ascii.isSpaceOrControl(c) || c == 0xfffd) {
        continue;
      }
      if (c == '\\' && i + 1 < n && Ascii.isHex(s.charAt(i + 1))) {
        // CSS escape: \65 xpression
        int v = 0;
        int j = i + 1;
        while (j < n && j - i <= 6 && Ascii.isHex(s.charAt(j))) {
          v = v * 16 + Ascii.hexValue(s.charAt(j));
          j++;
        }
        if (v > 0 && v < 0x10000) {
          b.append(Ascii.lower((char) v));
          i = j - 1;
          continue;
        }
      }
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int close = s.indexOf("*/", i + 2);
        if (close > 0 && close < n) {
          i = close + 1;
          continue;
        }
      }
      b.append(Ascii.lower(c));
    }
    return b.toString();
  }

  /** Whether a base64 payload (of a data: URL) decodes to markup that runs script. */
  static boolean base64Markup(String payload) {
    StringBuilder b = new StringBuilder(Math.min(payload.length(), 4096));
    for (int i = 0; i < payload.length() && b.length() < 4096; i++) {
      char c = payload.charAt(i);
      if (Ascii.isAlnum(c) || c == '+' || c == '/') {
        b.append(c);
      } else if (c != '=') {
        break;
      }
    }
    while (b.length() % 4 != 0) {
      b.setLength(b.length() - 1);
    }
    if (b.length() < 8) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(java.util.Base64.getDecoder().decode(b.toString()),
          java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String d = Ascii.lower(decoded);
    return d.contains("<script") || d.contains("javascript:") || d.contains("onload=")
        || d.contains("onerror=") || d.contains("<svg") && d.contains("on");
  }

  /** CSS backslash escapes decoded ({@code \3c} is '<'), nothing else changed. */
  static String cssUnescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < n && Ascii.isHex(s.charAt(i + 1))) {
        int v = 0;
        int j = i + 1;
        while (j < n && j - i <= 6 && Ascii.isHex(s.charAt(j))) {
          v = v * 16 + Ascii.hexValue(s.charAt(j));
          j++;
        }
        if (j < n && s.charAt(j) == ' ') {
          j++; // the space that ends an escape is part of it
        }
        b.append(v > 0 && v < 0x10000 ? (char) v : '\ufffd');
        i = j - 1;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Confidence that a compacted attribute value runs script, 0 when it does not. */
  static double scriptScheme(String compact) {
    if (compact.startsWith("javascript:") || compact.startsWith("vbscript:")
        || compact.startsWith("livescript:") || compact.startsWith("mocha:")) {
      return 0.95;
    }
    if (compact.startsWith("data:")) {
      int comma = compact.indexOf(',');
      String type = comma < 0 ? compact : compact.substring(0, comma);
      if (type.contains("html") || type.contains("svg") || type.contains("xml")
          || type.contains("script") || type.contains("x-shockwave")) {
        return 0.9;
      }
      return 0;
    }
    if (compact.contains("javascript:") || compact.contains("vbscript:")) {
      return 0.85;
    }
    return 0;
  }

  static boolean dangerousCss(String compact) {
    return compact.contains("expression(") || compact.contains("behavior:")
        || compact.contains("behaviour:") || compact.contains("-moz-binding")
        || compact.contains("javascript:") || compact.contains("vbscript:");
  }

  /** What the scan learned about one tag. */
  private static final class Tag {
    final String s;
    final String l;
    final int lt;
    final int nameEnd;
    final int kind;
    final int depth;
    final int reportAt;
    int end;
    boolean closed;
    boolean handler;
    int handlerAt;
    double urlConfidence;
    boolean css;
    boolean srcdoc;
    boolean source;
    boolean httpEquiv;

    Tag(String s, String l, int lt, int nameStart, int nameEnd, int kind, int depth, int reportAt) {
      this.s = s;
      this.l = l;
      this.lt = lt;
      this.nameEnd = nameEnd;
      this.kind = kind;
      this.depth = depth;
      this.reportAt = reportAt;
    }

    void url(double confidence) {
      urlConfidence = Math.max(urlConfidence, confidence);
    }
  }
}
