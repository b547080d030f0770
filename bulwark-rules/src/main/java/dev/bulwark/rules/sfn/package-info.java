/** AWS Step Functions rules: state machine logging and tracing. */
@NullMarked
package dev.bulwark.rules.sfn;

import org.jspecify.annotations.NullMarked;
