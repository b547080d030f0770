package dev.bulwark.runtime.detect.internal;

import static dev.bulwark.runtime.detect.internal.SqlKeywords.*;

import dev.bulwark.runtime.detect.AttackClass;

/**
 * Decides whether a text is an SQL injection by lexing it in each context an injection starts
 * from and checking, with a tolerant SQL grammar, that it is a well-formed continuation of the
 * application's query there that does something an honest value never does.
 *
 * <p>Contexts: <b>as a number</b> (the text stands where an operand is expected: {@code 1 OR 1=1});
 * <b>as is</b> (the text continues after an operand, or is a statement: {@code UNION SELECT …},
 * {@code ; DROP …}); and <b>after a closing quote</b>, single or double (the text starts inside a
 * string literal and breaks out at its first unescaped quote). In a quoted context the
 * application's own closing quote follows the text, so a working injection ends in a comment that
 * truncates it or in an open string that the quote closes ({@code ' OR '1'='1}).
 *
 * <p>Features seen on the way carry a confidence. <em>Strong</em> ones ({@code UNION SELECT}, a
 * stacked or T-SQL follow-on statement, a time-delay or file/command function, a subquery, {@code
 * INTO OUTFILE}) stand once the grammar has accepted a couple of tokens after them or the text ends
 * there. <em>Weak</em> ones (a tautology, a boolean condition, a clause such as {@code ORDER BY 5},
 * a bare truncation) only count when the whole text parses. Natural language fails the grammar
 * within a few tokens, which also keeps the cost of benign text low.
 *
 * <p>Not thread-safe: one instance per thread through {@link #analyse}.
 */
final class SqlJudge {

  private static final ThreadLocal<SqlJudge> LOCAL = ThreadLocal.withInitial(SqlJudge::new);

  private static final int CTX_NUMBER = 0;
  private static final int CTX_AS_IS = 1;
  private static final int CTX_SQUOTE = 2;
  private static final int CTX_DQUOTE = 3;

  // parser states
  private static final int EXPECT_OPERAND = 0;
  private static final int EXPECT_OPERATOR = 1;
  private static final int STATEMENT = 2;

  // parenthesis kinds
  private static final int P_GROUP = 0;
  private static final int P_CALL = 1;
  private static final int P_SUBQUERY = 2;
  private static final int P_LIST = 3;
  private static final int P_CASE = 4;

  // clauses (per depth)
  private static final int C_EXPR = 0;
  private static final int C_SELECT_LIST = 1;
  private static final int C_FROM = 2;
  private static final int C_ORDER = 3;
  private static final int C_LIMIT = 4;

  // operand kinds
  private static final int K_NONE = 0;
  private static final int K_LITERAL = 1;
  private static final int K_OTHER = 2;

  private static final int MAX_DEPTH = 48;
  private static final int QUEUE = 8;
  private static final int CONFIRM_TOKENS = 2;

  // features
  private static final int X_UNION = 0;
  private static final int X_STACKED = 1;
  private static final int X_TIME = 2;
  private static final int X_DANGEROUS = 3;
  private static final int X_SUBQUERY = 4;
  private static final int X_OUTFILE = 5;
  private static final int X_TAUTOLOGY = 6;
  private static final int X_BOOLEAN = 7;
  private static final int X_INFO = 8;
  private static final int X_EXTRACTION = 9;
  private static final int X_CLAUSE = 10;
  private static final int X_STATEMENT = 11;
  private static final int X_CONSTANT_COMPARISON = 12;
  private static final int X_FOLLOW_SELECT = 13;
  private static final int X_EXECUTABLE_COMMENT = 14;
  private static final int X_CASE = 15;
  private static final int X_LOGIC = 16;
  private static final int X_UNION_FRAGMENT = 17;
  private static final int X_TRUNCATION = 18;
  private static final int X_TRUTHY = 19;
  private static final int X_QUOTE_EXPRESSION = 20;
  private static final int FEATURES = 21;

  private static final String[] RULE = {
    "sqli.union", "sqli.stacked-query", "sqli.time-delay", "sqli.dangerous-function",
    "sqli.subquery", "sqli.into-outfile", "sqli.tautology", "sqli.boolean-condition",
    "sqli.information-function", "sqli.blind-extraction", "sqli.clause", "sqli.statement",
    "sqli.constant-comparison", "sqli.stacked-query", "sqli.executable-comment",
    "sqli.case-expression", "sqli.boolean-operator", "sqli.union", "sqli.comment-truncation",
    "sqli.tautology", "sqli.quote-expression"
  };

  /** Strong features stand without the rest of the text parsing. */
  private static final boolean[] STRONG = {
    true, true, true, true, true, true, false, false, false, false, false, false, false, false,
    false, false, false, false, false, false, false
  };

  /** Weak features that still count when the text is a valid prefix cut short at its end. */
  private static final boolean[] INCOMPLETE_OK = {
    false, false, false, false, false, false, true, true, false, true, false, false, false, false,
    false, false, false, true, false, false, false
  };

  // token queue (ring)
  private final int[] qType = new int[QUEUE];
  private final int[] qStart = new int[QUEUE];
  private final int[] qStop = new int[QUEUE];
  private final int[] qKw = new int[QUEUE];
  private final int[] qOp = new int[QUEUE];
  private final int[] qFlags = new int[QUEUE];
  private final char[] qQuote = new char[QUEUE];
  private int qHead;
  private int qCount;
  private final SqlLexer lexer = new SqlLexer("", 0, 0);
  private boolean lexerDone;
  private int eofFlags;
  private String text = "";

  // parse state
  private int context;
  private int state;
  private int depth;
  private final int[] parenKind = new int[MAX_DEPTH + 1];
  private final int[] clause = new int[MAX_DEPTH + 1];
  private final boolean[] between = new boolean[MAX_DEPTH + 1];
  private boolean aliasAllowed;
  private boolean statementStart;
  private boolean stop;
  private boolean incomplete;
  private int tokenIndex;
  private int closers;
  private boolean previousWasCallOpen;
  private boolean lastTokenWasString;
  private boolean lastWasOpenString;
  private char lastOpenQuote;

  // facts about the text in this context
  private boolean afterLogic;
  private boolean sawLogic;
  private boolean sawIdentifier;
  private boolean sawTopLevelComma;
  private boolean sawFrom;
  private boolean sawVariableOrCall;
  private boolean sawEquality;
  private int binaryOperators;

  // tautology tracking
  private int operandRun;
  private int lastOperandKind;
  private int lastLiteralStart;
  private int lastLiteralStop;
  private boolean operandAfterCompare;
  private int compareLeftKind;
  private boolean comparePending;
  private int compareOp;
  private int compareFrom;
  private int compareLeftStart;
  private boolean pendingConstant;
  private int pendingConstantStop;
  private int pendingConstantOp;
  private boolean pendingTruthy;
  private int pendingTruthyFrom;
  private int pendingTruthyStop;

