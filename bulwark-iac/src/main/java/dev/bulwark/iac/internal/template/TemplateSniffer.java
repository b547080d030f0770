package dev.bulwark.iac.internal.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Cheap recognition of CloudFormation and SAM templates by content, on the first bytes of a file.
 *
 * <p>A template is YAML or JSON whose top level has {@code AWSTemplateFormatVersion}, or a {@code
 * Transform} that includes {@code AWS::Serverless-2016-10-31}, or a {@code Resources} mapping
 * whose entries have a {@code Type} of {@code AWS::…} or {@code Custom::…}. Only top-level keys
 * count, so a Serverless Framework {@code serverless.yml} (whose {@code Resources} sit under
 * {@code resources}) is not taken. Binary content and files whose extension says they are
 * something else (Markdown, Terraform, source code) are refused. Never throws.
 */
public final class TemplateSniffer {

  private static final String SAM = Resolver.SAM_TRANSFORM;
  private static final JsonFactory JSON = new JsonFactory();

  /** Recognition looks at no more than this many bytes, whatever it is given. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Extensions of files that are never templates, even when they quote one. */
  private static final Set<String> OTHER_FORMATS =
      Set.of(
          "adoc", "c", "cs", "go", "hcl", "htm", "html", "java", "js", "kt", "markdown", "md",
          "mjs", "py", "rb", "rs", "rst", "sh", "tf", "tfvars", "toml", "ts", "xml");

  private TemplateSniffer() {}

  /** True when {@code head} (the first bytes of {@code file}) looks like a template. */
  public static boolean looksLikeTemplate(Path file, byte[] head) {
    try {
      Path name = file.getFileName();
      if (name != null && OTHER_FORMATS.contains(extension(name.toString()))) {
        return false;
      }
      byte[] h = head.length > HEAD_BYTES ? Arrays.copyOf(head, HEAD_BYTES) : head;
      if (SourceText.indexOfNul(h, h.length) >= 0) {
        return false;
      }
      CharSequence text = decodeLeniently(h);
      return TemplateReader.looksLikeJson(text) ? jsonLooksLikeTemplate(text) : yamlLooksLikeTemplate(text);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static CharSequence decodeLeniently(byte[] head) {
    int start = SourceText.hasBom(head) ? 3 : 0;
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer out = CharBuffer.allocate(head.length);
    d.decode(ByteBuffer.wrap(head, start, head.length - start), out, true);
    out.flip();
    return out;
  }

  // ------------------------------------------------------------------ JSON

  private static boolean jsonLooksLikeTemplate(CharSequence text) {
    try (JsonParser p = JSON.createParser(text.toString())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        switch (key) {
          case "AWSTemplateFormatVersion":
            return true;
          case "Transform":
            if (v == JsonToken.VALUE_STRING) {
              if (SAM.equals(p.getText())) {
                return true;
              }
            } else if (v == JsonToken.START_ARRAY) {
              while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (t == JsonToken.VALUE_STRING && SAM.equals(p.getText())) {
                  return true;
                }
                p.skipChildren();
              }
            } else {
              p.skipChildren();
            }
            break;
          case "Resources":
            if (v == JsonToken.START_OBJECT && jsonResourcesHaveTypes(p)) {
              return true;
            }
            p.skipChildren();
            break;
          default:
            p.skipChildren();
            break;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      // the head may end in the middle of the document: what was seen so far decided nothing
      return false;
    }
  }

  /** Reads the first resource entry: true when it has a Type of AWS::… or Custom::…. */
  private static boolean jsonResourcesHaveTypes(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME || p.nextToken() != JsonToken.START_OBJECT) {
      return false;
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("Type")) {
        return v == JsonToken.VALUE_STRING && isResourceType(p.getText());
      }
      p.skipChildren();
    }
    return false;
  }

  static boolean isResourceType(String s) {
    return (s.startsWith("AWS::") || s.startsWith("Custom::") || s.startsWith("Alexa::"))
        && s.length() > 7;
  }

  // ------------------------------------------------------------------ YAML

  /**
   * Scans lines: top-level keys start at column 0; within a top-level {@code Resources} block, a
   * {@code Type:} line with an AWS or custom type decides; a top-level {@code Transform} decides
   * when it names the SAM transform on its line or in its indented list.
   */
  private static boolean yamlLooksLikeTemplate(CharSequence text) {
    int n = text.length();
    int i = 0;
    int block = 0; // 0 none, 1 Resources, 2 Transform
    int documents = 0;
    while (i < n) {
      int end = i;
      while (end < n && text.charAt(end) != '\n') {
        end++;
      }
      int lineEnd = end > i && text.charAt(end - 1) == '\r' ? end - 1 : end;
      String line = text.subSequence(i, lineEnd).toString();
      i = end + 1;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      boolean topLevel = line.charAt(0) != ' ' && line.charAt(0) != '\t';
      if (topLevel) {
        if (line.startsWith("---")) {
          if (++documents > 1) {
            return false;
          }
          continue;
        }
        if (line.startsWith("%") || line.startsWith("...")) {
          continue;
        }
        String key = topLevelKey(line);
        String rest = key == null ? "" : afterColon(line);
        block = 0;
        if (key == null) {
          continue;
        }
        if (key.equals("AWSTemplateFormatVersion")) {
          return true;
        }
        if (key.equals("Transform")) {
          if (rest.contains(SAM)) {
            return true;
          }
          block = 2;
        } else if (key.equals("Resources")) {
          if (hasResourceType(rest.strip())) {
            return true;
          }
          block = 1;
        }
        continue;
      }
      if (block == 2 && trimmed.contains(SAM)) {
        return true;
      }
      if (block == 1 && hasResourceType(trimmed)) {
        return true;
      }
    }
    return false;
  }

  /** The key of a top-level {@code key: value} line (quotes removed), or null. */
  private static String topLevelKey(String line) {
    char q = line.charAt(0);
    if (q == '"' || q == '\'') {
      int close = line.indexOf(q, 1);
      if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != ':') {
        return null;
      }
      return line.substring(1, close);
    }
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    if (colon + 1 < line.length() && line.charAt(colon + 1) != ' ' && line.charAt(colon + 1) != '\t') {
      return null;
    }
    return line.substring(0, colon).strip();
  }

  private static String afterColon(String line) {
    int colon = line.indexOf(':', line.charAt(0) == '"' || line.charAt(0) == '\'' ? line.indexOf(line.charAt(0), 1) : 0);
    return colon < 0 ? "" : line.substring(colon + 1);
  }

  /** True when a line of the Resources block sets {@code Type: AWS::…} (block or flow style). */
  private static boolean hasResourceType(String trimmed) {
    int from = 0;
    while (true) {
      int at = trimmed.indexOf("Type", from);
      if (at < 0) {
        return false;
      }
      from = at + 4;
      if (at > 0) {
        char before = trimmed.charAt(at - 1);
        if (before != '{' && before != ',' && before != ' ' && before != '"' && before != '\'') {
          continue;
        }
      }
      int j = at + 4;
      if (j < trimmed.length() && (trimmed.charAt(j) == '"' || trimmed.charAt(j) == '\'')) {
        j++;
      }
      if (j >= trimmed.length() || trimmed.charAt(j) != ':') {
        continue;
      }
      j++;
      while (j < trimmed.length() && (trimmed.charAt(j) == ' ' || trimmed.charAt(j) == '"' || trimmed.charAt(j) == '\'')) {
        j++;
      }
      if (isResourceType(trimmed.substring(j))) {
        return true;
      }
    }
  }
}
