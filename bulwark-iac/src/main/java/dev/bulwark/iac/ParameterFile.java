package dev.bulwark.iac;

import dev.bulwark.iac.internal.template.ParameterFileReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads template parameter values from a file, for {@link IacOptions#withParameters}. Three JSON
 * (or YAML) forms are understood:
 *
 * <ul>
 *   <li>the CloudFormation CLI list: {@code [{"ParameterKey": "Stage", "ParameterValue":
 *       "prod"}]} (entries with only {@code UsePreviousValue} are skipped: their value is not
 *       known);
 *   <li>a CodePipeline template configuration: {@code {"Parameters": {"Stage": "prod"}}} (other
 *       keys such as {@code Tags} are ignored);
 *   <li>a plain map: {@code {"Stage": "prod"}}.
 * </ul>
 *
 * Values may be strings, numbers or booleans; a list of values is joined with commas, as
 * CloudFormation expects for {@code CommaDelimitedList} parameters.
 *
 * <pre>{@code
 * try {
 *   Map<String, String> values = ParameterFile.read(Path.of("params/prod.json"));
 *   IacOptions options = IacOptions.defaults().withParameters(values);
 * } catch (ParameterFileException e) {
 *   System.err.println(e.getMessage()); // "params/prod.json:3: ParameterValue must be …"
 * }
 * }</pre>
 */
public final class ParameterFile {

  private ParameterFile() {}

  /**
   * Reads the parameter values of {@code file}, in file order.
   *
   * @throws ParameterFileException the file cannot be read or is not one of the forms above; the
   *     message names the file, the line and the reason
   */
  public static Map<String, String> read(Path file) throws ParameterFileException {
    return ParameterFileReader.read(file, file.toString());
  }
}
