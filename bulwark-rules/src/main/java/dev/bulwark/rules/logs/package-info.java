/** Built-in posture rules for CloudWatch Logs log groups. */
@NullMarked
package dev.bulwark.rules.logs;

import org.jspecify.annotations.NullMarked;
