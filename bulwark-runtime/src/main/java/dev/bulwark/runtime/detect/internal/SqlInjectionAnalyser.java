package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/** SQL injection: {@link SqlJudge} over the text and each decoded variant. */
public final class SqlInjectionAnalyser extends Analyser {

  @Override
  public int triggers() {
    return Subject.SPACE | Subject.CONTROL | Subject.SQUOTE | Subject.DQUOTE | Subject.LPAREN
        | Subject.HASH | Subject.SEMICOLON | Subject.EQUALS | Subject.LT | Subject.GT
        | Subject.PIPE | Subject.AMP | Subject.STAR | Subject.BANG | Subject.AT | Subject.PLUS
        | Subject.BACKTICK | Subject.NON_ASCII | Subject.MINUS | Subject.SLASH;
  }

  @Override
  public AttackClass attackClass() {
    return AttackClass.SQL_INJECTION;
  }

  @Override
  public void analyse(Subject subject, Findings out) {
    for (int v = 0; v < subject.count(); v++) {
      SqlJudge.analyse(subject, v, out);
    }
  }
}
