package dev.bulwark.runtime.detect.internal;

/**
 * A streaming SQL lexer over a region of a string, for the union of the common dialects (MySQL,
 * PostgreSQL, SQL Server, Oracle, SQLite). It produces one token at a time into its public fields
 * and never allocates. Comments are not tokens: a token carries {@link #F_COMMENT_BEFORE}, and the
 * end of input carries {@link #F_TRUNCATED} when a line comment or an unclosed block comment runs to
 * the end (which is how an injection cuts off the rest of the application's query). MySQL
 * executable comments ({@code /*! ... *}{@code /}) are lexed as SQL.
 */
final class SqlLexer {

  static final int EOF = 0;
  static final int NUMBER = 1;
  static final int STRING = 2;
  static final int WORD = 3;
  static final int VARIABLE = 4;
  static final int OP = 5;
  static final int LPAREN = 6;
  static final int RPAREN = 7;
  static final int COMMA = 8;
  static final int SEMI = 9;
  static final int DOT = 10;
  static final int OTHER = 11;

  // operator codes
  static final int OP_COMPARE = 1;
  static final int OP_ARITH = 2;
  static final int OP_LOGIC = 3;
  static final int OP_MINUS = 4;
  static final int OP_PLUS = 5;
  static final int OP_TILDE = 6;
  static final int OP_BANG = 7;
  static final int OP_STAR = 8;
  static final int OP_ASSIGN = 9;
  static final int OP_CAST = 10;

  // token flags
  static final int F_COMMENT_BEFORE = 1;
  static final int F_OPEN = 1 << 1;
  static final int F_TRUNCATED = 1 << 2;
  static final int F_QUALIFIED = 1 << 3;
  static final int F_QUOTED_IDENT = 1 << 4;
  static final int F_SPACE_BEFORE = 1 << 5;
  static final int F_HEX = 1 << 6;
  static final int F_NULL_ESCAPE = 1 << 7;
  static final int F_EXECUTABLE = 1 << 8;

  private String s;
  private int end;
  private int pos;
  private boolean inExecutableComment;
  /** How many MySQL executable comments were opened so far. */
  int executableComments;

  int type;
  int start;
  int stop;
  /** Keyword code ({@link SqlKeywords}) of a WORD, 0 for an identifier. */
  int keyword;
  /** Operator code of an OP. */
  int op;
  int flags;
  /** Quote character of a STRING. */
  char quote;

  SqlLexer(String s, int from, int end) {
    reset(s, from, end);
  }

  /** Starts over on {@code s[from, end)}. */
  void reset(String s, int from, int end) {
    this.s = s;
    this.pos = from;
    this.end = end;
    this.inExecutableComment = false;
    this.executableComments = 0;
    this.type = EOF;
  }

  int position() {
    return pos;
  }

  /**
   * Treats the input as starting inside a string literal quoted with {@code q}: consumes it up to
   * the closing quote and returns it as the current STRING token; false when it never closes.
   */
  boolean startInside(char q) {
    int i = pos;
    int close = scanStringBody(i, q);
    if (close < 0) {
      return false;
    }
    type = STRING;
    start = i;
    stop = close + 1;
    quote = q;
    keyword = 0;
    op = 0;
    flags = 0;
    pos = close + 1;
    return true;
  }

