package dev.bulwark.runtime.detect.internal;

import java.util.List;

/** The built-in analysers, one per attack class, in {@link dev.bulwark.runtime.detect.AttackClass} order. */
public final class Analysers {

  private static final List<Analyser> ALL = List.of(
          new SqlInjectionAnalyser(),
          new NoSqlInjectionAnalyser(),
          new XssAnalyser(),
          new CommandInjectionAnalyser(),
          new PathTraversalAnalyser(),
          new SsrfAnalyser(),
          new JndiAnalyser(),
          new XxeAnalyser(),
          new TemplateInjectionAnalyser(),
          new PrototypePollutionAnalyser(),
          new DeserializationAnalyser(),
          new CrlfInjectionAnalyser());

  private Analysers() {}

  public static List<Analyser> all() {
    return ALL;
  }
}
