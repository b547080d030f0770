package dev.bulwark.runtime.detect;

import java.util.Locale;

/**
 * Classes of attack the detectors recognise; {@link Detectors#defaults()} has one detector for
 * each. See {@code docs/runtime.md} (Detection) for the rules of each class.
 */
public enum AttackClass {
  /** SQL injection: tautologies, UNION SELECT, stacked queries, blind and error-based probes. */
  SQL_INJECTION,
  /** MongoDB operator injection ({@code $ne}, {@code $where}) and {@code $where} JavaScript. */
  NOSQL_INJECTION,
  /** Cross-site scripting: script tags, event handlers, script URLs, breakouts. */
  XSS,
  /** OS command injection, Unix and Windows shells. */
  COMMAND_INJECTION,
  /** Path traversal and local file inclusion. */
  PATH_TRAVERSAL,
  /** Server-side request forgery: internal and metadata addresses, dangerous URL schemes. */
  SSRF,
  /** JNDI lookups (Log4Shell) and other Log4j lookups, however obfuscated. */
  JNDI_INJECTION,
  /** XML external entities, external DTDs, entity expansion, XInclude. */
  XXE,
  /** Server-side template injection: arithmetic probes and paths to code execution. */
  TEMPLATE_INJECTION,
  /** Prototype pollution through {@code __proto__} or {@code constructor.prototype}. */
  PROTOTYPE_POLLUTION,
  /** Serialized objects and gadget classes for Java, .NET, Python, PHP, Node.js and YAML. */
  DESERIALIZATION,
  /** CR/LF in header-bound values: header injection and response splitting. */
  CRLF_INJECTION;

  /** Lower-case kebab name used in events and metrics: {@code sql-injection}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