  /** Index of the closing quote of a string whose body starts at {@code i}, or -1. */
  private int scanStringBody(int i, char q) {
    while (i < end) {
      char c = s.charAt(i);
      if (c == '\\' && q != '`') {
        i += 2;
        continue;
      }
      if (c == q) {
        if (i + 1 < end && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Advances to the next token. */
  void next() {
    int f = skipSpaceAndComments();
    if (inExecutableComment) {
      f |= F_EXECUTABLE;
    }
    flags = f;
    keyword = 0;
    op = 0;
    quote = 0;
    if (pos >= end) {
      type = EOF;
      start = stop = end;
      return;
    }
    start = pos;
    char c = s.charAt(pos);
    if (Ascii.isDigit(c) || (c == '.' && pos + 1 < end && Ascii.isDigit(s.charAt(pos + 1)))) {
      number();
    } else if (c == '\'' || c == '"') {
      string(pos + 1, c);
    } else if (c == '`') {
      backtickIdentifier();
    } else if (isWordStart(c)) {
      word();
    } else if (c == '@') {
      variable();
    } else if (c == '(') {
      single(LPAREN);
    } else if (c == ')') {
      single(RPAREN);
    } else if (c == ',') {
      single(COMMA);
    } else if (c == ';') {
      single(SEMI);
    } else if (c == '.') {
      single(DOT);
    } else if (c == '[') {
      bracketIdentifier();
    } else if (c == '\\' && pos + 1 < end && (s.charAt(pos + 1) == 'N')) {
      // MySQL's \N is NULL
      type = WORD;
      keyword = SqlKeywords.NULL;
      flags |= F_NULL_ESCAPE;
      pos += 2;
      stop = pos;
    } else if (c == '$' && dollarQuoted()) {
      return;
    } else {
      operator(c);
    }
  }

  private void single(int t) {
    type = t;
    pos++;
    stop = pos;
  }

  /** Skips whitespace and comments; returns the flags they imply for the next token. */
  private int skipSpaceAndComments() {
    int f = 0;
    while (pos < end) {
      char c = s.charAt(pos);
      if (Ascii.isSqlSpace(c)) {
        f |= F_SPACE_BEFORE;
        pos++;
      } else if (c == '#' || (c == '-' && pos + 1 < end && s.charAt(pos + 1) == '-')) {
        int nl = pos;
        while (nl < end && s.charAt(nl) != '\n' && s.charAt(nl) != '\r') {
          nl++;
        }
        f |= F_COMMENT_BEFORE | F_SPACE_BEFORE;
        if (nl >= end && truncates(pos + (c == '#' ? 1 : 2))) {
          f |= F_TRUNCATED;
        }
        pos = nl;
      } else if (c == '/' && pos + 1 < end && s.charAt(pos + 1) == '*') {
        if (pos + 2 < end && s.charAt(pos + 2) == '!') {
          // executable comment: its body is SQL; skip the optional version number
          pos += 3;
          int digits = 0;
          while (pos + digits < end && Ascii.isDigit(s.charAt(pos + digits)) && digits < 7) {
            digits++;
          }
          if (digits == 5 || digits == 6) {
            pos += digits;
          }
          inExecutableComment = true;
          executableComments++;
          f |= F_SPACE_BEFORE;
          continue;
        }
        int close = s.indexOf("*/", pos + 2);
        f |= F_COMMENT_BEFORE | F_SPACE_BEFORE;
        if (close < 0 || close + 2 > end) {
          f |= F_TRUNCATED;
          pos = end;
        } else {
          pos = close + 2;
        }
      } else if (inExecutableComment && c == '*' && pos + 1 < end && s.charAt(pos + 1) == '/') {
        inExecutableComment = false;
        f |= F_SPACE_BEFORE;
        pos += 2;
      } else {
        break;
      }
    }
    return f;
  }

  /**
   * Whether a line comment whose text starts at {@code i} cuts the query off the way injections
   * do: followed by nothing, a blank or punctuation. "#42" and "--INFANT" in prose are words after
   * a sign, and MySQL would not even take "--x" as a comment.
   */
  private boolean truncates(int i) {
    return i >= end || !Ascii.isAlnum(s.charAt(i));
  }

  private static boolean isWordStart(char c) {
    return Ascii.isLetter(c) || c == '_' || (c >= 0x80 && Character.isLetter(c));
  }

  private static boolean isWordPart(char c) {
    return Ascii.isAlnum(c) || c == '_' || c == '$' || (c >= 0x80 && Character.isLetterOrDigit(c));
  }

  private void number() {
    int i = pos;
    char c = s.charAt(i);
    type = NUMBER;
    if (c == '0' && i + 1 < end && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
        && i + 2 < end && Ascii.isHex(s.charAt(i + 2))) {
      i += 2;
      while (i < end && Ascii.isHex(s.charAt(i))) {
        i++;
      }
      flags |= F_HEX;
    } else if (c == '0' && i + 1 < end && (s.charAt(i + 1) == 'b' || s.charAt(i + 1) == 'B')
        && i + 2 < end && (s.charAt(i + 2) == '0' || s.charAt(i + 2) == '1')) {
      i += 2;
      while (i < end && (s.charAt(i) == '0' || s.charAt(i) == '1')) {
        i++;
      }
    } else {
      while (i < end && Ascii.isDigit(s.charAt(i))) {
        i++;
      }
      if (i < end && i > pos && isWordPart(s.charAt(i)) && s.charAt(i) != 'e' && s.charAt(i) != 'E'
          && s.charAt(i) != '$') {
        // MySQL: an identifier may start with digits (1a, 9_99); 182UNION is still 182 UNION
        int w = i;
        while (w < end && isWordPart(s.charAt(w))) {
          w++;
        }
        if (SqlKeywords.KEYWORDS.get(s, i, w) == 0) {
          type = WORD;
          pos = w;
          keyword = 0;
          qualify();
          stop = pos;
          return;
        }
        pos = i;
        stop = i;
        return;
      }
      if (i < end && s.charAt(i) == '.') {
        i++;
        while (i < end && Ascii.isDigit(s.charAt(i))) {
          i++;
        }
      }
      if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        int j = i + 1;
        if (j < end && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
          j++;
        }
        if (j < end && Ascii.isDigit(s.charAt(j))) {
          while (j < end && Ascii.isDigit(s.charAt(j))) {
            j++;
          }
          i = j;
        }
      }
    }
    pos = i;
    stop = i;
  }

  private void string(int bodyStart, char q) {
    type = STRING;
    quote = q;
    int close = scanStringBody(bodyStart, q);
    if (close < 0) {
      flags |= F_OPEN;
      pos = end;
    } else {
      pos = close + 1;
    }
    stop = pos;
  }

  private void backtickIdentifier() {
    int close = scanStringBody(pos + 1, '`');
    if (close < 0) {
      type = OTHER;
      pos++;
    } else {
      type = WORD;
      flags |= F_QUOTED_IDENT;
      pos = close + 1;
      qualify();
    }
    stop = pos;
  }

  private void bracketIdentifier() {
    int i = pos + 1;
    while (i < end && i - pos < 128) {
      char c = s.charAt(i);
      if (c == ']') {
        break;
      }
      if (!isWordPart(c) && c != ' ') {
        i = -1;
        break;
      }
      i++;
    }
    if (i > pos + 1 && i < end && s.charAt(i) == ']') {
      type = WORD;
      flags |= F_QUOTED_IDENT;
      pos = i + 1;
      qualify();
    } else {
      type = OTHER;
      pos++;
    }
    stop = pos;
  }

  private void word() {
    int i = pos;
    // string literal prefixes: N'..', X'..', B'..', E'..', Q'[..]', U&'..'
    char c = Ascii.lower(s.charAt(i));
    if (i + 1 < end && s.charAt(i + 1) == '\'' && (c == 'n' || c == 'x' || c == 'b' || c == 'e')) {
      string(i + 2, '\'');
      return;
    }
    if (c == 'q' && i + 2 < end && s.charAt(i + 1) == '\'' && oracleQuote(i + 2)) {
      return;
    }
    while (i < end && isWordPart(s.charAt(i))) {
      i++;
    }
    if (c == '_' && i < end && s.charAt(i) == '\'' && i - start > 2) {
      // charset introducer: _latin1'text'
      string(i + 1, '\'');
      return;
    }
    type = WORD;
    pos = i;
    keyword = SqlKeywords.KEYWORDS.get(s, start, i);
    qualify();
    stop = pos;
  }

  /** Extends a word over {@code .name}, {@code ..name}, {@code .*} and {@code .`name`} parts. */
  private void qualify() {
    while (pos < end && s.charAt(pos) == '.') {
      int j = pos + 1;
      if (j < end && s.charAt(j) == '.') {
        j++;
      }
      if (j >= end) {
        return;
      }
      char c = s.charAt(j);
      if (isWordStart(c) || Ascii.isDigit(c)) {
        j++;
        while (j < end && isWordPart(s.charAt(j))) {
          j++;
        }
      } else if (c == '`') {
        int close = scanStringBody(j + 1, '`');
        if (close < 0) {
          return;
        }
        j = close + 1;
      } else if (c == '*') {
        j++;
      } else {
        return;
      }
      pos = j;
      keyword = 0;
      flags |= F_QUALIFIED;
    }
    stop = pos;
  }

  private boolean oracleQuote(int open) {
    char o = s.charAt(open);
    char close;
    switch (o) {
      case '[' -> close = ']';
      case '(' -> close = ')';
      case '{' -> close = '}';
      case '<' -> close = '>';
      default -> close = o;
    }
    if (Ascii.isSpaceOrControl(o)) {
      return false;
    }
    type = STRING;
    quote = '\'';
    int i = open + 1;
    while (i + 1 < end && !(s.charAt(i) == close && s.charAt(i + 1) == '\'')) {
      i++;
    }
    if (i + 1 < end) {
      pos = i + 2;
    } else {
      flags |= F_OPEN;
      pos = end;
    }
    stop = pos;
    return true;
  }

  private boolean dollarQuoted() {
    // $$...$$ or $tag$...$tag$ (PostgreSQL)
    int i = pos + 1;
    while (i < end && (Ascii.isAlnum(s.charAt(i)) || s.charAt(i) == '_') && i - pos < 32) {
      i++;
    }
    if (i >= end || s.charAt(i) != '$') {
      return false;
    }
    String tag = s.substring(pos, i + 1);
    int close = s.indexOf(tag, i + 1);
    type = STRING;
    quote = '$';
    if (close < 0 || close + tag.length() > end) {
      flags |= F_OPEN;
      pos = end;
    } else {
      pos = close + tag.length();
    }
    stop = pos;
    return true;
  }

  private void variable() {
    int i = pos + 1;
    if (i < end && s.charAt(i) == '@') {
      i++;
    }
    if (i < end && (s.charAt(i) == '\'' || s.charAt(i) == '"' || s.charAt(i) == '`')) {
      int close = scanStringBody(i + 1, s.charAt(i));
      if (close < 0) {
        type = OTHER;
        pos++;
        stop = pos;
        return;
      }
      i = close + 1;
    } else {
      int from = i;
      while (i < end && (isWordPart(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (i == from) {
        type = OTHER;
        pos++;
        stop = pos;
        return;
      }
    }
    type = VARIABLE;
    pos = i;
    stop = i;
  }

  private void operator(char c) {
    char d = pos + 1 < end ? s.charAt(pos + 1) : 0;
    char e = pos + 2 < end ? s.charAt(pos + 2) : 0;
    type = OP;
    int len = 1;
    switch (c) {
      case '=' -> op = OP_COMPARE;
      case '<' -> {
        if (d == '=' && e == '>') {
          len = 3;
          op = OP_COMPARE;
        } else if (d == '=' || d == '>') {
          len = 2;
          op = OP_COMPARE;
        } else if (d == '<') {
          len = 2;
          op = OP_ARITH;
        } else {
          op = OP_COMPARE;
        }
      }
      case '>' -> {
        if (d == '=') {
          len = 2;
          op = OP_COMPARE;
        } else if (d == '>') {
          len = 2;
          op = OP_ARITH;
        } else {
          op = OP_COMPARE;
        }
      }
      case '!' -> {
        if (d == '=' || d == '<' || d == '>') {
          len = 2;
          op = OP_COMPARE;
        } else {
          op = OP_BANG;
        }
      }
      case '|' -> {
        if (d == '|') {
          len = 2;
          op = OP_LOGIC;
        } else {
          op = OP_ARITH;
        }
      }
      case '&' -> {
        if (d == '&') {
          len = 2;
          op = OP_LOGIC;
        } else {
          op = OP_ARITH;
        }
      }
      case ':' -> {
        if (d == '=') {
          len = 2;
          op = OP_ASSIGN;
        } else if (d == ':') {
          len = 2;
          op = OP_CAST;
        } else {
          type = OTHER;
        }
      }
      case '-' -> {
        if (d == '>') {
          len = e == '>' ? 3 : 2;
          op = OP_ARITH;
        } else {
          op = OP_MINUS;
        }
      }
      case '+' -> op = OP_PLUS;
      case '~' -> op = OP_TILDE;
      case '*' -> op = OP_STAR;
      case '/', '%', '^' -> op = OP_ARITH;
      default -> type = OTHER;
    }
    pos += len;
    stop = pos;
  }
}
