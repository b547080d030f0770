package dev.bulwark.iac.internal.mapping;

import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Node;
import dev.bulwark.model.Policy;
import dev.bulwark.model.PolicyDocument;
import dev.bulwark.model.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The SAM policy templates Bulwark knows ({@code sam/policy-templates.yaml}), expanded to their
 * real statements with the parameters the user gave.
 */
final class SamPolicyTemplates {

  /** One template: its statements and the parameters they use. */
  record Template(String name, List<StatementTemplate> statements, Set<String> parameters) {}

  /** One statement of a template; strings may hold {@code ${Parameter}} placeholders. */
  record StatementTemplate(
      List<String> actions, List<String> resources, Map<String, Map<String, String>> condition) {}

  private static final Map<String, Template> TEMPLATES = load();

  private SamPolicyTemplates() {}

  static Optional<Template> get(String name) {
    return Optional.ofNullable(TEMPLATES.get(name));
  }

  static Set<String> names() {
    return TEMPLATES.keySet();
  }

  /**
   * Expands a template call.
   *
   * @param parameters the parameters as written, by name
   * @param at where the template is called (the {@code Policies} entry)
   * @param onlyIf the unresolved condition the call depends on, or null
   * @param missing receives the names of parameters the template needs but the call lacks
   */
  static Policy expand(
      Template t,
      Map<String, Node> parameters,
      SourceLocation at,
      @Nullable String onlyIf,
      Pseudo pseudo,
      List<String> missing) {
    for (String p : t.parameters()) {
      if (!parameters.containsKey(p)) {
        missing.add(p);
      }
    }
    List<Statement> statements = new ArrayList<>();
    for (StatementTemplate st : t.statements()) {
      List<Attr<String>> actions = new ArrayList<>();
      for (String a : st.actions()) {
        actions.add(Attr.defaulted(a, at));
      }
      List<Attr<String>> resources = new ArrayList<>();
      for (String r : st.resources()) {
        resources.add(expand(r, parameters, at, pseudo));
      }
      List<Statement.Condition> conditions = new ArrayList<>();
      boolean conditionsKnown = true;
      for (Map.Entry<String, Map<String, String>> op : st.condition().entrySet()) {
        for (Map.Entry<String, String> key : op.getValue().entrySet()) {
          Attr<String> value = expand(key.getValue(), parameters, at, pseudo);
          conditionsKnown &= value.isKnown();
          conditions.add(new Statement.Condition(op.getKey(), key.getKey(), List.of(value), at));
        }
      }
      statements.add(
          new Statement(
              Attr.absent(at),
              Attr.defaulted("Allow", at),
              actions,
              false,
              resources,
              false,
              List.of(),
              false,
              conditions,
              conditionsKnown,
              onlyIf,
              at));
    }
    return new Policy(
        t.name(),
        new PolicyDocument(statements, true, at),
        new Policy.SamTemplate(t.name(), parameters),
        at);
  }

  /**
   * Expands one pattern. Fully known results are present (explicit when a parameter went into them,
   * defaulted when the template alone wrote them); anything else is unknown with its shape, e.g.
   * {@code arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Orders}}.
   */
  static Attr<String> expand(
      String pattern, Map<String, Node> parameters, SourceLocation at, Pseudo pseudo) {
    StringBuilder shape = new StringBuilder();
    List<String> refs = new ArrayList<>();
    boolean known = true;
    boolean usesParameter = false;
    SourceLocation location = at;
    int i = 0;
    while (i < pattern.length()) {
      int open = pattern.indexOf("${", i);
      if (open < 0) {
        shape.append(pattern, i, pattern.length());
        break;
      }
      int close = pattern.indexOf('}', open);
      if (close < 0) {
        shape.append(pattern, i, pattern.length());
        break;
      }
      shape.append(pattern, i, open);
      String name = pattern.substring(open + 2, close);
      if (name.startsWith("AWS::")) {
        Optional<String> v = pseudo.value(name);
        if (v.isPresent()) {
          shape.append(v.get());
        } else {
          shape.append("${").append(name).append('}');
          known = false;
        }
      } else {
        usesParameter = true;
        Node p = parameters.get(name);
        if (p == null) {
          shape.append("${").append(name).append('}');
          known = false;
        } else {
          location = p.location();
          Optional<String> text = p instanceof Node.Scalar ? p.text() : Optional.empty();
          if (text.isPresent()) {
            shape.append(text.get());
          } else {
            shape.append(p.shape());
            refs.addAll(p.references());
            known = false;
          }
        }
      }
      i = close + 1;
    }
    if (!known) {
      return Attr.unknown(location, shape.toString(), refs);
    }
    return usesParameter
        ? Attr.of(shape.toString(), location)
        : Attr.defaulted(shape.toString(), location);
  }

  // ------------------------------------------------------------------ loading

  private static Map<String, Template> load() {
    try (InputStream in =
        SamPolicyTemplates.class.getResourceAsStream("/sam/policy-templates.yaml")) {
      if (in == null) {
        throw new IllegalStateException("sam/policy-templates.yaml is missing from the classpath");
      }
      Object root = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      Map<String, Template> out = new HashMap<>();
      for (Map.Entry<?, ?> e : asMap(root).entrySet()) {
        String name = String.valueOf(e.getKey());
        List<StatementTemplate> statements = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>();
        for (Object s : asList(e.getValue())) {
          Map<?, ?> m = asMap(s);
          List<String> actions = strings(m.get("actions"));
          List<String> resources = strings(m.get("resources"));
          Map<String, Map<String, String>> condition = new LinkedHashMap<>();
          Object c = m.get("condition");
          if (c != null) {
            for (Map.Entry<?, ?> op : asMap(c).entrySet()) {
              Map<String, String> keys = new LinkedHashMap<>();
              for (Map.Entry<?, ?> k : asMap(op.getValue()).entrySet()) {
                keys.put(String.valueOf(k.getKey()), String.valueOf(k.getValue()));
                collectParameters(String.valueOf(k.getValue()), params);
              }
              condition.put(String.valueOf(op.getKey()), keys);
            }
          }
          resources.forEach(r -> collectParameters(r, params));
          statements.add(new StatementTemplate(actions, resources, condition));
        }
        out.put(
            name, new Template(name, List.copyOf(statements), Collections.unmodifiableSet(params)));
      }
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectParameters(String pattern, Set<String> out) {
    int i = 0;
    while ((i = pattern.indexOf("${", i)) >= 0) {
      int close = pattern.indexOf('}', i);
      if (close < 0) {
        return;
      }
      String name = pattern.substring(i + 2, close);
      if (!name.startsWith("AWS::")) {
        out.add(name);
      }
      i = close + 1;
    }
  }

  private static Map<?, ?> asMap(@Nullable Object o) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalStateException("sam/policy-templates.yaml: expected a map, found " + o);
  }

  private static List<?> asList(@Nullable Object o) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalStateException("sam/policy-templates.yaml: expected a list, found " + o);
  }

  private static List<String> strings(@Nullable Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : asList(o)) {
      out.add(String.valueOf(x));
    }
    return out;
  }
}
