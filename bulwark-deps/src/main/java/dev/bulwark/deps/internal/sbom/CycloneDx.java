package dev.bulwark.deps.internal.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.Component.VersionKind;
import dev.bulwark.deps.SbomFormat;
import dev.bulwark.deps.SbomGroup;
import dev.bulwark.deps.internal.readers.ComponentSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;
import org.jspecify.annotations.Nullable;

/** Builds and serializes CycloneDX 1.6 BOMs. */
public final class CycloneDx {
  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-384", "SHA3-512",
          "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3");

  private static volatile @Nullable Map<String, String> spdxIds;

  private CycloneDx() {}

  /**
   * @param subject the name of what the BOM describes
   * @param subjectKind {@code function} or {@code application}
   * @param groups named parts (application BOM); empty for a single function
   * @param components the subject's own components (function BOM)
   */
  public static String write(
      String subject, String subjectKind, List<SbomGroup> groups, List<Component> components,
      Instant timestamp, SbomFormat format) {
    Bom bom = build(subject, subjectKind, groups, components, timestamp);
    try {
      return switch (format) {
        case JSON -> BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
        case XML -> BomGeneratorFactory.createXml(Version.VERSION_16, bom).toXmlString();
      };
    } catch (GeneratorException e) {
      throw new IllegalStateException("cannot serialize the SBOM: " + e.getMessage(), e);
    }
  }

  static Bom build(
      String subject, String subjectKind, List<SbomGroup> groups, List<Component> own,
      Instant timestamp) {
    ComponentSet set = new ComponentSet();
    own.forEach(set::add);
    groups.forEach(g -> g.components().forEach(set::add));
    List<Component> all = new ArrayList<>(set.components());
    all.sort(Comparator.comparing(Component::key));

    Map<String, String> refByKey = new LinkedHashMap<>();
    Set<String> usedRefs = new LinkedHashSet<>();
    String subjectRef = unique("bulwark:" + subjectKind + ":" + subject, usedRefs);
    Map<SbomGroup, String> groupRefs = new LinkedHashMap<>();
    for (SbomGroup g : groups) {
      groupRefs.put(g, unique("bulwark:" + g.kind() + ":" + g.name(), usedRefs));
    }
    for (Component c : all) {
      String purl = Purls.of(c);
      String ref = purl != null && c.versionKind() != VersionKind.DECLARED_RANGE ? purl : "bulwark:" + c.key();
      refByKey.put(c.key(), unique(ref, usedRefs));
    }

    Bom bom = new Bom();
    bom.setVersion(1);
    StringBuilder identity = new StringBuilder(subjectKind).append('\n').append(subject).append('\n')
        .append(timestamp).append('\n');
    groups.forEach(g -> identity.append(g.kind()).append(':').append(g.name()).append('\n'));
    refByKey.keySet().forEach(k -> identity.append(k).append('\n'));
    bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)));

    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(timestamp));
    ToolInformation tools = new ToolInformation();
    org.cyclonedx.model.Component tool = new org.cyclonedx.model.Component();
    tool.setType(org.cyclonedx.model.Component.Type.APPLICATION);
    tool.setGroup("dev.bulwark");
    tool.setName("bulwark");
    tool.setVersion(dev.bulwark.core.Version.current());
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    org.cyclonedx.model.Component subj = new org.cyclonedx.model.Component();
    subj.setType(org.cyclonedx.model.Component.Type.APPLICATION);
    subj.setName(subject);
    subj.setBomRef(subjectRef);
    subj.setProperties(List.of(new Property("bulwark:kind", subjectKind)));
    metadata.setComponent(subj);
    bom.setMetadata(metadata);

    List<org.cyclonedx.model.Component> components = new ArrayList<>();
    for (SbomGroup g : groups) {
      org.cyclonedx.model.Component gc = new org.cyclonedx.model.Component();
      gc.setType(org.cyclonedx.model.Component.Type.APPLICATION);
      gc.setName(g.name());
      gc.setBomRef(groupRefs.get(g));
      gc.setProperties(List.of(new Property("bulwark:kind", g.kind())));
      components.add(gc);
    }
    for (Component c : all) {
      components.add(component(c, refByKey.get(c.key())));
    }
    bom.setComponents(components);

    List<Dependency> deps = new ArrayList<>();
    if (groups.isEmpty()) {
      deps.add(dependency(subjectRef, roots(all), refByKey));
    } else {
      Dependency app = new Dependency(subjectRef);
      for (SbomGroup g : groups) {
        app.addDependency(new Dependency(groupRefs.get(g)));
      }
      deps.add(app);
      for (SbomGroup g : groups) {
        deps.add(dependency(groupRefs.get(g), roots(g.components()), refByKey));
      }
    }
    for (Component c : all) {
      deps.add(dependency(refByKey.get(c.key()), c.dependsOn(), refByKey));
    }
    bom.setDependencies(deps);
    return bom;
  }

  /** Keys of the direct components, or of all when none is marked direct. */
  private static List<String> roots(List<Component> cs) {
    List<String> direct = cs.stream().filter(Component::direct).map(Component::key).toList();
    return direct.isEmpty() ? cs.stream().map(Component::key).toList() : direct;
  }

  private static Dependency dependency(String ref, List<String> keys, Map<String, String> refByKey) {
    Dependency d = new Dependency(ref);
    Set<String> seen = new LinkedHashSet<>();
    for (String k : keys) {
      String target = refByKey.get(k);
      if (target != null && !target.equals(ref) && seen.add(target)) {
        d.addDependency(new Dependency(target));
      }
    }
    return d;
  }

  private static String unique(String ref, Set<String> used) {
    String r = ref;
    for (int i = 2; !used.add(r); i++) {
      r = ref + "#" + i;
    }
    return r;
  }

  private static org.cyclonedx.model.Component component(Component c, String ref) {
    org.cyclonedx.model.Component out = new org.cyclonedx.model.Component();
    out.setType(org.cyclonedx.model.Component.Type.LIBRARY);
    out.setBomRef(ref);
    Purls.Coordinates co = Purls.coordinates(c);
    if (co.namespace() != null) {
      out.setGroup(co.namespace());
    }
    out.setName(co.name());
    List<Property> props = new ArrayList<>();
    if (c.versionKind() == VersionKind.DECLARED_RANGE) {
      props.add(new Property("bulwark:declared-version", c.version()));
    } else {
      out.setVersion(c.version());
    }
    String purl = Purls.of(c);
    if (purl != null) {
      out.setPurl(purl);
    }
    switch (c.scope()) {
      case RUNTIME -> out.setScope(org.cyclonedx.model.Component.Scope.REQUIRED);
      case DEVELOPMENT, TEST -> out.setScope(org.cyclonedx.model.Component.Scope.EXCLUDED);
      default -> { }
    }
    List<Hash> hashes = new ArrayList<>();
    for (Map.Entry<String, String> h : c.hashes().entrySet()) {
      if (HASH_ALGORITHMS.contains(h.getKey())) {
        hashes.add(new Hash(h.getKey(), h.getValue()));
      } else {
        props.add(new Property("bulwark:hash:" + h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      }
    }
    if (!hashes.isEmpty()) {
      out.setHashes(hashes);
    }
    LicenseChoice licenses = licenses(c.licenses());
    if (licenses != null) {
      out.setLicenses(licenses);
    }
    props.add(new Property("bulwark:version-kind", c.versionKind().name().toLowerCase(Locale.ROOT)));
    props.add(new Property("bulwark:scope", c.scope().name().toLowerCase(Locale.ROOT)));
    props.add(new Property("bulwark:direct", Boolean.toString(c.direct())));
    if (!c.source().file().isEmpty()) {
      props.add(new Property("bulwark:source", c.source().toString()));
    }
    c.properties().forEach((k, v) -> props.add(new Property(k.contains(":") ? k : "bulwark:" + k, v)));
    out.setProperties(props);
    return out;
  }

  /**
   * One SPDX expression when there is a single license with an operator, else one entry per
   * license: by SPDX id when it is one (case-insensitively), by name otherwise.
   */
  static @Nullable LicenseChoice licenses(List<String> declared) {
    if (declared.isEmpty()) {
      return null;
    }
    LicenseChoice choice = new LicenseChoice();
    if (declared.size() == 1 && isExpression(declared.get(0))) {
      String e = declared.get(0);
      if (e.startsWith("(") && e.endsWith(")")) {
        e = e.substring(1, e.length() - 1).trim();
      }
      choice.setExpression(new Expression(e));
      return choice;
    }
    Map<String, String> ids = spdxIds();
    for (String l : declared) {
      License lic = new License();
      String id = ids.get(l.trim().toLowerCase(Locale.ROOT));
      if (id != null) {
        lic.setId(id);
      } else {
        lic.setName(l.trim());
      }
      choice.addLicense(lic);
    }
    return choice;
  }

  private static boolean isExpression(String s) {
    String u = " " + s.replace('(', ' ').replace(')', ' ') + " ";
    return u.contains(" OR ") || u.contains(" AND ") || u.contains(" WITH ");
  }

  /** The SPDX license ids the CycloneDX schema knows, by lower case. */
  private static Map<String, String> spdxIds() {
    Map<String, String> ids = spdxIds;
    if (ids != null) {
      return ids;
    }
    Map<String, String> loaded = new HashMap<>();
    try (InputStream in = Bom.class.getResourceAsStream("/spdx.schema.json")) {
      if (in != null) {
        JsonNode root = new ObjectMapper().readTree(in);
        for (JsonNode id : root.path("enum")) {
          loaded.put(id.asText().toLowerCase(Locale.ROOT), id.asText());
        }
      }
    } catch (IOException e) {
      // without the list every license is written by name, which is always valid
    }
    spdxIds = Map.copyOf(loaded);
    return spdxIds;
  }
}
