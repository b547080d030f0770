package dev.bulwark.rules;

import dev.bulwark.model.CloudModel;

/**
 * A posture check: a pure function of the model. No fields but constants, no I/O, no logging.
 * Report on model values so locations come for free, and stay silent on unknown values.
 *
 * <pre>{@code
 * public void check(CloudModel model, Findings findings) {
 *   for (Function fn : model.functions()) {
 *     if (fn.tracing().is(t -> !t.equals("Active"))) {
 *       findings.report(fn, fn.tracing(), "Function " + fn.id() + " has tracing " + fn.tracing().shape());
 *     }
 *   }
 * }
 * }</pre>
 */
public interface Rule {

  void check(CloudModel model, Findings findings);
}
