package dev.bulwark.rules;

import dev.bulwark.core.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on the rule class.
 *
 * <pre>{@code
 * @RuleInfo(
 *     id = "LAMBDA-004",
 *     title = "Function URL allows unauthenticated access",
 *     severity = Severity.HIGH,
 *     remediation = "Set the URL's AuthType to AWS_IAM or put an authenticating API in front.",
 *     tags = {"exposure", "authentication"})
 * public final class PublicFunctionUrl implements Rule { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** Stable id {@code <SERVICE>-<NNN>}; never reused. */
  String id();

  /** Neutral statement of the problem, at most 80 characters, no trailing period. */
  String title();

  Severity severity();

  /** One imperative sentence. */
  String remediation();

  String[] tags() default {};

  /** Former ids, so suppressions written for them keep working. */
  String[] aliases() default {};

  /** False for rules that run only in the {@code all} profile (noisy or low-value baselines). */
  boolean enabledByDefault() default true;
}
