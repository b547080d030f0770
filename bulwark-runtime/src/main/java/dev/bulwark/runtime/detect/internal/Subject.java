package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.Input;
import org.jspecify.annotations.Nullable;

/**
 * One input prepared once for every analyser: the text capped to {@link #MAX_ANALYSED_CHARS}, up to
 * two extra decoded variants (one more layer of URL/unicode escapes, then HTML references), an
 * ASCII lower-cased copy of each and a bit set of the characters each contains, so that analysers
 * can skip inputs that cannot hold their attack without scanning them again.
 */
public final class Subject {

  /** Characters of one input that are analysed; the rest of a longer input is not looked at. */
  public static final int MAX_ANALYSED_CHARS = 1 << 20;

  // character features, one bit each
  public static final int LT = 1;
  public static final int GT = 1 << 1;
  public static final int SQUOTE = 1 << 2;
  public static final int DQUOTE = 1 << 3;
  public static final int BACKTICK = 1 << 4;
  public static final int DOLLAR = 1 << 5;
  public static final int LBRACE = 1 << 6;
  public static final int DOT = 1 << 7;
  public static final int CRLF = 1 << 8;
  public static final int SEMICOLON = 1 << 9;
  public static final int PIPE = 1 << 10;
  public static final int AMP = 1 << 11;
  public static final int PERCENT = 1 << 12;
  public static final int BACKSLASH = 1 << 13;
  public static final int COLON = 1 << 14;
  public static final int LPAREN = 1 << 15;
  public static final int CONTROL = 1 << 16;
  public static final int NON_ASCII = 1 << 17;
  public static final int AT = 1 << 18;
  public static final int HASH = 1 << 19;
  public static final int EQUALS = 1 << 20;
  public static final int SLASH = 1 << 21;
  public static final int LETTER = 1 << 22;
  public static final int DIGIT = 1 << 23;
  public static final int SPACE = 1 << 24;
  public static final int MINUS = 1 << 25;
  public static final int STAR = 1 << 26;
  public static final int BANG = 1 << 27;
  public static final int LBRACKET = 1 << 28;
  public static final int UNDERSCORE = 1 << 29;
  public static final int PLUS = 1 << 30;

  /** Set in the internal feature word when the text has upper-case ASCII letters. */
  private static final long UPPER = 1L << 32;

  private static final int[] ASCII_FEATURES = new int[128];
  /** {@link #ASCII_FEATURES} plus {@link #UPPER} for A-Z: what one character adds to a scan. */
  private static final long[] ASCII_SCAN = new long[128];

  static {
    for (char c = 0; c < 128; c++) {
      int f = 0;
      if (c < 0x20 || c == 0x7f) {
        f |= CONTROL;
      }
      if (Ascii.isLetter(c)) {
        f |= LETTER;
      }
      if (Ascii.isDigit(c)) {
        f |= DIGIT;
      }
      switch (c) {
        case '<' -> f |= LT;
        case '>' -> f |= GT;
        case '\'' -> f |= SQUOTE;
        case '"' -> f |= DQUOTE;
        case '`' -> f |= BACKTICK;
        case '$' -> f |= DOLLAR;
        case '{' -> f |= LBRACE;
        case '.' -> f |= DOT;
        case '\r', '\n' -> f |= CRLF | CONTROL;
        case ';' -> f |= SEMICOLON;
        case '|' -> f |= PIPE;
        case '&' -> f |= AMP;
        case '%' -> f |= PERCENT;
        case '\\' -> f |= BACKSLASH;
        case ':' -> f |= COLON;
        case '(' -> f |= LPAREN;
        case '@' -> f |= AT;
        case '#' -> f |= HASH;
        case '=' -> f |= EQUALS;
        case '/' -> f |= SLASH;
        case ' ' -> f |= SPACE;
        case '-' -> f |= MINUS;
        case '*' -> f |= STAR;
        case '!' -> f |= BANG;
        case '[' -> f |= LBRACKET;
        case '_' -> f |= UNDERSCORE;
        case '+' -> f |= PLUS;
        default -> { }
      }
      if (c == '\t') {
        f |= SPACE;
      }
      ASCII_FEATURES[c] = f;
      ASCII_SCAN[c] = f | (c >= 'A' && c <= 'Z' ? UPPER : 0);
    }
  }

