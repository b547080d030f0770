package dev.bulwark.runtime.internal.config;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** YAML configuration through snakeyaml-engine, loaded only for {@code .yaml}/{@code .yml} files. */
final class Yaml {
  private Yaml() {}

  static @Nullable Object load(String text, String source) {
    try {
      Class.forName("org.snakeyaml.engine.v2.api.Load", false, Yaml.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigReader.ConfigException(
          source + ": YAML configuration needs org.snakeyaml:snakeyaml-engine on the class path (or use bulwark.json)");
    }
    return Loader.load(text, source);
  }

  private static final class Loader {
    static @Nullable Object load(String text, String source) {
      LoadSettings settings = LoadSettings.builder()
          .setLabel(source)
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(20)
          .setCodePointLimit(1024 * 1024)
          .build();
      try {
        return new Load(settings).loadFromString(text);
      } catch (YamlEngineException e) {
        throw new ConfigReader.ConfigException(source + ": " + e.getMessage().replace('\n', ' '));
      }
    }
  }
}
