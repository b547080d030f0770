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

  private static final int[] ASCII_FEATURES = new int[128];

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
    }
  }

  /** Set in the internal feature word when the text has upper-case ASCII letters. */
  private static final long UPPER = 1L << 32;
  /** Set in the internal feature word when the text has characters above U+00FF. */
  private static final long WIDE = 1L << 33;

  private final Input input;
  private final String[] texts;
  private final @Nullable String[] lowers;
  /** Per variant: the feature bits in the low word, {@link #UPPER} and {@link #WIDE} above. */
  private final long[] scanned;
  private final int allFeatures;

  private Subject(Input input, String[] texts, long[] scanned) {
    this.input = input;
    this.texts = texts;
    this.scanned = scanned;
    this.lowers = new String[texts.length];
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
  private static long scan(String s) {
    long f = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        f |= ASCII_FEATURES[c];
        if (c >= 'A' && c <= 'Z') {
          f |= UPPER;
        }
      } else {
        f |= c == 0xa0 || c == 0x85 ? SPACE | NON_ASCII : NON_ASCII;
        if (c > 0xff) {
          f |= WIDE;
        }
      }
    }
    return f;
  }

  public static int features(String s) {
    return (int) scan(s);
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
