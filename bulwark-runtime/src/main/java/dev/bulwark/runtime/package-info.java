/**
 * bulwark-runtime: the in-function protection library for Java AWS Lambda handlers.
 *
 * <p>Every invocation is decoded ({@link dev.bulwark.runtime.Trigger}), authenticated ({@link
 * dev.bulwark.runtime.Jwt}, {@link dev.bulwark.runtime.ApiKeys}, {@link
 * dev.bulwark.runtime.WebhookSignature}), validated ({@link dev.bulwark.runtime.Limits}, {@link
 * dev.bulwark.runtime.Route}), checked for attacks ({@link dev.bulwark.runtime.detect}),
 * rate-limited ({@link dev.bulwark.runtime.RateLimit}, {@link
 * dev.bulwark.runtime.InvocationBudget}) and logged ({@link dev.bulwark.runtime.SecurityEvent})
 * before the handler runs. Start with {@link dev.bulwark.runtime.Bulwark#protect}, {@link
 * dev.bulwark.runtime.Protection#builder()}, the wrapper class {@link
 * dev.bulwark.runtime.BulwarkHandler} or the base class {@link
 * dev.bulwark.runtime.BulwarkRequestHandler}; see {@code docs/runtime.md}.
 */
@NullMarked
package dev.bulwark.runtime;

import org.jspecify.annotations.NullMarked;
