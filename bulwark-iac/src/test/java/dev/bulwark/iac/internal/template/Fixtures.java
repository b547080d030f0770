package dev.bulwark.iac.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.model.Node;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads the test fixtures under {@code src/test/resources/parse/}. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String resource) {
    URL url = Fixtures.class.getClassLoader().getResource("parse/" + resource);
    assertThat(url).as("fixture parse/%s", resource).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static TemplateReader.Result result(String resource, IacOptions options) {
    return TemplateReader.read(path(resource), resource, options);
  }

  static TemplateReader.Result result(String resource) {
    return result(resource, IacOptions.defaults());
  }

  /** Reads a fixture that must give a template. */
  static Template template(String resource, Map<String, String> parameters) {
    TemplateReader.Result r = result(resource, IacOptions.defaults().withParameters(parameters));
    assertThat(r.template()).as("template of %s (errors %s)", resource, r.errors()).isNotNull();
    return r.template();
  }

  static Template template(String resource) {
    return template(resource, Map.of());
  }

  /** Reads YAML or JSON text given inline. */
  static TemplateReader.Result text(String text) {
    return text(text, IacOptions.defaults());
  }

  static TemplateReader.Result text(String text, IacOptions options) {
    return TemplateReader.read(text, Path.of("inline.yaml"), "inline.yaml", options);
  }

  static Node.MapNode properties(Template t, String id) {
    assertThat(t.resources()).containsKey(id);
    return t.resources().get(id).properties();
  }

  static Node prop(Template t, String id, String key) {
    Node n = properties(t, id).get(key);
    assertThat(n).as("%s.%s", id, key).isNotNull();
    return n;
  }

  /** The text of a known scalar. */
  static String scalar(Node n) {
    assertThat(n).isInstanceOf(Node.Scalar.class);
    return ((Node.Scalar) n).value();
  }

  static List<String> texts(Node n) {
    assertThat(n).isInstanceOf(Node.ListNode.class);
    return ((Node.ListNode) n).items().stream().map(Fixtures::scalar).toList();
  }

  /** Errors as "line kind message" strings, for readable assertions. */
  static List<String> describe(List<ScanError> errors) {
    return errors.stream().map(e -> e.line() + " " + e.kind() + " " + e.message()).toList();
  }
}
