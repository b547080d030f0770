package dev.bulwark.rules.support;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads principals as written in resource and trust policies: service principals ({@code
 * sns.amazonaws.com}), accounts ({@code 111122223333}, {@code arn:aws:iam::111122223333:root},
 * role and user ARNs) and everyone ({@code *}).
 *
 * <pre>{@code
 * Principals.accountOf("arn:aws:iam::111122223333:role/ci"); // Optional[111122223333]
 * }</pre>
 */
public final class Principals {

  private Principals() {}

  /** True for a service principal: {@code s3.amazonaws.com}, {@code alexa-appkit.amazon.com}. */
  public static boolean isService(String principal) {
    String p = principal.toLowerCase(Locale.ROOT);
    return p.indexOf(':') < 0
        && p.indexOf('*') < 0
        && (p.endsWith(".amazonaws.com") || p.endsWith(".amazon.com")
            || p.endsWith(".amazonaws.com.cn"));
  }

  /** The service's short name: {@code s3} for {@code s3.amazonaws.com}. */
  public static String serviceName(String principal) {
    int dot = principal.indexOf('.');
    return (dot < 0 ? principal : principal.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  /**
   * The 12-digit account of an account principal: a bare account id or an IAM ARN ({@code
   * arn:<partition>:iam::<account>:root|role/…|user/…}); empty for anything else.
   */
  public static Optional<String> accountOf(String principal) {
    if (isAccountId(principal)) {
      return Optional.of(principal);
    }
    if (!principal.startsWith("arn:")) {
      return Optional.empty();
    }
    String[] parts = principal.split(":", 6);
    if (parts.length == 6 && parts[2].equals("iam") && isAccountId(parts[4])) {
      return Optional.of(parts[4]);
    }
    return Optional.empty();
  }

  /** True for exactly 12 ASCII digits. */
  public static boolean isAccountId(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
