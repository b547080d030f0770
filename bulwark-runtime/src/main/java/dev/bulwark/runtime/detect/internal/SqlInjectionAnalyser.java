package dev.bulwark.runtime.detect.internal;

import dev.bulwark.runtime.detect.AttackClass;

/** SQL injection: {@link SqlJudge} over the text and each decoded variant. */
public final class SqlInjectionAnalyser extends Analyser {

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
