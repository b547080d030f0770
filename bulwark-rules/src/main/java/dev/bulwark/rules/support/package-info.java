/**
 * Helpers shared by built-in rules: secret detection in environment variables ({@link
 * dev.bulwark.rules.support.EnvSecrets}), descriptions of roles and exposure paths for messages.
 * Pure functions of model values, usable by any rule.
 */
@NullMarked
package dev.bulwark.rules.support;

import org.jspecify.annotations.NullMarked;
