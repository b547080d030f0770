package dev.bulwark.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A baseline: the fingerprints of findings a team has accepted for now, so CI fails only on new
 * ones. Written with {@code --baseline-write FILE}, read with {@code --baseline FILE}. The file is
 * JSON: {@code {"version": 1, "tool": …, "findings": [{"fingerprint", "ruleId", "file",
 * "resource", "message"}]}}; only {@code fingerprint} is used when reading, the rest helps
 * reviewers.
 */
public final class Baseline {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Baseline() {}

  /**
   * Writes the unsuppressed findings of a report, atomically.
   *
   * @throws IOException when the file cannot be written
   */
  public static void write(Report report, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    root.put("tool", report.tool());
    ArrayNode list = root.putArray("findings");
    for (Finding f : report.findings()) {
      if (f.isSuppressed()
          && f.suppression().kind() != dev.bulwark.core.Suppression.Kind.BASELINE) {
        continue;
      }
      ObjectNode n = list.addObject();
      n.put("fingerprint", f.fingerprint());
      n.put("ruleId", f.ruleId());
      n.put("file", f.location().file());
      n.put("resource", f.resource() == null ? "" : f.resource().id());
      n.put("message", f.message());
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, ".baseline", ".tmp");
    try {
      Files.writeString(tmp, JSON.writeValueAsString(root) + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads the fingerprints of a baseline file.
   *
   * @throws IllegalArgumentException naming the file and the problem when it is not a baseline
   */
  public static Set<String> read(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > 64L * 1024 * 1024) {
        throw new IllegalArgumentException("baseline " + file + " is larger than 64 MiB");
      }
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "baseline " + file + " is not valid JSON (line "
              + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + "): "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read baseline " + file + ": " + e.getMessage());
    }
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new IllegalArgumentException(
          "baseline " + file + " has no \"findings\" list (write one with --baseline-write)");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode f : findings) {
      JsonNode fp = f.get("fingerprint");
      if (fp != null && fp.isTextual()) {
        out.add(fp.asText());
      }
    }
    return out;
  }
}