  /** Set in the internal feature word when the text has characters above U+00FF. */
  private static final long WIDE = 1L << 33;

  // pairs of characters, in the high word ({@link #pairs}): cheap necessary conditions
  /** {@code ..} */
  public static final long P_DOTDOT = 1L << 34;
  /** {@code :/} (as in {@code ://}) */
  public static final long P_SCHEME = 1L << 35;
  /** {@code $&#123;} */
  public static final long P_DOLLAR_BRACE = 1L << 36;
  /** A template opener: {@code {{ #{ *{ %{ <% {% @( [[ <#}. */
  public static final long P_TEMPLATE = 1L << 37;
  /** {@code ||} or {@code &&} */
  public static final long P_LOGIC = 1L << 38;
  /** {@code $(} */
  public static final long P_DOLLAR_PAREN = 1L << 39;
  /** {@code <} followed by a letter, {@code /}, {@code !}, {@code ?} or NUL: markup. */
  public static final long P_TAG = 1L << 40;
  /** {@code /} or {@code \} followed by e, p, s, v, w or {@code .}; or {@code .i}; or {@code b-}. */
  public static final long P_SENSITIVE = 1L << 41;
  /** {@code $} followed by a letter. */
  public static final long P_DOLLAR_WORD = 1L << 42;
  /** {@code __} */
  public static final long P_UNDERSCORES = 1L << 43;

  /** Characters that start one of the pairs above. */
  private static final int PAIR_STARTS = DOT | COLON | DOLLAR | LBRACE | HASH | STAR | PERCENT | LT
      | AT | LBRACKET | PIPE | AMP | SLASH | BACKSLASH | UNDERSCORE;

  private final Input input;
  private final String[] texts;
  private @Nullable String @Nullable [] lowers;
  /** Per variant: the feature bits in the low word, {@link #UPPER} and {@link #WIDE} above. */
  private final long[] scanned;
  private final int allFeatures;

  private Subject(Input input, String[] texts, long[] scanned) {
    this.input = input;
    this.texts = texts;
    this.scanned = scanned;
    int all = 0;
    for (long f : scanned) {
      all |= (int) f;
    }
    this.allFeatures = all;
  }

  /** Prepares {@code input}: caps it, adds the decoded variants that differ from the original. */
  public static Subject of(Input input) {
    String v = input.value();
    if (v.length() > MAX_ANALYSED_CHARS) {
      v = v.substring(0, MAX_ANALYSED_CHARS);
    }
    long f0 = scan(v);
    // another layer of escapes is only possible where there is an escape character
    String url = (f0 & (PERCENT | BACKSLASH | PLUS)) != 0 ? ExtraDecoding.urlAndUnicode(v) : null;
    long f1 = url == null ? 0 : scan(url);
    String entities = ((url == null ? f0 : f1) & AMP) != 0
        ? ExtraDecoding.htmlEntities(url != null ? url : v) : null;
    if (url == null && entities == null) {
      return new Subject(input, new String[] {v}, new long[] {f0});
    }
    if (entities == null) {
      return new Subject(input, new String[] {v, url}, new long[] {f0, f1});
    }
    long f2 = scan(entities);
    if (url == null) {
      return new Subject(input, new String[] {v, entities}, new long[] {f0, f2});
    }
    return new Subject(input, new String[] {v, url, entities}, new long[] {f0, f1, f2});
  }