  // features of the current context
  private final double[] fConf = new double[FEATURES];
  private final int[] fStart = new int[FEATURES];
  private final int[] fStop = new int[FEATURES];
  private final int[] fConfirmAt = new int[FEATURES];
  /** Bit x set when feature x was seen in the current context. */
  private int seen;

  // best result across contexts
  private double bestConf;
  private int bestFeature;
  private int bestStart;
  private int bestStop;

  private static final int CMP_EQUALITY = 1;
  private static final int CMP_PATTERN = 2;

  static void analyse(Subject subject, int variant, Findings out) {
    String text = subject.text(variant);
    int features = subject.features(variant);
    boolean structure = (features & (Subject.LPAREN | Subject.HASH)) != 0
        || subject.hasPair(variant, Subject.P_LOGIC) || text.contains("--")
        || text.contains("/*") || hasSignalWord(text);
    boolean comparison = (features & (Subject.EQUALS | Subject.LT | Subject.GT | Subject.BANG)) != 0;
    if (!structure && !comparison) {
      return; // no feature below can fire: see hasSignalWord
    }
    SqlJudge j = LOCAL.get();
    j.unquotedPossible = structure;
    j.run(text, features);
    if (j.bestConf > 0) {
      out.report(
          AttackClass.SQL_INJECTION,
          RULE[j.bestFeature],
          j.bestConf,
          variant,
          j.bestStart,
          j.bestStop);
    }
    j.text = "";
    j.lexer.reset("", 0, 0); // do not keep a reference to the input between calls
  }

  /**
   * Words without which no feature of the judgement fires outside a call or comment: boolean
   * operators, set operators, clauses and statement heads. Letter runs are looked up, so
   * "182UNION" and "1e0union" count.
   */
  private static final WordTable SIGNAL_WORDS =
      WordTable.set(
          "and", "or", "xor", "not", "union", "select", "insert", "update", "delete", "drop",
          "create", "alter", "truncate", "exec", "execute", "declare", "set", "shutdown",
          "waitfor", "grant", "revoke", "use", "begin", "load", "call", "replace", "if", "while",
          "goto", "print", "with", "order", "group", "having", "limit", "offset", "into",
          "procedure", "case", "handler", "rename", "copy", "fetch", "intersect", "except",
          "minus", "like", "rlike", "regexp", "glob", "between", "in", "is", "div", "mod",
          "sounds", "from", "where", "outfile", "dumpfile");

