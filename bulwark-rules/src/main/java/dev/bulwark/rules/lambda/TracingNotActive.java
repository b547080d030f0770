package dev.bulwark.rules.lambda;

import dev.bulwark.core.Severity;
import dev.bulwark.model.Attr;
import dev.bulwark.model.CloudModel;
import dev.bulwark.model.Function;
import dev.bulwark.model.Ref;
import dev.bulwark.rules.Findings;
import dev.bulwark.rules.Rule;
import dev.bulwark.rules.RuleInfo;
import java.util.Optional;

@RuleInfo(
    id = "LAMBDA-009",
    title = "Function does not have active X-Ray tracing",
    severity = Severity.LOW,
    remediation = "Set Tracing to Active on the function (or in the SAM Globals).",
    tags = {"observability", "tracing"})
public final class TracingNotActive implements Rule {

  @Override
  public void check(CloudModel model, Findings findings) {
    for (Function fn : model.functions()) {
      if (fn.tracing().is(mode -> !mode.equals("Active")) && !hasTracerLayer(fn)) {
        findings.report(fn, fn.tracing(), "Function " + fn.id() + ": X-Ray tracing is "
            + fn.tracing().shape() + (fn.tracing().isExplicit() ? "" : " (the default)"));
      }
    }
  }

  /** A tracing vendor's layer (Datadog, New Relic, Lumigo, OpenTelemetry) traces instead. */
  private static boolean hasTracerLayer(Function fn) {
    for (Attr<Ref> layer : fn.layers()) {
      Optional<LayerOrigin> origin = LayerOrigin.of(layer);
      if (origin.isPresent() && LayerPublishers.byAccount(origin.get().account())
          .map(LayerPublishers.Publisher::tracer).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
