/** Amazon SNS rules: topic encryption and topic policies. */
@NullMarked
package dev.bulwark.rules.sns;

import org.jspecify.annotations.NullMarked;
