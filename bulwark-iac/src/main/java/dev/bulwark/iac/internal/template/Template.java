package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Node;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template after parsing and intrinsic resolution: the input of the model mapping.
 *
 * @param file display name of the file (used in every location)
 * @param path the file on disk (to resolve relative {@code CodeUri}s)
 * @param location span of the whole file
 * @param isSam true when {@code Transform} includes {@code AWS::Serverless-2016-10-31}
 * @param globals the resolved SAM {@code Globals} section (empty map when absent)
 * @param resources resources in source order, by logical id
 * @param errors non-fatal problems met while reading (the template is still usable)
 * @param parameters the {@code Parameters} section as written (defaults unresolved)
 */
public record Template(
    String file,
    Path path,
    SourceLocation location,
    boolean isSam,
    Node.MapNode globals,
    Map<String, TemplateResource> resources,
    List<ScanError> errors,
    List<dev.bulwark.model.Parameter> parameters) {

  public Template {
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    errors = List.copyOf(errors);
    parameters = List.copyOf(parameters);
  }

  /** A template without parameters. */
  public Template(
      String file,
      Path path,
      SourceLocation location,
      boolean isSam,
      Node.MapNode globals,
      Map<String, TemplateResource> resources,
      List<ScanError> errors) {
    this(file, path, location, isSam, globals, resources, errors, List.of());
  }
}
