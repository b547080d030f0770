/**
 * Attack detection on user-controlled values: each {@link dev.bulwark.runtime.detect.Detector}
 * looks at one {@link dev.bulwark.runtime.detect.Input} (a decoded value or key with its location in
 * the event) and returns {@link dev.bulwark.runtime.detect.Detection}s. {@link
 * dev.bulwark.runtime.detect.Detectors#defaults()} combines the built-in detectors.
 */
@NullMarked
package dev.bulwark.runtime.detect;

import org.jspecify.annotations.NullMarked;
