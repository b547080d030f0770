package dev.bulwark.runtime.detect.internal;

import static dev.bulwark.runtime.detect.internal.SqlKeywords.*;

/**
 * Decides whether a text is an SQL injection by lexing it in each context an injection starts
 * from and checking, with a tolerant SQL grammar, that it is a well-formed continuation of the
 * application's query there that does something an honest value never does.
 *
 * <p>Contexts: <b>as a number</b> (the text is placed where an operand is expected: {@code id=1 OR
 * 1=1}); <b>as is</b> (the text continues after an operand or is a statement: {@code UNION SELECT
 * …}, {@code ; DROP …}); and <b>after a closing quote</b>, single or double (the text starts inside a
 * string literal and breaks out of it at its first unescaped quote). In a quoted context the
 * application's own closing quote follows the text, so a real injection must end in a comment that
 * truncates it or in an open string that it closes.
 *
 * <p>Features found on the way carry a confidence: strong ones ({@code UNION SELECT}, a stacked
 * statement, a time-delay or file/command function, a subquery, {@code INTO OUTFILE}) stand once
 * the grammar has accepted a couple of tokens after them; weak ones (a boolean condition, a
 * tautology, a clause such as {@code ORDER BY}, comment truncation) only when the whole text parses
 * to a valid end. Natural language fails the grammar within a few tokens, which also keeps the cost
 * of benign text low.
 *
 * <p>Not thread-safe; one instance per thread through {@link #analyse}.
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

  // paren kinds
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

  private static final int MAX_DEPTH = 48;
  private static final int QUEUE = 8;
  private static final int CONFIRM_TOKENS = 2;

  // features: the rule name and confidence of each
  private static final int X_UNION = 0;
  private static final int X_STACKED = 1;
  private static final int X_TIME = 2;
  private static final int X_DANGEROUS = 3;
  private static final int X_SUBQUERY = 4;
  private static final int X_OUTFILE = 5;
  private static final int X_TAUTOLOGY = 6;
  private static final int X_BOOLEAN = 7;
  private static final int X_INFO = 8;
  private static final int X_CLAUSE = 9;
  private static final int X_STATEMENT = 10;
  private static final int X_QUOTE_COMPARE = 11;
  private static final int X_LOGIC = 12;
  private static final int X_TRUNCATION = 13;
  private static final int FEATURES = 14;

  private static final String[] RULE = {
    "sqli.union", "sqli.stacked-query", "sqli.time-delay", "sqli.dangerous-function",
    "sqli.subquery", "sqli.into-outfile", "sqli.tautology", "sqli.boolean-condition",
    "sqli.information-function", "sqli.clause", "sqli.statement", "sqli.quote-comparison",
    "sqli.boolean-operator", "sqli.comment-truncation"
  };
  private static final boolean[] STRONG = {
    true, true, true, true, true, true, false, false, false, false, false, false, false, false
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
  private SqlLexer lexer = new SqlLexer("", 0, 0);
  private String text = "";

  // parse state
  private int state;
  private int depth;
  private final int[] parenKind = new int[MAX_DEPTH + 1];
  private final int[] clause = new int[MAX_DEPTH + 1];
  private final boolean[] between = new boolean[MAX_DEPTH + 1];
  private boolean aliasAllowed;
  private int context;
  private int tokenIndex;
  private boolean afterLogic;
  private boolean sawFrom;
  private boolean statementStart;
  private boolean stop;

  // the last completed operand, for tautologies: kinds of the last three significant tokens
  private int compareLeftKind;
  private int compareAt = -1;
  private int operandRun;
  private int lastOperandKind;

  // features of the current context
  private final double[] fConf = new double[FEATURES];
  private final int[] fStart = new int[FEATURES];
  private final int[] fStop = new int[FEATURES];
  private final int[] fConfirmAt = new int[FEATURES];
  private final boolean[] fSeen = new boolean[FEATURES];

  // best result across contexts
  private double bestConf;
  private int bestFeature;
  private int bestStart;
  private int bestStop;

  private static final int K_NONE = 0;
  private static final int K_LITERAL = 1;
  private static final int K_OTHER = 2;

  static void analyse(Subject subject, int variant, Findings out) {
    SqlJudge j = LOCAL.get();
    j.run(subject.text(variant), subject.features(variant));
    if (j.bestConf > 0) {
      out.report(
          dev.bulwark.runtime.detect.AttackClass.SQL_INJECTION,
          RULE[j.bestFeature],
          j.bestConf,
          variant,
          j.bestStart,
          j.bestStop);
    }
  }

  private void run(String s, int features) {
    text = s;
    bestConf = 0;
    if ((features & (Subject.LETTER | Subject.SQUOTE | Subject.DQUOTE)) == 0) {
      return;
    }
    context(CTX_NUMBER, 0);
    context(CTX_AS_IS, 0);
    if ((features & Subject.SQUOTE) != 0) {
      context(CTX_SQUOTE, 0);
    }
    if ((features & Subject.DQUOTE) != 0) {
      context(CTX_DQUOTE, 0);
    }
  }

  // ---------------------------------------------------------------- context driver

  private void context(int ctx, int from) {
    context = ctx;
    lexer = new SqlLexer(text, from, text.length());
    lexerDone = false;
    eofFlags = 0;
    lastWasOpenString = false;
    closers = 0;
    pendingTautology = false;
    qHead = 0;
    qCount = 0;
    depth = 0;
    parenKind[0] = P_GROUP;
    clause[0] = C_EXPR;
    between[0] = false;
    aliasAllowed = false;
    tokenIndex = 0;
    afterLogic = false;
    sawFrom = false;
    stop = false;
    compareAt = -1;
    operandRun = 0;
    lastOperandKind = K_NONE;
    for (int i = 0; i < FEATURES; i++) {
      fSeen[i] = false;
    }
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
    int guard = 0;
    while (!stop) {
      if (++guard > text.length() + 16) {
        return false; // every step consumes a token; this cannot trigger, but bounds the loop
      }
      int t = type(0);
      if (t == SqlLexer.EOF) {
        if (state == EXPECT_OPERATOR) {
          settleTautology(false);
        }
        return endIsValid();
      }
      boolean ok;
      switch (state) {
        case EXPECT_OPERAND -> ok = operand();
        case EXPECT_OPERATOR -> ok = operator();
        default -> ok = statement();
      }
      if (!ok) {
        return false;
      }
      tokenIndex++;
    }
    return true;
  }

  private boolean endIsValid() {
    if (state == EXPECT_OPERAND) {
      return false;
    }
    if (state == STATEMENT && statementStart && tokenIndex == 0) {
      return false;
    }
    boolean truncated = (flags(0) & SqlLexer.F_TRUNCATED) != 0;
    if (quotedContext()) {
      return truncated
          || (lastWasOpenString && lastOpenQuote == (context == CTX_SQUOTE ? '\'' : '"'));
    }
    // open strings were already rejected outside quoted contexts
    return true;
  }

  private boolean lastWasOpenString;
  private int closers;
  private char lastOpenQuote;

  private void finish(boolean valid, int prefixEnd) {
    boolean truncated = type(0) == SqlLexer.EOF && (flags(0) & SqlLexer.F_TRUNCATED) != 0;
    boolean quoted = context == CTX_SQUOTE || context == CTX_DQUOTE;
    int endPos = text.length();
    for (int x = 0; x < FEATURES; x++) {
      if (!fSeen[x]) {
        continue;
      }
      boolean confirmed = valid || (STRONG[x] && tokenIndex >= fConfirmAt[x]);
      if (!confirmed) {
        continue;
      }
      double c = fConf[x];
      if (!STRONG[x]) {
        if (!valid) {
          continue;
        }
        if (x == X_LOGIC && !quoted && !truncated) {
          // "7 or 8", "cats and dogs": a bare boolean operator proves nothing
          continue;
        }
        if (x == X_INFO && !quoted && !fSeen[X_LOGIC] && !fSeen[X_BOOLEAN]) {
          // user(name): a call that happens to share a name with an information function
          continue;
        }
        if ((truncated || quoted) && c < 0.95) {
          c = Math.min(0.95, c + 0.05);
        }
      }
      offer(c, x, fStart[x], fStop[x]);
    }
    if (valid && quoted && truncated && tokenIndex == closers) {
      // nothing but a closing quote (and parentheses) before a comment: admin'--
      offer(0.7, X_TRUNCATION, Math.max(0, prefixEnd - 1), endPos);
    }
  }

  private void offer(double c, int feature, int from, int to) {
    if (c > bestConf) {
      bestConf = c;
      bestFeature = feature;
      bestStart = from;
      bestStop = to;
    }
  }

  private void feature(int x, double conf, int from, int to) {
    if (fSeen[x] && fConf[x] >= conf) {
      return;
    }
    fSeen[x] = true;
    fConf[x] = conf;
    fStart[x] = from;
    fStop[x] = to;
    fConfirmAt[x] = tokenIndex + CONFIRM_TOKENS;
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

  private boolean lexerDone;
  private int eofFlags;

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
    lastWasOpenString = qType[i] == SqlLexer.STRING && (qFlags[i] & SqlLexer.F_OPEN) != 0;
    lastOpenQuote = qQuote[i];
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

  /** A word (identifier or callable keyword) immediately followed by '(' is a function call. */
  private boolean isCall(int k) {
    if (type(k) != SqlLexer.WORD || type(k + 1) != SqlLexer.LPAREN) {
      return false;
    }
    int i = idx(k);
    return qKw[i] == 0 || SqlKeywords.CALLABLE_KEYWORDS.contains(text, qStart[i], qStop[i]);
  }

  private int functionClass(int k) {
    int i = idx(k);
    int from = qStart[i];
    int to = qStop[i];
    if ((qFlags[i] & SqlLexer.F_QUOTED_IDENT) != 0) {
      return 0;
    }
    return SqlKeywords.FUNCTIONS.get(text, from, to);
  }

  // ---------------------------------------------------------------- grammar

  private boolean operand() {
    int t = type(0);
    int k = kw(0);
    switch (t) {
      case SqlLexer.NUMBER, SqlLexer.VARIABLE -> {
        if (t == SqlLexer.VARIABLE && isSystemVariable(0)) {
          feature(X_INFO, 0.9, start(0), stopAt(0));
        }
        return completeOperand(K_LITERAL_OR(t));
      }
      case SqlLexer.STRING -> {
        if (isOpenString(0) && !quotedContext()) {
          return false;
        }
        return completeOperand(K_LITERAL);
      }
      case SqlLexer.LPAREN -> {
        advance();
        if (kw(0) == SELECT) {
          return openParen(P_SUBQUERY) && subquery();
        }
        return openParen(P_GROUP);
      }
      case SqlLexer.OP -> {
        int o = op(0);
        if (o == SqlLexer.OP_MINUS || o == SqlLexer.OP_PLUS || o == SqlLexer.OP_TILDE
            || o == SqlLexer.OP_BANG) {
          advance();
          return true;
        }
        if (o == SqlLexer.OP_STAR && (clause[depth] == C_SELECT_LIST || parenKind[depth] == P_CALL)) {
          return completeOperand(K_OTHER);
        }
        return false;
      }
      case SqlLexer.RPAREN -> {
        // empty argument list: f()
        if (depth > 0 && parenKind[depth] == P_CALL && previousWasCallOpen) {
          return closeParen();
        }
        return false;
      }
      case SqlLexer.WORD -> {
        return wordOperand(k);
      }
      default -> {
        return false;
      }
    }
  }

  private boolean previousWasCallOpen;

  private static int K_LITERAL_OR(int type) {
    return type == SqlLexer.NUMBER ? K_LITERAL : K_OTHER;
  }

  private boolean quotedContext() {
    return context == CTX_SQUOTE || context == CTX_DQUOTE;
  }

  private boolean isSystemVariable(int k) {
    int i = idx(k);
    return qStop[i] - qStart[i] > 2 && text.charAt(qStart[i] + 1) == '@';
  }

  private boolean wordOperand(int k) {
    if (isCall(0)) {
      return call();
    }
    switch (k) {
      case 0 -> {
        return completeOperand(K_OTHER);
      }
      case NULL, BOOLEAN -> {
        return completeOperand(K_LITERAL);
      }
      case DEFAULT -> {
        return completeOperand(K_OTHER);
      }
      case NOT, BINARY, EXISTS, DISTINCT, ALL, ANY, SOME, INTERVAL -> {
        advance();
        return true;
      }
      case CASE -> {
        advance();
        if (!openParen(P_CASE)) {
          return false;
        }
        state = EXPECT_OPERAND;
        if (kw(0) == WHEN) {
          advance();
        }
        return true;
      }
      case SELECT -> {
        // SELECT where an operand is expected only inside parentheses (handled there) or after
        // UNION (handled there)
        return false;
      }
      case UNIT -> {
        return completeOperand(K_OTHER);
      }
      default -> {
        return false;
      }
    }
  }

  private boolean completeOperand(int kind) {
    int operandStop = stopAt(0);
    if (compareAt >= 0 && operandRun == 0 && kind == K_LITERAL && compareLeftKind == K_LITERAL) {
      pendingTautology = true;
      pendingTautologyStop = operandStop;
    }
    compareAt = -1;
    advance();
    state = EXPECT_OPERATOR;
    lastOperandKind = kind;
    operandRun = operandRun + 1;
    aliasAllowed = clause[depth] == C_SELECT_LIST || clause[depth] == C_FROM;
    previousWasCallOpen = false;
    return true;
  }

  private boolean call() {
    int fc = functionClass(0);
    int from = start(0);
    int to = stopAt(0);
    if (fc == SqlKeywords.F_TIME) {
      feature(X_TIME, 0.95, from, to);
    } else if (fc == SqlKeywords.F_DANGEROUS) {
      feature(X_DANGEROUS, 0.9, from, to);
    } else if (fc == SqlKeywords.F_INFO) {
      feature(X_INFO, 0.9, from, to);
    }
    if (afterLogic) {
      feature(X_BOOLEAN, fc != 0 ? 0.85 : 0.75, from, to);
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
    compareAt = -1;
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
      closers++;
    }
    // a ')' at depth 0 closes one of the application's own parentheses
    state = EXPECT_OPERATOR;
    lastOperandKind = K_OTHER;
    aliasAllowed = clause[depth] == C_FROM || clause[depth] == C_SELECT_LIST;
    previousWasCallOpen = false;
    return true;
  }

  /** At SELECT (current token), inside a subquery or after UNION. */
  private boolean subquery() {
    int from = start(0);
    feature(X_SUBQUERY, 0.9, from, stopAt(0));
    return select();
  }

  private boolean select() {
    advance(); // SELECT
    while (kw(0) == DISTINCT || kw(0) == ALL || kw(0) == SELECT_MODIFIER) {
      advance();
    }
    if (kw(0) == TOP) {
      advance();
      if (type(0) != SqlLexer.NUMBER && type(0) != SqlLexer.LPAREN) {
        return false;
      }
    }
    clause[depth] = C_SELECT_LIST;
    state = EXPECT_OPERAND;
    return true;
  }

  private boolean operator() {
    int t = type(0);
    int o = op(0);
    settleTautology(
        t == SqlLexer.OP && o != SqlLexer.OP_LOGIC && o != SqlLexer.OP_COMPARE
            && o != SqlLexer.OP_ASSIGN);
    switch (t) {
      case SqlLexer.OP -> {
        return binaryOperator();
      }
      case SqlLexer.RPAREN -> {
        return closeParen();
      }
      case SqlLexer.COMMA -> {
        advance();
        state = EXPECT_OPERAND;
        operandRun = 0;
        return true;
      }
      case SqlLexer.SEMI -> {
        advance();
        state = STATEMENT;
        statementStart = false;
        return true;
      }
      case SqlLexer.STRING -> {
        // adjacent literals concatenate (MySQL); also an alias in a select list
        if (lastOperandKind == K_LITERAL || aliasAllowed) {
          if (isOpenString(0) && !quotedContext()) {
            return false;
          }
          advance();
          aliasAllowed = false;
          return true;
        }
        return false;
      }
      case SqlLexer.WORD -> {
        return wordOperator(kw(0));
      }
      default -> {
        return false;
      }
    }
  }

  private boolean binaryOperator() {
    int o = op(0);
    int from = start(0);
    int to = stopAt(0);
    if (o == SqlLexer.OP_LOGIC) {
      return logic(from, to);
    }
    if (o == SqlLexer.OP_COMPARE || o == SqlLexer.OP_ASSIGN) {
      return compare(from, to);
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
    state = EXPECT_OPERAND;
    operandRun++;
    lastOperandKind = K_OTHER;
    return true;
  }

  private boolean logic(int from, int to) {
    advance();
    state = EXPECT_OPERAND;
    afterLogic = true;
    compareAt = -1;
    operandRun = 0;
    feature(X_LOGIC, quotedContext() ? 0.75 : 0.7, from, to);
    return true;
  }

  private boolean compare(int from, int to) {
    // tautology check: the left operand is a single literal right before the operator
    compareLeftKind = operandRun == 1 ? lastOperandKind : K_OTHER;
    compareAt = tokenIndex;
    advance();
    state = EXPECT_OPERAND;
    operandRun = 0;
    if (afterLogic) {
      feature(X_BOOLEAN, 0.75, from, to);
    }
    pendingCompareFrom = from;
    return true;
  }

  private int pendingCompareFrom;
  private boolean pendingTautology;
  private int pendingTautologyStop;

  /**
   * When the operand right of a comparison is one literal and so was the left one, the comparison
   * is constant ({@code 1=1}, {@code 'a'='a'}) unless arithmetic continues the right operand; the
   * next operator settles it.
   */
  private void settleTautology(boolean arithmeticFollows) {
    if (!pendingTautology) {
      return;
    }
    pendingTautology = false;
    if (arithmeticFollows) {
      return;
    }
    if (afterLogic) {
      feature(X_TAUTOLOGY, 0.95, pendingCompareFrom, pendingTautologyStop);
    } else if (quotedContext() && depth == 0) {
      feature(X_QUOTE_COMPARE, 0.85, pendingCompareFrom, pendingTautologyStop);
    }
  }

  private boolean wordOperator(int k) {
    switch (k) {
      case AND -> {
        if (between[depth]) {
          between[depth] = false;
          advance();
          state = EXPECT_OPERAND;
          return true;
        }
        return logic(start(0), stopAt(0));
      }
      case OR, XOR -> {
        return logic(start(0), stopAt(0));
      }
      case NOT -> {
        int n = kw(1);
        if (n == LIKE || n == IN || n == BETWEEN) {
          advance();
          return wordOperator(n);
        }
        return false;
      }
      case LIKE, IS -> {
        if (k == IS && kw(1) == NOT) {
          advance();
        }
        return compare(start(0), stopAt(0));
      }
      case SOUNDS -> {
        if (kw(1) != LIKE) {
          return false;
        }
        advance();
        return compare(start(0), stopAt(0));
      }
      case MEMBER -> {
        if (kw(1) != OF) {
          return false;
        }
        advance();
        return compare(start(0), stopAt(0));
      }
      case IN -> {
        if (type(1) != SqlLexer.LPAREN) {
          // MySQL: IN BOOLEAN MODE after AGAINST(...)
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
      case BETWEEN -> {
        between[depth] = true;
        return compare(start(0), stopAt(0));
      }
      case DIV, COLLATE, ESCAPE, AGAINST -> {
        advance();
        state = EXPECT_OPERAND;
        return true;
      }
      case UNION, INTERSECT -> {
        return union();
      }
      case FROM -> {
        if (clause[depth] != C_SELECT_LIST) {
          return false;
        }
        advance();
        clause[depth] = C_FROM;
        sawFrom = true;
        state = EXPECT_OPERAND;
        return true;
      }
      case WHERE, HAVING -> {
        int from = start(0);
        if (clause[depth] == C_EXPR && depth == 0 && k == WHERE) {
          return false;
        }
        if (k == HAVING) {
          feature(X_CLAUSE, 0.75, from, stopAt(0));
        }
        advance();
        clause[depth] = C_EXPR;
        state = EXPECT_OPERAND;
        afterLogic = afterLogic || k == HAVING;
        return true;
      }
      case GROUP, ORDER, PARTITION -> {
        if (kw(1) != BY) {
          return false;
        }
        int from = start(0);
        advance();
        int to = stopAt(0);
        advance();
        if (depth == 0 && clause[0] != C_SELECT_LIST && clause[0] != C_FROM) {
          feature(X_CLAUSE, 0.75, from, to);
        }
        clause[depth] = C_ORDER;
        state = EXPECT_OPERAND;
        return true;
      }
      case LIMIT, OFFSET, FETCH -> {
        int from = start(0);
        advance();
        if (depth == 0 && clause[0] == C_EXPR) {
          feature(X_CLAUSE, 0.7, from, stopAt(0));
        }
        clause[depth] = C_LIMIT;
        state = EXPECT_OPERAND;
        return true;
      }
      case ROWS -> {
        advance();
        if (kw(0) == SqlKeywords.ROWS) {
          advance();
        }
        state = EXPECT_OPERATOR;
        return true;
      }
      case PROCEDURE -> {
        int from = start(0);
        advance();
        if (!isCall(0)) {
          return false;
        }
        feature(X_DANGEROUS, 0.9, from, stopAt(0));
        state = EXPECT_OPERAND;
        return true;
      }
      case INTO -> {
        int from = start(0);
        advance();
        if (kw(0) == OUTFILE) {
          advance();
          if (type(0) != SqlLexer.STRING) {
            return false;
          }
          feature(X_OUTFILE, 0.95, from, stopAt(0));
          advance();
          state = EXPECT_OPERATOR;
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
      case FOR -> {
        advance();
        if (kw(0) != UPDATE) {
          return false;
        }
        advance();
        return true;
      }
      case LOCK -> {
        // LOCK IN SHARE MODE
        if (kw(1) == IN && kw(2) == SHARE && kw(3) == MODE) {
          advance();
          advance();
          advance();
          advance();
          return true;
        }
        return false;
      }
      case WITH -> {
        if (kw(1) == ROLLUP) {
          advance();
          advance();
          return true;
        }
        return false;
      }
      case ASC -> {
        if (clause[depth] != C_ORDER) {
          return false;
        }
        advance();
        return true;
      }
      case AS -> {
        advance();
        if (type(0) == SqlLexer.WORD || type(0) == SqlLexer.STRING) {
          advance();
          aliasAllowed = false;
          state = EXPECT_OPERATOR;
          return true;
        }
        return false;
      }
      case WHEN, THEN, ELSE -> {
        if (!insideCase()) {
          return false;
        }
        advance();
        state = EXPECT_OPERAND;
        return true;
      }
      case END -> {
        if (depth == 0 || parenKind[depth] != P_CASE) {
          return false;
        }
        advance();
        depth--;
        state = EXPECT_OPERATOR;
        lastOperandKind = K_OTHER;
        return true;
      }
      case JOIN, JOIN_MODIFIER -> {
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
      }
      case ON -> {
        if (clause[depth] != C_FROM) {
          return false;
        }
        advance();
        clause[depth] = C_EXPR;
        state = EXPECT_OPERAND;
        return true;
      }
      case UNIT -> {
        advance();
        return true;
      }
      case WINDOW_OVER -> {
        advance();
        if (type(0) != SqlLexer.LPAREN) {
          return false;
        }
        advance();
        return openParen(P_GROUP) && partitionOrOrder();
      }
      case 0 -> {
        // an identifier right after an operand is an alias, where aliases exist
        if (aliasAllowed && (flags(0) & SqlLexer.F_QUALIFIED) == 0 && !isCall(0)) {
          advance();
          aliasAllowed = false;
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
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
    int parens = 0;
    while (type(0) == SqlLexer.LPAREN) {
      advance();
      if (!openParen(P_GROUP)) {
        return false;
      }
      parens++;
    }
    if (kw(0) != SELECT) {
      return false;
    }
    feature(X_UNION, 0.95, from, stopAt(0));
    clause[depth] = C_SELECT_LIST;
    afterLogic = false;
    return select();
  }

  private boolean statement() {
    int k = kw(0);
    int t = type(0);
    if (t == SqlLexer.SEMI) {
      advance();
      return true;
    }
    boolean stacked = !statementStart;
    if (statementStart && t != SqlLexer.WORD) {
      // as-is context: the text continues after one of the application's operands
      state = EXPECT_OPERATOR;
      statementStart = false;
      return operator();
    }
    int from = start(0);
    if (k == SELECT) {
      if (stacked) {
        feature(X_STACKED, 0.95, from, stopAt(0));
      }
      statementStart = false;
      return select();
    }
    if (statementStart && k != 0 && !isStatementKeyword(k)) {
      state = EXPECT_OPERATOR;
      statementStart = false;
      return operator();
    }
    if (statementHead(k)) {
      feature(stacked ? X_STACKED : X_STATEMENT, stacked ? 0.95 : 0.7, from, stopAt(0));
      // what follows a recognised statement head is not validated further
      for (int x = 0; x < FEATURES; x++) {
        fConfirmAt[x] = Math.min(fConfirmAt[x], tokenIndex);
      }
      stop = true;
      return true;
    }
    if (statementStart && k == 0) {
      return false;
    }
    return false;
  }

  private static boolean isStatementKeyword(int k) {
    switch (k) {
      case INSERT, UPDATE, DELETE, DROP, CREATE, ALTER, TRUNCATE, EXEC, DECLARE, SET, SHUTDOWN,
          WAITFOR, GRANT, USE, BEGIN, LOAD, CALL, REPLACE, IF, HANDLER, RENAME, COPY, WITH,
          SELECT -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Whether the tokens from the current one form the head of a real statement. */
  private boolean statementHead(int k) {
    switch (k) {
      case INSERT, REPLACE -> {
        return kw(1) == INTO && isIdentifier(2) || isIdentifier(1) && k == INSERT && kw(2) == VALUES;
      }
      case UPDATE -> {
        return isIdentifier(1) && kw(2) == SET;
      }
      case DELETE -> {
        return kw(1) == FROM && (isIdentifier(2)) || isIdentifier(1) && kw(2) == FROM;
      }
      case DROP, CREATE, ALTER -> {
        if (kw(1) == OBJECT_KIND || kw(1) == PROCEDURE || kw(1) == IF) {
          return true;
        }
        return isIdentifier(1) && isObjectWord(1) && (isIdentifier(2) || type(2) == SqlLexer.STRING);
      }
      case TRUNCATE -> {
        return kw(1) == OBJECT_KIND && isIdentifier(2) || isIdentifier(1) && endsStatement(2);
      }
      case EXEC -> {
        if (type(1) == SqlLexer.LPAREN || type(1) == SqlLexer.VARIABLE) {
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
      }
      case DECLARE -> {
        return type(1) == SqlLexer.VARIABLE;
      }
      case SET -> {
        int n = type(1);
        return (n == SqlLexer.VARIABLE || isIdentifier(1))
            && (op(2) == SqlLexer.OP_COMPARE || op(2) == SqlLexer.OP_ASSIGN);
      }
      case SHUTDOWN -> {
        return endsStatement(1) || kw(1) == WITH;
      }
      case WAITFOR -> {
        if ((kw(1) == DELAY || isWord(1, "time")) && type(2) == SqlLexer.STRING) {
          feature(X_TIME, 0.95, start(0), stopAt(2));
          return true;
        }
        return false;
      }
      case GRANT -> {
        return kw(1) == ALL || isIdentifier(1) && (kw(2) == ON || type(2) == SqlLexer.COMMA);
      }
      case USE -> {
        return isIdentifier(1) && endsStatement(2);
      }
      case BEGIN -> {
        return isCall(1) || (isIdentifier(1) && type(2) == SqlLexer.SEMI);
      }
      case LOAD -> {
        return isWord(1, "data") || isWord(1, "xml");
      }
      case CALL -> {
        return isCall(1);
      }
      case IF -> {
        return type(1) == SqlLexer.LPAREN || kw(1) == NOT || kw(1) == EXISTS;
      }
      case HANDLER -> {
        return isIdentifier(1) && (kw(2) == OPEN || isWord(2, "read"));
      }
      case RENAME -> {
        return kw(1) == OBJECT_KIND || isWord(1, "user");
      }
      case COPY -> {
        return isIdentifier(1) && (kw(2) == FROM || isWord(2, "to"));
      }
      case WITH -> {
        return isIdentifier(1) && kw(2) == AS && type(3) == SqlLexer.LPAREN;
      }
      default -> {
        return false;
      }
    }
  }

  private boolean isWord(int k, String lower) {
    int i = idx(k);
    return qType[i] == SqlLexer.WORD && Ascii.regionEquals(text, qStart[i], qStop[i], lower);
  }

  private boolean isObjectWord(int k) {
    return isWord(k, "user") || isWord(k, "index") || isWord(k, "role") || isWord(k, "column")
        || isWord(k, "sequence") || isWord(k, "event") || isWord(k, "tablespace")
        || isWord(k, "type") || isWord(k, "extension") || isWord(k, "assembly");
  }

  private boolean isProcedureName(int k) {
    int i = idx(k);
    int from = qStart[i];
    String lower = text.substring(from, Math.min(qStop[i], from + 32)).toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("xp_") || lower.startsWith("sp_") || lower.startsWith("master.")
        || lower.startsWith("dbo.") || lower.startsWith("sys.");
  }

  private boolean endsStatement(int k) {
    int t = type(k);
    return t == SqlLexer.EOF || t == SqlLexer.SEMI || (flags(k) & SqlLexer.F_COMMENT_BEFORE) != 0;
  }
}
