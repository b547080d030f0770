/**
 * {@link dev.bulwark.runtime.devserve.DevServer}: serves a Lambda handler on 127.0.0.1 as API
 * Gateway HTTP API (payload 2.0) would, for {@code bulwark dev-serve} and local security testing.
 */
@NullMarked
package dev.bulwark.runtime.devserve;

import org.jspecify.annotations.NullMarked;
