package dev.bulwark.iac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for reading templates.
 *
 * @param parameters parameter values that override template defaults (from {@code --parameters});
 *     pseudo parameters such as {@code AWS::Region} or {@code AWS::AccountId} may be given here too
 * @param limits safety limits for untrusted input
 */
public record IacOptions(Map<String, String> parameters, Limits limits) {

  public IacOptions {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static IacOptions defaults() {
    return new IacOptions(Map.of(), Limits.defaults());
  }

  public IacOptions withParameters(Map<String, String> p) {
    return new IacOptions(p, limits);
  }

  /**
   * Safety limits. A file over a limit becomes a {@code LIMIT} scan error; the scan goes on.
   *
   * @param maxFileBytes largest file read (CloudFormation itself accepts 1 MB templates)
   * @param maxDepth deepest nesting of maps and lists
   * @param maxAliases most YAML aliases per file (alias bombs)
   * @param maxNodes most values per file after alias expansion
   */
  public record Limits(long maxFileBytes, int maxDepth, int maxAliases, int maxNodes) {
    public static Limits defaults() {
      return new Limits(16L * 1024 * 1024, 200, 100, 2_000_000);
    }
  }
}
