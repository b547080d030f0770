/**
 * Attack detection on user-controlled values: each {@link dev.bulwark.runtime.detect.Detector}
 * looks at one {@link dev.bulwark.runtime.detect.Input} (a decoded value or key with its location in
 * the event) and returns {@link dev.bulwark.runtime.detect.Detection}s with a class, a rule, a
 * {@link dev.bulwark.runtime.detect.Confidence confidence}, the location and a short redacted
 * excerpt. {@link dev.bulwark.runtime.detect.Detectors#defaults()} combines the built-in detectors,
 * one per {@link dev.bulwark.runtime.detect.AttackClass}; {@link
 * dev.bulwark.runtime.detect.DetectionExceptions} exempts routes and fields.
 *
 * <pre>{@code
 * Detectors detectors = Detectors.defaults();
 * List<Detection> found = detectors.detect("GET /items", Input.value("query.id", "1 OR 1=1"));
 * // [Detection[attackClass=SQL_INJECTION, rule=sqli.tautology, confidence=0.95, …]]
 * }</pre>
 */
@NullMarked
package dev.bulwark.runtime.detect;

import org.jspecify.annotations.NullMarked;
