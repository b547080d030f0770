/**
 * The rule contract and the built-in posture rules.
 *
 * <p>A rule is a small {@code final} class annotated with {@link dev.bulwark.rules.RuleInfo},
 * implementing {@link dev.bulwark.rules.Rule}: a pure function of the {@link
 * dev.bulwark.model.CloudModel} that reports through {@link dev.bulwark.rules.Findings}. Built-in
 * rules live in {@code dev.bulwark.rules.<service>} packages and are registered in {@link
 * dev.bulwark.rules.BuiltinRules}.
 */
@NullMarked
package dev.bulwark.rules;

import org.jspecify.annotations.NullMarked;
