package dev.bulwark.rules.lambda;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Well-known publishers of public Lambda layers and the AWS accounts they publish from, as given
 * in each publisher's documentation (reviewed {@value RuntimeLifecycle#REVIEWED}). AWS publishes
 * some extensions from one account per region; those list the regions documented at review time.
 */
final class LayerPublishers {

  /**
   * A publisher.
   *
   * @param name who publishes
   * @param tracer true when its layers trace invocations themselves (X-Ray is then redundant)
   * @param accounts the accounts its layers are published from
   */
  record Publisher(String name, boolean tracer, Set<String> accounts) {}

  static final List<Publisher> ALL = List.of(
      new Publisher("Powertools for AWS Lambda (Python)", false, Set.of("017000801446")),
      new Publisher("Powertools for AWS Lambda (TypeScript)", false, Set.of("094274105915")),
      new Publisher("AWS SDK for pandas", false, Set.of("336392948345")),
      new Publisher("CloudWatch Lambda Insights", false, Set.of("580247275435")),
      new Publisher("AWS Distro for OpenTelemetry", true, Set.of("901920570463")),
      new Publisher("AWS Lambda Web Adapter", false, Set.of("753240598075")),
      new Publisher("AWS AppConfig Lambda extension", false, Set.of(
          "027255383542", "728743619870", "958113053741", "359756378197", "039592058896",
          "066940009817", "434848589818", "282860088358", "493207061005", "646970417810",
          "203683718741", "630222743974", "980059726660", "826293736237", "421114256042",
          "080788657173", "554480029851", "000010852771", "574348263942", "559955524753")),
      new Publisher("AWS Parameters and Secrets Lambda Extension", false, Set.of(
          "317013901791", "768336418462", "133490724326", "738900069198", "576959938190",
          "176022468876", "070087711984", "044395824272", "665172237481", "490737872127",
          "200266452380", "287114880934", "287310001119", "187925254637", "772501565639",
          "427196147048", "325218067255", "524103009944", "015030872274", "133256977650",
          "780235371811", "858974508948", "832021897121", "933737806257", "177933569100",
          "590474943231", "129776340158", "127562683043", "997803712105", "345057560386")),
      new Publisher("Datadog", true, Set.of("464622532012")),
      new Publisher("New Relic", true, Set.of("451483290750")),
      new Publisher("Lumigo", true, Set.of("114300393969")),
      new Publisher("Sentry", false, Set.of("943013980633")));

  private LayerPublishers() {}

  /** The publisher that owns an account, if it is a known one. */
  static Optional<Publisher> byAccount(String account) {
    for (Publisher p : ALL) {
      if (p.accounts().contains(account)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
