/** Built-in posture rules for AWS Lambda functions, their layers and their event sources. */
@NullMarked
package dev.bulwark.rules.lambda;

import org.jspecify.annotations.NullMarked;