  /** The features of {@code s}, plus {@link #UPPER}: one pass over the text. */
  static long scan(String s) {
    long f = 0;
    char prev = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        f |= ASCII_SCAN[c];
        if ((ASCII_FEATURES[prev] & PAIR_STARTS) != 0) {
          f |= pair(prev, c);
        } else if (c == '-' && (prev == 'b' || prev == 'B')) {
          f |= P_SENSITIVE; // web-inf
        }
        prev = c;
      } else {
        prev = 0;
        f |= c == 0xa0 || c == 0x85 ? SPACE | NON_ASCII : NON_ASCII;
        if (c > 0xff) {
          f |= WIDE;
        }
      }
    }
    return f;
  }

  /** The pair bit for {@code a} followed by {@code b} (both ASCII), 0 for most pairs. */
  private static long pair(char a, char b) {
    switch (a) {
      case '.':
        return b == '.' ? P_DOTDOT : (b == 'i' || b == 'I') ? P_SENSITIVE : 0;
      case ':':
        return b == '/' ? P_SCHEME : 0;
      case '$':
        return b == '{' ? P_DOLLAR_BRACE | P_TEMPLATE : b == '(' ? P_DOLLAR_PAREN
            : Ascii.isLetter(b) ? P_DOLLAR_WORD : 0;
      case '{':
        return b == '{' || b == '%' ? P_TEMPLATE : 0;
      case '#':
      case '*':
      case '%':
        return b == '{' ? P_TEMPLATE : 0;
      case '<':
        return b == '%' || b == '#' ? P_TEMPLATE | P_TAG
            : Ascii.isLetter(b) || b == '/' || b == '!' || b == '?' || b == 0 ? P_TAG : 0;
      case '@':
        return b == '(' ? P_TEMPLATE : 0;
      case '[':
        return b == '[' ? P_TEMPLATE : 0;
      case '|':
        return b == '|' ? P_LOGIC : 0;
      case '&':
        return b == '&' ? P_LOGIC : 0;
      case '/':
      case '\\':
        return "epsvwEPSVW.".indexOf(b) >= 0 ? P_SENSITIVE : 0;
      case '_':
        return b == '_' ? P_UNDERSCORES : 0;
      default:
        return 0;
    }
  }

  public static int features(String s) {
    return (int) scan(s);
  }

  /** The pair bits ({@code P_…}) of {@code variant}. */
  public long pairs(int variant) {
    return scanned[variant];
  }

  /** The pair bits of all variants together. */
  public long allPairs() {
    long p = 0;
    for (long f : scanned) {
      p |= f;
    }
    return p;
  }

  /** Whether {@code variant} has any of the pair bits in {@code mask}. */
  public boolean hasPair(int variant, long mask) {
    return (scanned[variant] & mask) != 0;
  }

  public Input input() {
    return input;
  }

  public String location() {
    return input.location();
  }

  public Input.Kind kind() {
    return input.kind();
  }

  /** How many texts: the original first, then the decoded variants. */
  public int count() {
    return texts.length;
  }

  public String text(int variant) {
    return texts[variant];
  }

  /** ASCII lower-cased text of {@code variant}, same length and indexes as {@link #text}. */
  public String lower(int variant) {
    @Nullable String[] lowers = this.lowers;
    if (lowers == null) {
      lowers = new String[texts.length];
      this.lowers = lowers;
    }
    String l = lowers[variant];
    if (l == null) {
      if ((scanned[variant] & UPPER) == 0) {
        l = texts[variant];
      } else if ((scanned[variant] & WIDE) == 0) {
        // Latin-1 text: the JDK's lower-casing maps each character to one, keeping indexes
        l = texts[variant].toLowerCase(java.util.Locale.ROOT);
      } else {
        l = Ascii.lower(texts[variant]);
      }
      lowers[variant] = l;
    }
    return l;
  }

  public int features(int variant) {
    return (int) scanned[variant];
  }

  /** The features of all variants together. */
  public int allFeatures() {
    return allFeatures;
  }

  /** Whether {@code variant} contains every feature in {@code mask}. */
  public boolean hasAll(int variant, int mask) {
    return ((int) scanned[variant] & mask) == mask;
  }

  /** Whether {@code variant} contains any feature in {@code mask}. */
  public boolean hasAny(int variant, int mask) {
    return ((int) scanned[variant] & mask) != 0;
  }
}
