package dev.bulwark.deps.internal.osv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one OSV JSON document with Jackson's streaming parser, keeping only what matching and
 * reporting need: {@code details}, {@code references}, {@code credits} and unknown fields are
 * skipped without being kept. Nesting depth, string and document length are bounded by the
 * limits. Affected packages of unsupported ecosystems are left out.
 */
public final class OsvReader {

  private static final int SUMMARY_LENGTH = 200;
  private static final int MAX_ID_LENGTH = 256;

  private final JsonFactory factory;

  public OsvReader(VulnerabilityDatabase.Limits limits) {
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth())
                    .maxDocumentLength(limits.maxFileBytes())
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
  }

  /**
   * Reads one document.
   *
   * @param source the file (or archive entry) as displayed in messages and kept in the advisory
   * @throws OsvException for malformed JSON, a missing id, a field of the wrong type, or a limit
   */
  public Advisory read(InputStream in, String source) throws OsvException {
    try (JsonParser p = factory.createParser(in)) {
      return new Document(p, source).read();
    } catch (StreamConstraintsException e) {
      throw new OsvException(ScanError.Kind.LIMIT, 0, e.getOriginalMessage());
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new OsvException(ScanError.Kind.PARSE, line, "malformed JSON: " + e.getOriginalMessage());
    } catch (OsvLoader.LimitExceeded e) {
      throw new OsvException(ScanError.Kind.LIMIT, 0, e.getMessage());
    } catch (CharConversionException e) {
      throw new OsvException(ScanError.Kind.PARSE, 0, "not UTF-8 JSON: " + e.getMessage());
    } catch (IOException e) {
      throw new OsvException(ScanError.Kind.IO, 0, "cannot read: " + e.getMessage());
    }
  }

  /** One parse: the parser and the fields read so far. */
  private static final class Document {
    private final JsonParser p;
    private final String source;
    private @Nullable String id;
    private List<String> aliases = List.of();
    private Instant modified = Instant.EPOCH;
    private @Nullable Instant withdrawn;
    private String summary = "";
    private String details = "";
    private List<Advisory.Score> severity = List.of();
    private @Nullable String qualitative;
    private final List<Advisory.Affected> affected = new ArrayList<>();

    Document(JsonParser p, String source) {
      this.p = p;
      this.source = source;
    }

    Advisory read() throws IOException, OsvException {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid("an OSV document is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (field) {
          case "id":
            id = string(field);
            break;
          case "aliases":
            aliases = strings(field);
            break;
          case "modified":
            modified = instant(string(field)).orElse(Instant.EPOCH);
            break;
          case "withdrawn":
            withdrawn = instant(string(field)).orElse(Instant.EPOCH);
            break;
          case "summary":
            summary = string(field);
            break;
          case "details":
            details = string(field);
            break;
          case "severity":
            severity = scores(field);
            break;
          case "affected":
            readAffected();
            break;
          case "database_specific":
            String s = severityField(field);
            qualitative = s == null ? qualitative : s;
            break;
          default:
            p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw invalid("unexpected content after the document");
      }
      if (id == null || id.isBlank()) {
        throw new OsvException(ScanError.Kind.INVALID, 0, "no 'id': not an OSV advisory");
      }
      if (id.length() > MAX_ID_LENGTH) {
        throw new OsvException(ScanError.Kind.INVALID, 0, "'id' is longer than "
            + MAX_ID_LENGTH + " characters: not an OSV advisory");
      }
      aliases = aliases.stream().filter(a -> a.length() <= MAX_ID_LENGTH).toList();
      String line = summary.isBlank() ? firstSentence(details) : oneLine(summary);
      return new Advisory(
          id.strip(), aliases, modified, withdrawn, line, severity, qualitative, affected, source);
    }

    private void readAffected() throws IOException, OsvException {
      expect(JsonToken.START_ARRAY, "affected", "an array");
      while (p.nextToken() != JsonToken.END_ARRAY) {
        expect(JsonToken.START_OBJECT, "affected[]", "an object");
        Ecosystem ecosystem = null;
        boolean supported = true;
        String name = null;
        List<Advisory.Range> ranges = new ArrayList<>();
        List<String> versions = List.of();
        List<Advisory.Score> scores = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken t = p.nextToken();
          if (t == JsonToken.VALUE_NULL) {
            continue;
          }
          switch (field) {
            case "package":
              expect(JsonToken.START_OBJECT, "affected[].package", "an object");
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("ecosystem")) {
                  Optional<Ecosystem> e = Ecosystem.fromOsv(string("package.ecosystem"));
                  ecosystem = e.orElse(null);
                  supported = e.isPresent();
                } else if (f.equals("name")) {
                  name = string("package.name");
                } else {
                  p.skipChildren();
                }
              }
              break;
            case "ranges":
              expect(JsonToken.START_ARRAY, "affected[].ranges", "an array");
              while (p.nextToken() != JsonToken.END_ARRAY) {
                Advisory.Range r = readRange();
                if (r != null) {
                  ranges.add(r);
                }
              }
              break;
            case "versions":
              versions = strings("affected[].versions");
              break;
            case "severity":
              scores = scores("affected[].severity");
              break;
            case "ecosystem_specific":
            case "database_specific":
              String s = severityField("affected[]." + field);
              qualitative = qualitative == null ? s : qualitative;
              break;
            default:
              p.skipChildren();
          }
        }
        if (supported && ecosystem != null && name != null && !name.isBlank()) {
          affected.add(new Advisory.Affected(ecosystem, name.strip(), ranges, versions, scores));
        }
      }
    }

    private Advisory.@Nullable Range readRange() throws IOException, OsvException {
      expect(JsonToken.START_OBJECT, "affected[].ranges[]", "an object");
      Advisory.RangeType type = null;
      List<Advisory.Event> events = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        if (field.equals("type")) {
          String s = string("ranges[].type");
          try {
            type = Advisory.RangeType.valueOf(s.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            type = null;
          }
        } else if (field.equals("events")) {
          expect(JsonToken.START_ARRAY, "ranges[].events", "an array");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(JsonToken.START_OBJECT, "ranges[].events[]", "an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String kind = p.currentName();
              p.nextToken();
              Advisory.EventKind k = eventKind(kind);
              if (k == null) {
                p.skipChildren();
              } else {
                events.add(new Advisory.Event(k, string("events[]." + kind).strip()));
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return type == null ? null : new Advisory.Range(type, events);
    }

    private static Advisory.@Nullable EventKind eventKind(String name) {
      switch (name) {
        case "introduced":
          return Advisory.EventKind.INTRODUCED;
        case "fixed":
          return Advisory.EventKind.FIXED;
        case "last_affected":
          return Advisory.EventKind.LAST_AFFECTED;
        case "limit":
          return Advisory.EventKind.LIMIT;
        default:
          return null;
      }
    }

    private List<Advisory.Score> scores(String field) throws IOException, OsvException {
      expect(JsonToken.START_ARRAY, field, "an array");
      List<Advisory.Score> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        expect(JsonToken.START_OBJECT, field + "[]", "an object");
        String type = null;
        String score = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          p.nextToken();
          if (f.equals("type")) {
            type = string(field + "[].type");
          } else if (f.equals("score")) {
            score = string(field + "[].score");
          } else {
            p.skipChildren();
          }
        }
        if (type != null && score != null) {
          out.add(new Advisory.Score(type, score));
        }
      }
      return out;
    }

    /** The {@code severity} string of a database- or ecosystem-specific object, if any. */
    private @Nullable String severityField(String field) throws IOException, OsvException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        return null;
      }
      String found = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        if (f.equals("severity") && t == JsonToken.VALUE_STRING) {
          found = p.getText().strip();
        } else {
          p.skipChildren();
        }
      }
      return found == null || found.isEmpty() ? null : found;
    }

    private String string(String field) throws IOException, OsvException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw invalid("'" + field + "' must be a string");
      }
      return p.getText();
    }

    private List<String> strings(String field) throws IOException, OsvException {
      expect(JsonToken.START_ARRAY, field, "an array of strings");
      List<String> out = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.VALUE_STRING) {
          throw invalid("'" + field + "' must be an array of strings");
        }
        String s = p.getText().strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
      return out;
    }

    private void expect(JsonToken token, String field, String what) throws OsvException {
      if (p.currentToken() != token) {
        throw invalid("'" + field + "' must be " + what);
      }
    }

    private OsvException invalid(String message) {
      int line = p.currentLocation().getLineNr();
      return new OsvException(ScanError.Kind.INVALID, line, message);
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), SUMMARY_LENGTH + 1));
    boolean space = false;
    for (int i = 0; i < s.length() && b.length() <= SUMMARY_LENGTH; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    if (b.length() > SUMMARY_LENGTH) {
      b.setLength(SUMMARY_LENGTH - 1);
      b.append('…');
    }
    return b.toString();
  }

  /**
   * One line from a description: its first sentence, followed by the next ones while that is
   * shorter than 40 characters ("Requests is a HTTP library."); CVE texts' opening "An issue was
   * discovered in …" gives way to the sentence that describes the issue. At most 200 characters.
   */
  static String firstSentence(String details) {
    String line = oneLine(details.length() > 4 * SUMMARY_LENGTH
        ? details.substring(0, 4 * SUMMARY_LENGTH) : details);
    List<String> sentences = new ArrayList<>();
    int start = 0;
    for (int i = line.indexOf(". "); i > 0; i = line.indexOf(". ", start)) {
      sentences.add(line.substring(start, i + 1));
      start = i + 2;
    }
    if (start < line.length()) {
      sentences.add(line.substring(start));
    }
    if (sentences.isEmpty()) {
      return "";
    }
    if (sentences.size() > 1 && sentences.get(0).startsWith("An issue was discovered")) {
      sentences.remove(0);
    }
    StringBuilder out = new StringBuilder(sentences.get(0));
    for (int k = 1; k < sentences.size() && out.length() < 40; k++) {
      out.append(' ').append(sentences.get(k));
    }
    return oneLine(out.toString());
  }
}
