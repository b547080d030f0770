/** Least-privilege rules for IAM roles, above all the execution roles of functions. */
@NullMarked
package dev.bulwark.rules.iam;

import org.jspecify.annotations.NullMarked;
