package dev.bulwark.iac.internal.template;

import dev.bulwark.core.ScanError;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.ParameterFileException;
import dev.bulwark.iac.internal.template.RawNode.Entry;
import dev.bulwark.iac.internal.template.RawNode.RawList;
import dev.bulwark.iac.internal.template.RawNode.RawMap;
import dev.bulwark.iac.internal.template.RawNode.RawScalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads parameter files; see {@link dev.bulwark.iac.ParameterFile} for the forms. */
public final class ParameterFileReader {

  private ParameterFileReader() {}

  /** Reads {@code file}, named {@code displayName} in messages. */
  public static Map<String, String> read(Path file, String displayName)
      throws ParameterFileException {
    IacOptions.Limits limits = IacOptions.Limits.defaults();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) limits.maxFileBytes() + 1);
    } catch (IOException e) {
      throw new ParameterFileException(
          displayName, 0, "cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw new ParameterFileException(
          displayName, 0, "the file is larger than " + limits.maxFileBytes() + " bytes");
    }
    List<ScanError> errors = new ArrayList<>();
    RawNode root;
    try {
      String text = SourceText.decode(bytes, displayName);
      root = TemplateReader.parse(text, displayName, limits, errors);
    } catch (ReadFailure f) {
      throw new ParameterFileException(displayName, f.error().line(), f.error().message());
    }
    if (!errors.isEmpty()) {
      ScanError e = errors.get(0);
      throw new ParameterFileException(displayName, e.line(), e.message());
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root instanceof RawList list) {
      for (RawNode item : list.items) {
        listEntry(item, out, displayName);
      }
    } else if (root instanceof RawMap map) {
      RawNode wrapped = map.get("Parameters");
      if (wrapped instanceof RawList list) {
        for (RawNode item : list.items) {
          listEntry(item, out, displayName);
        }
        return out;
      }
      if (wrapped != null && !(wrapped instanceof RawMap)) {
        throw new ParameterFileException(displayName, wrapped.line(),
            "Parameters must be a map of values or a list of {ParameterKey, ParameterValue}"
                + " entries");
      }
      RawMap values = wrapped instanceof RawMap p ? p : map;
      for (Entry e : values.entryList()) {
        out.put(e.key(), value(e.value(), e.key(), displayName));
      }
    } else {
      throw new ParameterFileException(
          displayName,
          root.line(),
          "expected a list of {ParameterKey, ParameterValue} entries or a map of values");
    }
    return out;
  }

  private static void listEntry(RawNode item, Map<String, String> out, String file)
      throws ParameterFileException {
    if (!(item instanceof RawMap m)) {
      throw new ParameterFileException(
          file, item.line(), "each entry must be a map with ParameterKey and ParameterValue");
    }
    String key = m.get("ParameterKey") instanceof RawScalar k ? k.value() : null;
    if (key == null || key.isEmpty()) {
      throw new ParameterFileException(file, m.line(), "the entry has no ParameterKey");
    }
    RawNode v = m.get("ParameterValue");
    if (v == null) {
      if (m.get("UsePreviousValue") != null) {
        return;
      }
      throw new ParameterFileException(file, m.line(), "parameter " + key + " has no ParameterValue");
    }
    if (out.put(key, value(v, key, file)) != null) {
      throw new ParameterFileException(file, m.line(), "parameter " + key + " is given twice");
    }
  }

  private static String value(RawNode v, String key, String file) throws ParameterFileException {
    if (v instanceof RawScalar s) {
      return s.value() == null ? "" : s.value();
    }
    if (v instanceof RawList l) {
      List<String> parts = new ArrayList<>();
      for (RawNode i : l.items) {
        if (!(i instanceof RawScalar s)) {
          throw new ParameterFileException(
              file, i.line(), "the list value of " + key + " must hold plain values");
        }
        parts.add(s.value() == null ? "" : s.value());
      }
      return String.join(",", parts);
    }
    throw new ParameterFileException(
        file, v.line(), "the value of " + key + " must be a string, a number or a list");
  }
}
