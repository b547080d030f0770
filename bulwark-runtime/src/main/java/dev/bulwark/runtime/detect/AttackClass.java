package dev.bulwark.runtime.detect;

import java.util.Locale;

/** Classes of attack the detectors recognise. */
public enum AttackClass {
  SQL_INJECTION,
  NOSQL_INJECTION,
  XSS,
  COMMAND_INJECTION,
  PATH_TRAVERSAL,
  SSRF,
  JNDI_INJECTION,
  XXE,
  TEMPLATE_INJECTION,
  PROTOTYPE_POLLUTION,
  DESERIALIZATION,
  CRLF_INJECTION;

  /** Lower-case kebab name used in events and metrics: {@code sql-injection}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
