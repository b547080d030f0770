package dev.bulwark.rules.support;

import dev.bulwark.model.IamActions;
import java.util.List;

/**
 * Judges the shape of API Gateway source ARNs ({@code
 * arn:<partition>:execute-api:<region>:<account>:<api-id>/<stage>/<method>/<path>}), known or
 * partly unknown: only wildcards written literally count, never {@code ${…}} placeholders.
 *
 * <pre>{@code
 * ExecuteApiArns.anyApi("arn:aws:execute-api:eu-west-1:111122223333:*");        // true
 * ExecuteApiArns.anyApi("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*"); // false
 * }</pre>
 */
public final class ExecuteApiArns {

  private ExecuteApiArns() {}

  /** True when the API id (before the first {@code /}) is missing or holds a wildcard. */
  public static boolean anyApi(String arn) {
    List<String> parts = IamActions.arnParts(arn);
    if (parts.size() < 6) {
      return hasWildcard(arn);
    }
    String rest = parts.get(5);
    int slash = rest.indexOf('/');
    String apiId = slash < 0 ? rest : rest.substring(0, slash);
    return apiId.isEmpty() || hasWildcard(apiId) || hasWildcard(parts.get(2));
  }

  /** True when the account part is missing or holds a wildcard. */
  public static boolean anyAccount(String arn) {
    List<String> parts = IamActions.arnParts(arn);
    return parts.size() < 6 || hasWildcard(parts.get(4));
  }

  /** A literal {@code *} or {@code ?}, outside {@code ${…}} placeholders. */
  public static boolean hasWildcard(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '*' || c == '?')) {
        return true;
      }
    }
    return false;
  }
}
