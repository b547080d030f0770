/**
 * Combination rules: a function reachable from the internet without authentication together
 * with what makes that dangerous (a powerful role, secrets, no concurrency limit). Messages show
 * the whole chain.
 */
@NullMarked
package dev.bulwark.rules.combo;

import org.jspecify.annotations.NullMarked;