  /** Whether a run of letters in {@code s} is one of {@link #SIGNAL_WORDS}. */
  static boolean hasSignalWord(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Ascii.isLetter(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Ascii.isLetter(s.charAt(i))) {
        i++;
      }
      if (i - start <= 9 && SIGNAL_WORDS.contains(s, start, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when the text has no signal word, parenthesis, {@code ||}/{@code &&} or comment: then
   * only the quoted contexts can still find something (a comparison after the quote).
   */
  private boolean unquotedPossible = true;

  /** Characters without which a text is one token and cannot be an injection. */
  private static final int SEPARATING =
      Subject.SPACE | Subject.CONTROL | Subject.SQUOTE | Subject.DQUOTE | Subject.LPAREN
          | Subject.HASH | Subject.SEMICOLON | Subject.EQUALS | Subject.LT | Subject.GT
          | Subject.PIPE | Subject.AMP | Subject.STAR | Subject.BANG | Subject.AT | Subject.PLUS
          | Subject.BACKTICK | Subject.NON_ASCII;

  private void run(String s, int features) {
    text = s;
    bestConf = 0;
    if ((features & SEPARATING) == 0 && !s.contains("--") && !s.contains("/*")) {
      return;
    }
    if (unquotedPossible) {
      context(CTX_NUMBER);
      if (mayContinueQuery()) {
        context(CTX_AS_IS);
      }
    }
    if ((features & Subject.SQUOTE) != 0) {
      context(CTX_SQUOTE);
    }
    if ((features & Subject.DQUOTE) != 0) {
      context(CTX_DQUOTE);
    }
  }

  /**
   * The as-is context continues after an operand, so it starts with an operator, a keyword, a
   * parenthesis or a separator; a text that starts with a plain identifier or a literal cannot.
   */
  private boolean mayContinueQuery() {
    lexer.reset(text, 0, text.length());
    lexer.next();
    int t = lexer.type;
    return !(t == SqlLexer.NUMBER || t == SqlLexer.STRING || t == SqlLexer.VARIABLE
        || t == SqlLexer.WORD && lexer.keyword == 0);
  }

  // ---------------------------------------------------------------- context driver

  private void context(int ctx) {
    context = ctx;
    lexer.reset(text, 0, text.length());
    lexerDone = false;
    eofFlags = 0;
    qHead = 0;
    qCount = 0;
    depth = 0;
    parenKind[0] = P_GROUP;
    clause[0] = C_EXPR;
    between[0] = false;
    aliasAllowed = false;
    stop = false;
    incomplete = false;
    tokenIndex = 0;
    closers = 0;
    previousWasCallOpen = false;
    lastTokenWasString = false;
    lastWasOpenString = false;
    lastOpenQuote = 0;
    afterLogic = false;
    sawLogic = false;
    sawIdentifier = false;
    sawTopLevelComma = false;
    sawFrom = false;
    sawVariableOrCall = false;
    sawEquality = false;
    binaryOperators = 0;
    operandRun = 0;
    lastOperandKind = K_NONE;
    operandAfterCompare = false;
    comparePending = false;
    pendingConstant = false;
    pendingTruthy = false;
    pendingSelect = 0;
    seen = 0;
    int prefixEnd = 0;
    if (ctx == CTX_SQUOTE || ctx == CTX_DQUOTE) {
      char q = ctx == CTX_SQUOTE ? '\'' : '"';
      if (!lexer.startInside(q)) {
        return;
      }
      prefixEnd = lexer.stop;
      push(SqlLexer.STRING, lexer.start, lexer.stop, 0, 0, 0, q);
      advance();
      state = EXPECT_OPERATOR;
      lastOperandKind = K_LITERAL;
      lastLiteralStart = 0;
      lastLiteralStop = prefixEnd;
      operandRun = 1;
    } else if (ctx == CTX_NUMBER) {
      state = EXPECT_OPERAND;
    } else {
      state = STATEMENT;
    }
    statementStart = ctx == CTX_AS_IS;
    boolean valid = parse();
    finish(valid, prefixEnd);
  }

  /** Runs the state machine to the end of input; false when the grammar rejected a token. */
  private boolean parse() {
    int guard = text.length() + 16;
    while (!stop) {
      if (--guard < 0) {
        return false; // every step consumes a token; this only bounds the loop defensively
      }
      if (type(0) == SqlLexer.EOF) {
        if (state == EXPECT_OPERATOR) {
          settle(false);
        }
        return endIsValid();
      }
      boolean ok;
      if (state == EXPECT_OPERAND) {
        ok = operand();
      } else if (state == EXPECT_OPERATOR) {
        ok = operator();
      } else {
        ok = statement();
      }
      if (!ok) {
        // running out of text in the middle of a construct is not the same as a wrong token
        incomplete = type(0) == SqlLexer.EOF;
        return false;
      }
      tokenIndex++;
    }
    return true;
  }

  private boolean endIsValid() {
    if (state == EXPECT_OPERAND) {
      incomplete = true;
      return false;
    }
    if (state == STATEMENT && statementStart) {
      return false;
    }
    return true;
  }

  private boolean truncated() {
    return type(0) == SqlLexer.EOF && (flags(0) & SqlLexer.F_TRUNCATED) != 0;
  }

  /** Whether the application's closing quote is absorbed (quoted contexts only). */
  private boolean closed() {
    if (truncated()) {
      return true;
    }
    return lastWasOpenString && lastOpenQuote == (context == CTX_SQUOTE ? '\'' : '"');
  }

  private boolean quotedContext() {
    return context == CTX_SQUOTE || context == CTX_DQUOTE;
  }

  private void finish(boolean valid, int prefixEnd) {
    boolean atEof = type(0) == SqlLexer.EOF;
    boolean truncated = truncated();
    boolean quoted = quotedContext();
    boolean closed = quoted && atEof && closed();
    if (truncated) {
      selectCheckpoint(); // ' UNION SELECT password--: the comment ends the select list
    }
    if (valid && quoted && closed && sawEquality && !sawIdentifier) {
      // aa'|3!='4, '/1=', aa'&0+1='aa: an expression of literals and operators between the
      // quotes, compared with equality
      feature(X_QUOTE_EXPRESSION, 0.75, Math.max(0, prefixEnd - 1), text.length());
    }
    if (valid && lexer.executableComments > 0 && (seen & (1 << X_EXECUTABLE_COMMENT)) == 0) {
      feature(X_EXECUTABLE_COMMENT, 0.85, 0, text.length());
    }

    for (int bits = seen; bits != 0; bits &= bits - 1) {
      int x = Integer.numberOfTrailingZeros(bits);
      double c = fConf[x];
      boolean awaitingSelect = fConfirmAt[x] == Integer.MAX_VALUE;
      if (awaitingSelect) {
        // a select list that never reached a checkpoint ("union select committee members")
        continue;
      }
      if (STRONG[x]) {
        if (!(valid || incomplete || tokenIndex >= fConfirmAt[x])) {
          continue;
        }
      } else {
        if (!(valid || (incomplete && INCOMPLETE_OK[x]))) {
          continue;
        }
        if (!weakFeatureStands(x, truncated)) {
          continue;
        }
        if (quoted && !closed) {
          // the application's closing quote is left dangling: a broken query, still an attempt
          c -= 0.1;
        } else if (truncated || closed) {
          c = Math.min(0.95, c + 0.05);
        }
      }
      offer(c, x, fStart[x], fStop[x]);
    }
    if (valid && truncated && bareTruncation(prefixEnd)) {
      offer(0.7, X_TRUNCATION, Math.max(0, prefixEnd - 1), text.length());
    }
  }

  private boolean weakFeatureStands(int x, boolean truncated) {
    switch (x) {
      case X_LOGIC:
        // "7 or 8", "cats and dogs": a bare boolean operator proves nothing without truncation
        return truncated;
      case X_CLAUSE:
        return truncated || fConf[x] >= 0.75;
      case X_INFO:
        // user(name): a call that merely shares a name with an information function
        return quotedContext() || sawLogic || (seen & (1 << X_BOOLEAN)) != 0;
      case X_TRUTHY:
        // 1950 or 1960 is prose; ' or '1 and 1 or 1-- are not
        return quotedContext() ? closed() : truncated;
      case X_STATEMENT:
        // "drop table ideas", "select your size": a statement as a whole value needs SQL
        // punctuation or structure to count
        return depth == 0 && sqlPunctuation() && (sawFrom || sawVariableOrCall || fConf[x] > 0.7);
      case X_BOOLEAN:
        // "x<5 && y>3" is a filter, "x' and y>3" and "1 and y>3--" are injections; a known SQL
        // function in the condition is enough on its own
        return quotedContext() || truncated || fConf[x] >= 0.85;
      default:
        return true;
    }
  }

  /** Whether the text has punctuation prose rarely has: ; ( * = @ a quote or a comment. */
  private boolean sqlPunctuation() {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == ';' || c == '(' || c == '*' || c == '=' || c == '@' || c == '\'' || c == '"'
          || c == '#' || c == '-' && i + 1 < n && text.charAt(i + 1) == '-'
          || c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        return true;
      }
    }
    return false;
  }

  /**
   * A comment that truncates the query right after a value is an injection probe when the value
   * is one token-like word and the comment says nothing ({@code admin'--}, {@code 1' #}, {@code
   * -1--}); a quote and a hash in prose ({@code SOAP 1 '#}, {@code 7" #2 NEEDLE}) is not.
   */
  private boolean bareTruncation(int prefixEnd) {
    if (quotedContext()) {
      if (tokenIndex != closers) {
        return false;
      }
      for (int i = 0; i < prefixEnd - 1; i++) {
        if (Ascii.isSpaceOrControl(text.charAt(i))) {
          return false;
        }
      }
    } else if (sawIdentifier || sawTopLevelComma || sawLogic || tokenIndex == 0
        || context == CTX_AS_IS) {
      return false;
    }
    int n = text.length();
    int i = commentStart();
    if (i < 0) {
      return false;
    }
    if (text.charAt(i) == '/') {
      return true;
    }
    i += text.charAt(i) == '#' ? 1 : 2;
    for (; i < n; i++) {
      if (Ascii.isAlnum(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Start of the truncating comment at the end of the text, or -1. */
  private int commentStart() {
    int i = lastTokenStop;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '#' || (c == '-' && i + 1 < n && text.charAt(i + 1) == '-')
          || (c == '/' && i + 1 < n && text.charAt(i + 1) == '*')) {
        return i;
      }
      if (!Ascii.isSpaceOrControl(c)) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  private int lastTokenStop;

  private void offer(double c, int feature, int from, int to) {
    if (c > bestConf) {
      bestConf = c;
      bestFeature = feature;
      bestStart = from;
      bestStop = to;
    }
  }

  private void feature(int x, double conf, int from, int to) {
    if ((seen & (1 << x)) != 0 && fConf[x] >= conf) {
      return;
    }
    seen |= 1 << x;
    fConf[x] = conf;
    fStart[x] = from;
    fStop[x] = to;
    fConfirmAt[x] = tokenIndex + CONFIRM_TOKENS;
  }

  /**
   * A feature that opens a SELECT (UNION SELECT, a stacked SELECT, a subquery) stands only once
   * its select list reaches a checkpoint: a comma, FROM, a closing parenthesis, a clause, or the
   * end. "The union select committee meets on Friday" never gets there.
   */
  private void selectFeature(int x, double conf, int from, int to) {
    feature(x, conf, from, to);
    if ((seen & (1 << x)) != 0 && fConf[x] == conf) {
      fConfirmAt[x] = Integer.MAX_VALUE;
      pendingSelect |= 1 << x;
    }
  }

  private int pendingSelect;

  private void selectCheckpoint() {
    if (pendingSelect == 0) {
      return;
    }
    for (int x = 0; x < FEATURES; x++) {
      if ((pendingSelect & (1 << x)) != 0) {
        fConfirmAt[x] = tokenIndex;
      }
    }
    pendingSelect = 0;
  }

  // ---------------------------------------------------------------- token queue

  private void fill(int k) {
    while (qCount <= k) {
      if (lexerDone) {
        push(SqlLexer.EOF, text.length(), text.length(), 0, 0, eofFlags, (char) 0);
        continue;
      }
      lexer.next();
      push(lexer.type, lexer.start, lexer.stop, lexer.keyword, lexer.op, lexer.flags, lexer.quote);
      if (lexer.type == SqlLexer.EOF) {
        lexerDone = true;
        eofFlags = lexer.flags;
      }
    }
  }

  private void push(int type, int start, int stop, int kw, int op, int flags, char quote) {
    int i = (qHead + qCount) % QUEUE;
    qType[i] = type;
    qStart[i] = start;
    qStop[i] = stop;
    qKw[i] = kw;
    qOp[i] = op;
    qFlags[i] = flags;
    qQuote[i] = quote;
    qCount++;
  }

  private void advance() {
    fill(0);
    int i = qHead;
    lastTokenWasString = qType[i] == SqlLexer.STRING;
    lastWasOpenString = lastTokenWasString && (qFlags[i] & SqlLexer.F_OPEN) != 0;
    lastOpenQuote = qQuote[i];
    lastTokenStop = qStop[i];
    qHead = (qHead + 1) % QUEUE;
    qCount--;
  }

  private int idx(int k) {
    fill(k);
    return (qHead + k) % QUEUE;
  }

  private int type(int k) {
    return qType[idx(k)];
  }

  private int kw(int k) {
    int i = idx(k);
    return qType[i] == SqlLexer.WORD ? qKw[i] : 0;
  }

  private int op(int k) {
    int i = idx(k);
    return qType[i] == SqlLexer.OP ? qOp[i] : 0;
  }

  private int flags(int k) {
    return qFlags[idx(k)];
  }

  private int start(int k) {
    return qStart[idx(k)];
  }

  private int stopAt(int k) {
    return qStop[idx(k)];
  }

  private boolean isOpenString(int k) {
    int i = idx(k);
    return qType[i] == SqlLexer.STRING && (qFlags[i] & SqlLexer.F_OPEN) != 0;
  }

  private boolean isIdentifier(int k) {
    return type(k) == SqlLexer.WORD && kw(k) == 0;
  }

  private boolean isWord(int k, String lower) {
    int i = idx(k);
    return qType[i] == SqlLexer.WORD && Ascii.regionEquals(text, qStart[i], qStop[i], lower);
  }

  /** A word (identifier or callable keyword) immediately followed by '(' is a function call. */
  private boolean isCall(int k) {
    if (type(k) != SqlLexer.WORD || type(k + 1) != SqlLexer.LPAREN) {
      return false;
    }
    int i = idx(k);
    return qKw[i] == 0 || CALLABLE_KEYWORDS.contains(text, qStart[i], qStop[i]);
  }

  private int functionClass(int k) {
    int i = idx(k);
    if ((qFlags[i] & SqlLexer.F_QUOTED_IDENT) != 0) {
      return 0;
    }
    return FUNCTIONS.get(text, qStart[i], qStop[i]);
  }

  private boolean inTable(WordTable table, int k) {
    int i = idx(k);
    return qType[i] == SqlLexer.WORD && table.contains(text, qStart[i], qStop[i]);
  }

  private boolean isSystemVariable(int k) {
    int i = idx(k);
    return qType[i] == SqlLexer.VARIABLE && qStop[i] - qStart[i] > 2
        && text.charAt(qStart[i] + 1) == '@';
  }

  // ---------------------------------------------------------------- operands

  private boolean operand() {
    int t = type(0);
    switch (t) {
      case SqlLexer.NUMBER:
        return completeOperand(K_LITERAL);
      case SqlLexer.VARIABLE:
        sawVariableOrCall = true;
        if (isSystemVariable(0)) {
          feature(X_INFO, 0.9, start(0), stopAt(0));
        }
        return completeOperand(K_OTHER);
      case SqlLexer.STRING:
        if (isOpenString(0) && !quotedContext()) {
          return false;
        }
        return completeOperand(K_LITERAL);
      case SqlLexer.LPAREN:
        advance();
        if (kw(0) == SELECT) {
          return openParen(P_SUBQUERY) && subquery();
        }
        return openParen(P_GROUP);
      case SqlLexer.OP:
        int o = op(0);
        if (o == SqlLexer.OP_MINUS || o == SqlLexer.OP_PLUS || o == SqlLexer.OP_TILDE
            || o == SqlLexer.OP_BANG) {
          advance();
          return true;
        }
        if (o == SqlLexer.OP_STAR
            && (clause[depth] == C_SELECT_LIST || parenKind[depth] == P_CALL)) {
          return completeOperand(K_OTHER);
        }
        return false;
      case SqlLexer.RPAREN:
        // an empty argument list: f()
        if (depth > 0 && parenKind[depth] == P_CALL && previousWasCallOpen) {
          return closeParen();
        }
        return false;
      case SqlLexer.WORD:
        return wordOperand(kw(0));
      default:
        return false;
    }
  }

  private boolean wordOperand(int k) {
    if (isCall(0)) {
      return call();
    }
    switch (k) {
      case 0:
        sawIdentifier = true;
        return completeOperand(K_OTHER);
      case NULL:
      case BOOLEAN:
        return completeOperand(K_LITERAL);
      case DEFAULT:
      case UNIT:
        return completeOperand(K_OTHER);
      case NOT:
      case BINARY:
      case EXISTS:
      case DISTINCT:
      case ALL:
      case ANY:
      case SOME:
      case INTERVAL:
        advance();
        return true;
      case CASE:
        int from = start(0);
        advance();
        if (!openParen(P_CASE)) {
          return false;
        }
        caseStart = from;
        if (kw(0) == WHEN) {
          advance();
        }
        return true;
      default:
        return false;
    }
  }

  private int caseStart;

  private boolean completeOperand(int kind) {
    int from = start(0);
    int to = stopAt(0);
    if (comparePending && operandRun == 0) {
      // the first operand right of a comparison
      if (kind == K_LITERAL && compareLeftKind == K_LITERAL) {
        pendingConstant = true;
        pendingConstantStop = to;
        pendingConstantOp = compareOp;
      }
    }
    if (pendingTruthyCandidate && operandRun == 0) {
      if (kind == K_LITERAL && isTruthyLiteral(0)) {
        pendingTruthy = true;
        pendingTruthyStop = to;
      }
      pendingTruthyCandidate = false;
    }
    comparePending = false;
    advance();
    state = EXPECT_OPERATOR;
    lastOperandKind = kind;
    if (kind == K_LITERAL) {
      lastLiteralStart = from;
      lastLiteralStop = to;
    }
    operandRun++;
    aliasAllowed = clause[depth] == C_SELECT_LIST || clause[depth] == C_FROM;
    previousWasCallOpen = false;
    return true;
  }

  private boolean pendingTruthyCandidate;

  /** A literal MySQL reads as true: a non-zero number, a string that starts with one, TRUE. */
  private boolean isTruthyLiteral(int k) {
    int i = idx(k);
    int from = qStart[i];
    int to = qStop[i];
    if (qType[i] == SqlLexer.WORD) {
      return qKw[i] == BOOLEAN && Ascii.regionEquals(text, from, to, "true");
    }
    if (qType[i] == SqlLexer.STRING) {
      from++; // past the quote
    }
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c >= '1' && c <= '9') {
        return true;
      }
      if (c != '0' && c != '.' && c != ' ' && c != '-' && c != '+') {
        return false;
      }
    }
    return false;
  }

  private boolean call() {
    int fc = functionClass(0);
    int from = start(0);
    int to = stopAt(0);
    sawVariableOrCall = true;
    if (fc == F_TIME) {
      feature(X_TIME, 0.95, from, to);
    } else if (fc == F_DANGEROUS) {
      feature(X_DANGEROUS, 0.9, from, to);
    } else if (fc == F_INFO) {
      feature(X_INFO, depth > 0 && parenKind[depth] == P_CALL ? 0.85 : 0.9, from, to);
      if (depth > 0 && parenKind[depth] == P_CALL) {
        // version() inside another call: LENGTH(version()), substring(user(),1,1)
        feature(X_EXTRACTION, 0.85, from, to);
      }
    }
    if (inTable(CHARACTER_CODES, 0) && isCall(2) && (inTable(EXTRACTORS, 2)
        || functionClass(2) == F_INFO)) {
      // ascii(substring(…)), ord(mid(…)), length(version())
      feature(X_EXTRACTION, 0.9, from, stopAt(2));
    } else if (inTable(EXTRACTORS, 0)
        && (isCall(2) && functionClass(2) == F_INFO || type(2) == SqlLexer.LPAREN
            && kw(3) == SELECT || isSystemVariable(2))) {
      // substring(version(),1,1), mid((select …),1,1), substr(@@version,1,1)
      feature(X_EXTRACTION, 0.9, from, stopAt(2));
    }
    if (afterLogic && fc != 0) {
      feature(X_BOOLEAN, 0.85, from, to);
    }
    advance(); // name
    advance(); // (
    if (!openParen(P_CALL)) {
      return false;
    }
    previousWasCallOpen = true;
    if (kw(0) == SELECT) {
      parenKind[depth] = P_SUBQUERY;
      return subquery();
    }
    return true;
  }

  private boolean openParen(int kind) {
    if (depth >= MAX_DEPTH) {
      return false;
    }
    depth++;
    parenKind[depth] = kind;
    clause[depth] = C_EXPR;
    between[depth] = false;
    state = EXPECT_OPERAND;
    previousWasCallOpen = false;
    operandRun = 0;
    comparePending = false;
    pendingTruthyCandidate = false;
    operandAfterCompare = false;
    return true;
  }

  private boolean closeParen() {
    advance();
    if (depth > 0) {
      if (parenKind[depth] == P_CASE) {
        return false;
      }
      depth--;
    } else {
      // a ')' at depth 0 closes one of the application's own parentheses
      closers++;
    }
    state = EXPECT_OPERATOR;
    lastOperandKind = K_OTHER;
    operandRun++;
    aliasAllowed = clause[depth] == C_FROM || clause[depth] == C_SELECT_LIST;
    previousWasCallOpen = false;
    return true;
  }

  /** At SELECT (the current token) inside parentheses. */
  private boolean subquery() {
    selectFeature(X_SUBQUERY, 0.9, start(0), stopAt(0));
    return select();
  }

  private boolean select() {
    advance(); // SELECT
    while (kw(0) == DISTINCT || kw(0) == ALL || kw(0) == SELECT_MODIFIER) {
      advance();
    }
    if (kw(0) == TOP) {
      // TOP n, TOP (n)
      advance();
      if (type(0) == SqlLexer.NUMBER) {
        advance();
      } else if (type(0) == SqlLexer.LPAREN && type(1) == SqlLexer.NUMBER
          && type(2) == SqlLexer.RPAREN) {
        advance();
        advance();
        advance();
      } else {
        return false;
      }
    }
    clause[depth] = C_SELECT_LIST;
    state = EXPECT_OPERAND;
    operandRun = 0;
    // a select list that starts with a literal, a call, a variable or '*' is SQL, not prose
    int t = type(0);
    if (t == SqlLexer.NUMBER || t == SqlLexer.STRING || t == SqlLexer.VARIABLE
        || t == SqlLexer.LPAREN || op(0) == SqlLexer.OP_STAR || kw(0) == NULL || isCall(0)) {
      selectCheckpoint();
    }
    return true;
  }

  // ---------------------------------------------------------------- operators

  /** Settles the pending constant comparison and truthy operand: arithmetic continues them. */
  private void settle(boolean continues) {
    if (pendingConstant) {
      pendingConstant = false;
      if (!continues) {
        constantComparison();
      }
    }
    if (pendingTruthy) {
      pendingTruthy = false;
      if (!continues) {
        // OR 1, OR '1', OR true: always true in MySQL
        feature(X_TRUTHY, 0.9, pendingTruthyFrom, pendingTruthyStop);
      }
    }
  }

  private void constantComparison() {
    // 1=1, 'a'='a', 2>1: with a boolean operator anywhere it is a tautology or its negation
    if (afterLogic || sawLogic) {
      feature(X_TAUTOLOGY, 0.95, compareFrom, pendingConstantStop);
      return;
    }
    boolean inside = depth > 0;
    if (inside) {
      // IIF(2510=9436,…), CASE WHEN 4518=5617 …
      feature(X_CONSTANT_COMPARISON, 0.8, compareFrom, pendingConstantStop);
    } else if (quotedContext() && compareLeftStart == 0 && tokenIndex <= 3
        && constantRightIsTokenLike()) {
      // aa'!='1, x'='x: the prefix compared with a constant right after the quote
      feature(X_CONSTANT_COMPARISON, 0.8, compareFrom, pendingConstantStop);
    }
  }

  private boolean constantRightIsTokenLike() {
    int from = lastLiteralStart;
    int to = lastLiteralStop;
    char first = text.charAt(from);
    if (first != '\'' && first != '"') {
      return true; // a number
    }
    int content = to - from - 1;
    if (content <= 0 || (content == 1 && !lastWasOpenString)) {
      return pendingConstantOp == CMP_EQUALITY;
    }
    if (content > 16) {
      return false;
    }
    for (int p = from + 1; p < to; p++) {
      if (Ascii.isSpaceOrControl(text.charAt(p))) {
        return false;
      }
    }
    return true;
  }

  private boolean operator() {
    int t = type(0);
    int o = op(0);
    settle(t == SqlLexer.STRING
        || (t == SqlLexer.OP && o != SqlLexer.OP_LOGIC && o != SqlLexer.OP_COMPARE
            && o != SqlLexer.OP_ASSIGN));
    if (t == SqlLexer.COMMA || t == SqlLexer.RPAREN || t == SqlLexer.SEMI) {
      selectCheckpoint();
    } else if (t == SqlLexer.WORD) {
      int k = kw(0);
      if (k == FROM || k == UNION || k == INTO || k == LIMIT || k == ORDER || k == GROUP
          || k == WHERE || k == HAVING || k == PROCEDURE) {
        selectCheckpoint();
      }
    }
    switch (t) {
      case SqlLexer.OP:
        return binaryOperator();
      case SqlLexer.RPAREN:
        return closeParen();
      case SqlLexer.COMMA:
        advance();
        if (depth == 0 && clause[0] == C_EXPR) {
          sawTopLevelComma = true;
        }
        state = EXPECT_OPERAND;
        operandRun = 0;
        operandAfterCompare = false;
        return true;
      case SqlLexer.SEMI:
        advance();
        state = STATEMENT;
        statementStart = false;
        return true;
      case SqlLexer.STRING:
        // adjacent string literals concatenate (MySQL); also an alias in a select list
        if (lastTokenWasString || aliasAllowed) {
          if (isOpenString(0) && !quotedContext()) {
            return false;
          }
          advance();
          aliasAllowed = false;
          return true;
        }
        return false;
      case SqlLexer.WORD:
        return wordOperator(kw(0));
      default:
        return false;
    }
  }

  private boolean binaryOperator() {
    int o = op(0);
    int from = start(0);
    int to = stopAt(0);
    if (o == SqlLexer.OP_LOGIC) {
      return logic(from, to, text.charAt(from) == '|');
    }
    if (o == SqlLexer.OP_COMPARE || o == SqlLexer.OP_ASSIGN) {
      return compare(from, to, CMP_EQUALITY);
    }
    if (o == SqlLexer.OP_CAST) {
      advance();
      if (type(0) != SqlLexer.WORD) {
        return false;
      }
      advance();
      state = EXPECT_OPERATOR;
      return true;
    }
    // arithmetic: the operand continues
    advance();
    binaryOperators++;
    state = EXPECT_OPERAND;
    lastOperandKind = K_OTHER;
    return true;
  }

  private boolean logic(int from, int to, boolean isOr) {
    advance();
    state = EXPECT_OPERAND;
    afterLogic = true;
    sawLogic = true;
    binaryOperators++;
    operandRun = 0;
    operandAfterCompare = false;
    comparePending = false;
    pendingTruthyCandidate = isOr;
    pendingTruthyFrom = from;
    feature(X_LOGIC, quotedContext() ? 0.75 : 0.7, from, to);
    return true;
  }

  private boolean compare(int from, int to, int kind) {
    // the left operand is one literal right before the operator (not the result of a comparison)
    compareLeftKind = operandRun == 1 && !operandAfterCompare ? lastOperandKind : K_OTHER;
    compareLeftStart = lastLiteralStart;
    compareFrom = compareLeftKind == K_LITERAL ? lastLiteralStart : from;
    compareOp = kind;
    comparePending = true;
    sawEquality |= kind == CMP_EQUALITY;
    advance();
    state = EXPECT_OPERAND;
    operandRun = 0;
    operandAfterCompare = true;
    binaryOperators++;
    if (afterLogic) {
      feature(X_BOOLEAN, 0.75, from, to);
    }
    return true;
  }

  private boolean wordOperator(int k) {
    switch (k) {
      case AND:
        if (between[depth]) {
          between[depth] = false;
          advance();
          state = EXPECT_OPERAND;
          return true;
        }
        return logic(start(0), stopAt(0), false);
      case OR:
        return logic(start(0), stopAt(0), true);
      case XOR:
        return logic(start(0), stopAt(0), false);
      case NOT:
        int n = kw(1);
        if (n == LIKE || n == IN || n == BETWEEN) {
          advance();
          return wordOperator(n);
        }
        return false;
      case LIKE:
        return compare(start(0), stopAt(0), CMP_PATTERN);
      case IS:
        return isOperator();
      case SOUNDS:
        if (kw(1) != LIKE) {
          return false;
        }
        advance();
        return compare(start(0), stopAt(0), CMP_PATTERN);
      case MEMBER:
        if (kw(1) != OF) {
          return false;
        }
        advance();
        return compare(start(0), stopAt(0), CMP_PATTERN);
      case IN:
        return inList();
      case BETWEEN:
        between[depth] = true;
        return compare(start(0), stopAt(0), CMP_PATTERN);
      case SEPARATOR:
      case USING:
        // GROUP_CONCAT(x SEPARATOR ','), CONVERT(x USING latin1)
        if (depth == 0 || parenKind[depth] != P_CALL) {
          return false;
        }
        advance();
        state = EXPECT_OPERAND;
        return true;
      case DIV:
      case COLLATE:
      case ESCAPE:
      case AGAINST:
        advance();
        binaryOperators++;
        state = EXPECT_OPERAND;
        return true;
      case UNION:
      case INTERSECT:
        return union();
      case FROM:
        if (clause[depth] != C_SELECT_LIST) {
          return false;
        }
        advance();
        clause[depth] = C_FROM;
        sawFrom = true;
        state = EXPECT_OPERAND;
        return true;
      case WHERE:
        advance();
        clause[depth] = C_EXPR;
        state = EXPECT_OPERAND;
        operandRun = 0;
        return true;
      case HAVING:
        return having();
      case GROUP:
      case ORDER:
      case PARTITION:
        return orderBy(k);
      case LIMIT:
      case OFFSET:
      case FETCH:
        if (depth == 0 && clause[0] == C_EXPR) {
          feature(X_CLAUSE, 0.7, start(0), stopAt(0));
        }
        advance();
        clause[depth] = C_LIMIT;
        state = EXPECT_OPERAND;
        return true;
      case ROWS:
        advance();
        state = EXPECT_OPERATOR;
        return true;
      case PROCEDURE:
        int pFrom = start(0);
        advance();
        if (!isCall(0)) {
          return false;
        }
        feature(X_DANGEROUS, 0.9, pFrom, stopAt(0));
        state = EXPECT_OPERAND;
        return true;
      case INTO:
        return into();
      case FOR:
        advance();
        if (kw(0) != UPDATE) {
          return false;
        }
        advance();
        return true;
      case LOCK:
        // LOCK IN SHARE MODE
        if (kw(1) == IN && kw(2) == SHARE && kw(3) == MODE) {
          for (int i = 0; i < 4; i++) {
            advance();
          }
          return true;
        }
        return false;
      case WITH:
        if (kw(1) == ROLLUP) {
          advance();
          advance();
          return true;
        }
        return false;
      case ASC:
        if (clause[depth] != C_ORDER) {
          return false;
        }
        advance();
        return true;
      case AS:
        advance();
        if (type(0) == SqlLexer.WORD || type(0) == SqlLexer.STRING) {
          advance();
          aliasAllowed = false;
          state = EXPECT_OPERATOR;
          return true;
        }
        return false;
      case WHEN:
      case THEN:
      case ELSE:
        if (!insideCase()) {
          return false;
        }
        advance();
        state = EXPECT_OPERAND;
        operandRun = 0;
        operandAfterCompare = false;
        return true;
      case END:
        if (depth == 0 || parenKind[depth] != P_CASE) {
          return false;
        }
        int endStop = stopAt(0);
        advance();
        depth--;
        feature(X_CASE, 0.75, caseStart, endStop);
        state = EXPECT_OPERATOR;
        lastOperandKind = K_OTHER;
        return true;
      case JOIN:
      case JOIN_MODIFIER:
        if (clause[depth] != C_FROM) {
          return false;
        }
        while (kw(0) == JOIN_MODIFIER) {
          advance();
        }
        if (kw(0) != JOIN) {
          return false;
        }
        advance();
        state = EXPECT_OPERAND;
        return true;
      case ON:
        if (clause[depth] != C_FROM) {
          return false;
        }
        advance();
        clause[depth] = C_EXPR;
        state = EXPECT_OPERAND;
        return true;
      case UNIT:
        advance();
        return true;
      case WINDOW_OVER:
        advance();
        if (type(0) != SqlLexer.LPAREN) {
          return false;
        }
        advance();
        return openParen(P_GROUP) && partitionOrOrder();
      case 0:
        // an identifier right after an operand is an alias, where aliases exist
        if (aliasAllowed && (flags(0) & SqlLexer.F_QUALIFIED) == 0 && !isCall(0)) {
          advance();
          aliasAllowed = false;
          return true;
        }
        return false;
      default:
        return followOnStatement(k);
    }
  }

  private boolean isOperator() {
    // IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM
    int n = kw(1) == NOT ? 2 : 1;
    int after = kw(n);
    if (after != NULL && after != BOOLEAN && !(after == DISTINCT && kw(n + 1) == FROM)) {
      return false;
    }
    int from = start(0);
    int to = stopAt(0);
    if (n == 2) {
      advance();
    }
    if (after == DISTINCT) {
      advance();
      advance();
    }
    return compare(from, to, CMP_PATTERN);
  }

  private boolean inList() {
    if (type(1) != SqlLexer.LPAREN) {
      return false;
    }
    int from = start(0);
    advance();
    advance();
    if (!openParen(P_LIST)) {
      return false;
    }
    if (afterLogic) {
      feature(X_BOOLEAN, 0.75, from, stopAt(0));
    }
    if (kw(0) == SELECT) {
      parenKind[depth] = P_SUBQUERY;
      return subquery();
    }
    return true;
  }

  private boolean having() {
    int from = start(0);
    advance();
    clause[depth] = C_EXPR;
    state = EXPECT_OPERAND;
    operandRun = 0;
    // HAVING with a condition: the HAVING 1=1 error probe
    afterLogic = true;
    feature(X_CLAUSE, 0.8, from, stopAt(0));
    return true;
  }

  private boolean orderBy(int k) {
    if (kw(1) != BY) {
      return false;
    }
    int from = start(0);
    advance();
    int to = stopAt(0);
    advance();
    if (depth == 0 && clause[0] != C_SELECT_LIST && clause[0] != C_FROM) {
      // ORDER BY 5 right after a value: counting the query's columns
      boolean probe = k == ORDER && type(0) == SqlLexer.NUMBER;
      feature(X_CLAUSE, probe ? 0.75 : 0.7, from, probe ? stopAt(0) : to);
    }
    clause[depth] = C_ORDER;
    state = EXPECT_OPERAND;
    operandRun = 0;
    return true;
  }

  private boolean into() {
    int from = start(0);
    advance();
    if (kw(0) == OUTFILE) {
      feature(X_OUTFILE, 0.95, from, stopAt(0));
      advance();
      state = EXPECT_OPERAND;
      return true;
    }
    if (type(0) == SqlLexer.VARIABLE || isIdentifier(0)) {
      advance();
      while (type(0) == SqlLexer.COMMA && type(1) == SqlLexer.VARIABLE) {
        advance();
        advance();
      }
      state = EXPECT_OPERATOR;
      return true;
    }
    return false;
  }

  private boolean partitionOrOrder() {
    int k = kw(0);
    if ((k == PARTITION || k == ORDER) && kw(1) == BY) {
      advance();
      advance();
      clause[depth] = C_ORDER;
    }
    state = EXPECT_OPERAND;
    if (type(0) == SqlLexer.RPAREN) {
      return closeParen();
    }
    return true;
  }

  private boolean insideCase() {
    for (int d = depth; d > 0; d--) {
      if (parenKind[d] == P_CASE) {
        return d == depth;
      }
      if (parenKind[d] != P_GROUP) {
        return false;
      }
    }
    return false;
  }

  private boolean union() {
    int from = start(0);
    advance();
    while (kw(0) == ALL || kw(0) == DISTINCT) {
      advance();
    }
    boolean probeLike = lastOperandKind == K_LITERAL || closers > 0;
    if (type(0) == SqlLexer.EOF && probeLike && ((flags(0) & SqlLexer.F_COMMENT_BEFORE) == 0
        || (flags(0) & SqlLexer.F_TRUNCATED) != 0)) {
      // -1 UNION: a probe cut at the operator ("European Union", "union #42" are not)
      feature(X_UNION_FRAGMENT, 0.75, from, text.length());
      incomplete = true;
      return false;
    }
    while (type(0) == SqlLexer.LPAREN) {
      advance();
      if (!openParen(P_GROUP)) {
        return false;
      }
    }
    if (kw(0) != SELECT) {
      return false;
    }
    if (type(1) == SqlLexer.EOF && probeLike) {
      // -1 UNION SELECT: cut right after SELECT
      feature(X_UNION_FRAGMENT, 0.8, from, text.length());
    }
    selectFeature(X_UNION, 0.95, from, stopAt(0));
    afterLogic = false;
    return select();
  }

  /**
   * T-SQL runs a statement that follows a complete expression without a ';' ({@code 'exec
   * xp_cmdshell …}, {@code FOO)) WAITFOR DELAY …}); so do stacked queries after one.
   */
  private boolean followOnStatement(int k) {
    if (depth != 0 || !isStatementKeyword(k)) {
      return false;
    }
    if (k == SELECT) {
      // 'select @@version …: only right after the quote (and closing parentheses), never after a
      // word or a phrase ("(see below) select one")
      if (!quotedContext() || tokenIndex != closers) {
        return false;
      }
      selectFeature(X_FOLLOW_SELECT, 0.85, start(0), stopAt(0));
      return select();
    }
    return statementHeadFeature(k, true, 0.9);
  }

  // ---------------------------------------------------------------- statements

  private boolean statement() {
    int k = kw(0);
    int t = type(0);
    if (t == SqlLexer.SEMI) {
      advance();
      return true;
    }
    boolean stacked = !statementStart;
    if (statementStart && (t != SqlLexer.WORD || !isStatementKeyword(k))) {
      // as-is context: the text continues after one of the application's operands
      state = EXPECT_OPERATOR;
      statementStart = false;
      return operator();
    }
    statementStart = false;
    if (k == SELECT) {
      if (stacked) {
        selectFeature(X_STACKED, 0.95, start(0), stopAt(0));
      } else {
        feature(X_STATEMENT, 0.7, start(0), stopAt(0));
      }
      return select();
    }
    return statementHeadFeature(k, stacked, 0.95);
  }

  private boolean statementHeadFeature(int k, boolean stacked, double confidence) {
    int from = start(0);
    if (!stacked && isControlFlow(k)) {
      // "if (a < b) then …": control flow alone is not a statement an application would run
      return false;
    }
    if (!statementHead(k)) {
      return false;
    }
    feature(stacked ? X_STACKED : X_STATEMENT, stacked ? confidence : 0.75, from, stopAt(1));
    // what follows a recognised statement head is not validated further
    fConfirmAt[stacked ? X_STACKED : X_STATEMENT] = tokenIndex;
    stop = true;
    return true;
  }

  private static boolean isControlFlow(int k) {
    return k == IF || k == WHILE || k == BEGIN || k == GOTO || k == PRINT || k == USE || k == SET
        || k == WITH;
  }

  private static boolean isStatementKeyword(int k) {
    switch (k) {
      case INSERT:
      case UPDATE:
      case DELETE:
      case DROP:
      case CREATE:
      case ALTER:
      case TRUNCATE:
      case EXEC:
      case DECLARE:
      case SET:
      case SHUTDOWN:
      case WAITFOR:
      case GRANT:
      case USE:
      case BEGIN:
      case LOAD:
      case CALL:
      case REPLACE:
      case IF:
      case HANDLER:
      case RENAME:
      case COPY:
      case WITH:
      case GOTO:
      case WHILE:
      case PRINT:
      case SELECT:
        return true;
      default:
        return false;
    }
  }

  /** Whether the tokens from the current one form the head of a real statement. */
  private boolean statementHead(int k) {
    switch (k) {
      case INSERT:
      case REPLACE:
        return kw(1) == INTO && isIdentifier(2) || k == INSERT && isIdentifier(1) && kw(2) == VALUES;
      case UPDATE:
        return isIdentifier(1) && kw(2) == SET;
      case DELETE:
        return kw(1) == FROM && isIdentifier(2) || isIdentifier(1) && kw(2) == FROM;
      case DROP:
      case CREATE:
      case ALTER:
        if (kw(1) == OBJECT_KIND || kw(1) == PROCEDURE) {
          return isIdentifier(2) || kw(2) == IF || type(2) == SqlLexer.STRING;
        }
        return isIdentifier(1) && isObjectWord(1) && (isIdentifier(2) || type(2) == SqlLexer.STRING)
            || k == DROP && isIdentifier(1) && endsStatement(2);
      case TRUNCATE:
        return kw(1) == OBJECT_KIND && isIdentifier(2) || isIdentifier(1) && endsStatement(2);
      case EXEC:
        if (type(1) == SqlLexer.LPAREN || type(1) == SqlLexer.VARIABLE) {
          return true;
        }
        if (kw(1) == AS && (isWord(2, "login") || isWord(2, "user"))) {
          return true;
        }
        if (type(1) != SqlLexer.WORD) {
          return false;
        }
        if (isProcedureName(1)) {
          return true;
        }
        int n = type(2);
        return isIdentifier(1)
            && (endsStatement(2) || n == SqlLexer.STRING || n == SqlLexer.NUMBER
                || n == SqlLexer.VARIABLE || n == SqlLexer.LPAREN);
      case DECLARE:
        return type(1) == SqlLexer.VARIABLE;
      case SET:
        return (type(1) == SqlLexer.VARIABLE || isIdentifier(1))
            && (op(2) == SqlLexer.OP_COMPARE || op(2) == SqlLexer.OP_ASSIGN);
      case SHUTDOWN:
        return endsStatement(1) || kw(1) == WITH || kw(1) == END;
      case WAITFOR:
        if ((kw(1) == DELAY || isWord(1, "time")) && type(2) == SqlLexer.STRING) {
          feature(X_TIME, 0.95, start(0), stopAt(2));
          fConfirmAt[X_TIME] = tokenIndex;
          return true;
        }
        return false;
      case GRANT:
        return kw(1) == ALL || isIdentifier(1) && (kw(2) == ON || type(2) == SqlLexer.COMMA);
      case USE:
        return isIdentifier(1) && (endsStatement(2) || isStatementKeyword(kw(2)));
      case BEGIN:
        return isCall(1) || isStatementKeyword(kw(1)) || isWord(1, "try")
            || isWord(1, "tran") || isWord(1, "transaction")
            || isIdentifier(1) && type(2) == SqlLexer.SEMI;
      case LOAD:
        return isWord(1, "data") || isWord(1, "xml");
      case CALL:
        return isCall(1);
      case IF:
      case WHILE:
        int t1 = type(1);
        return t1 == SqlLexer.LPAREN || kw(1) == NOT || kw(1) == EXISTS
            || (t1 == SqlLexer.NUMBER || t1 == SqlLexer.VARIABLE)
                && (op(2) == SqlLexer.OP_COMPARE);
      case HANDLER:
        return isIdentifier(1) && (kw(2) == OPEN || isWord(2, "read"));
      case RENAME:
        return kw(1) == OBJECT_KIND || isWord(1, "user");
      case COPY:
        return isIdentifier(1) && (kw(2) == FROM || isWord(2, "to"));
      case WITH:
        return isIdentifier(1) && kw(2) == AS && type(3) == SqlLexer.LPAREN;
      case GOTO:
        return isIdentifier(1) && (endsStatement(2) || isIdentifier(2) || isStatementKeyword(kw(2)));
      case PRINT:
        int p1 = type(1);
        return (p1 == SqlLexer.STRING || p1 == SqlLexer.VARIABLE || p1 == SqlLexer.NUMBER)
            && endsStatement(2);
      default:
        return false;
    }
  }

  private boolean isObjectWord(int k) {
    return isWord(k, "user") || isWord(k, "index") || isWord(k, "role") || isWord(k, "column")
        || isWord(k, "sequence") || isWord(k, "event") || isWord(k, "tablespace")
        || isWord(k, "type") || isWord(k, "extension") || isWord(k, "assembly")
        || isWord(k, "login") || isWord(k, "table");
  }

  private boolean isProcedureName(int k) {
    int i = idx(k);
    int from = qStart[i];
    return Ascii.startsWithIgnoreCase(text, from, "xp_")
        || Ascii.startsWithIgnoreCase(text, from, "sp_")
        || Ascii.startsWithIgnoreCase(text, from, "master.")
        || Ascii.startsWithIgnoreCase(text, from, "dbo.")
        || Ascii.startsWithIgnoreCase(text, from, "sys.");
  }

  private boolean endsStatement(int k) {
    int t = type(k);
    return t == SqlLexer.EOF || t == SqlLexer.SEMI || (flags(k) & SqlLexer.F_COMMENT_BEFORE) != 0;
  }
}
