/** AWS KMS rules: key policies and key rotation. */
@NullMarked
package dev.bulwark.rules.kms;

import org.jspecify.annotations.NullMarked;
