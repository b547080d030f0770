package dev.bulwark.deps.internal.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.ScanError;
import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Ecosystem;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OsvReaderTest {

  private final OsvReader reader = new OsvReader(VulnerabilityDatabase.Limits.DEFAULT);

  private Advisory read(String json) throws OsvException {
    return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "a.json");
  }

  private ScanError error(String json) {
    try {
      read(json);
    } catch (OsvException e) {
      return e.toError("a.json");
    }
    throw new AssertionError("no error for " + json);
  }

  @Test
  void readsTheFieldsThatMatchingAndReportingNeed() throws Exception {
    Advisory a = read("""
        {
          "schema_version": "1.6.0",
          "id": "GHSA-abcd-efgh-ijkl",
          "aliases": ["CVE-2024-11111"],
          "modified": "2024-05-02T08:30:00.123456Z",
          "published": "2024-05-01T00:00:00Z",
          "summary": "Prototype pollution in merge-deep-ish",
          "details": "Long text that is not kept.",
          "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
          "affected": [{
            "package": {"ecosystem": "npm", "name": "merge-deep-ish", "purl": "pkg:npm/merge-deep-ish"},
            "ranges": [{"type": "SEMVER", "events": [
              {"introduced": "1.0.0"}, {"fixed": "1.4.2"}, {"introduced": "2.0.0"},
              {"last_affected": "2.1.0"}]}],
            "versions": ["1.0.0", "1.4.1"],
            "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
            "database_specific": {"source": "x"}
          }],
          "references": [{"type": "WEB", "url": "https://example.invalid/advisory"}],
          "database_specific": {"severity": "CRITICAL", "cwe_ids": ["CWE-1321"], "nested": {"a": [1, 2]}}
        }
        """);
    assertThat(a.id()).isEqualTo("GHSA-abcd-efgh-ijkl");
    assertThat(a.aliases()).containsExactly("CVE-2024-11111");
    assertThat(a.modified()).isEqualTo(Instant.parse("2024-05-02T08:30:00.123456Z"));
    assertThat(a.withdrawn()).isNull();
    assertThat(a.summary()).isEqualTo("Prototype pollution in merge-deep-ish");
    assertThat(a.severity()).containsExactly(new Advisory.Score("CVSS_V3",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
    assertThat(a.qualitativeSeverity()).isEqualTo("CRITICAL");
    assertThat(a.source()).isEqualTo("a.json");
    Advisory.Affected af = a.affected().get(0);
    assertThat(af.ecosystem()).isEqualTo(Ecosystem.NPM);
    assertThat(af.name()).isEqualTo("merge-deep-ish");
    assertThat(af.versions()).containsExactly("1.0.0", "1.4.1");
    assertThat(af.severity()).hasSize(1);
    assertThat(af.ranges().get(0).type()).isEqualTo(Advisory.RangeType.SEMVER);
    assertThat(af.ranges().get(0).events()).containsExactly(
        new Advisory.Event(Advisory.EventKind.INTRODUCED, "1.0.0"),
        new Advisory.Event(Advisory.EventKind.FIXED, "1.4.2"),
        new Advisory.Event(Advisory.EventKind.INTRODUCED, "2.0.0"),
        new Advisory.Event(Advisory.EventKind.LAST_AFFECTED, "2.1.0"));
  }

  @Test
  void summarisesWithTheFirstSentenceOfTheDetailsWhenThereIsNoSummary() throws Exception {
    Advisory a = read("""
        {"id": "PYSEC-2099-1", "details": "The frobnicate() helper in Widgets before 3.2\\n\
        trusts its input.  Attackers can run code. More text follows."}
        """);
    assertThat(a.summary()).isEqualTo("The frobnicate() helper in Widgets before 3.2 trusts its"
        + " input.");
  }

  @Test
  void skipsTheBoilerplateOpeningOfCveDescriptions() {
    assertThat(OsvReader.firstSentence("An issue was discovered in Widgets 1.x before 1.4. The"
        + " upload view writes files outside the media root. Details follow."))
        .isEqualTo("The upload view writes files outside the media root.");
    assertThat(OsvReader.firstSentence("Widgets is a UI kit. Its upload view writes files outside"
        + " the media root. Details follow."))
        .isEqualTo("Widgets is a UI kit. Its upload view writes files outside the media root.");
    assertThat(OsvReader.firstSentence("")).isEmpty();
    assertThat(OsvReader.firstSentence("x".repeat(500))).hasSize(200).endsWith("…");
  }

  @Test
  void readsWithdrawnAdvisories() throws Exception {
    Advisory a = read("{\"id\": \"GO-2099-0001\", \"withdrawn\": \"2024-02-03T04:05:06Z\"}");
    assertThat(a.isWithdrawn()).isTrue();
    assertThat(a.withdrawn()).isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));
  }

  @Test
  void leavesOutPackagesOfUnsupportedEcosystemsAndUnknownRangeTypesAndEvents() throws Exception {
    Advisory a = read("""
        {"id": "X-1", "affected": [
          {"package": {"ecosystem": "Debian:12", "name": "openssl"}, "versions": ["3.0.1"]},
          {"package": {"ecosystem": "PyPI", "name": "widgets"},
           "ranges": [{"type": "FANCY", "events": [{"introduced": "0"}]},
                      {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"future": "1"},
                                                       {"fixed": "2.0"}]}]}]}
        """);
    assertThat(a.affected()).singleElement().satisfies(af -> {
      assertThat(af.ecosystem()).isEqualTo(Ecosystem.PYPI);
      assertThat(af.ranges()).singleElement().satisfies(r -> assertThat(r.events()).hasSize(2));
    });
  }

  @Test
  void reportsMalformedJsonWithItsLine() {
    ScanError e = error("{\n  \"id\": \"X-1\",\n  \"aliases\": [\"CVE-1\" \"CVE-2\"]\n}");
    assertThat(e.kind()).isEqualTo(ScanError.Kind.PARSE);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.file()).isEqualTo("a.json");
    assertThat(e.message()).startsWith("malformed JSON");
  }

  @Test
  void reportsATruncatedDocument() {
    assertThat(error("{\"id\": \"X-1\", \"affected\": [").kind()).isEqualTo(ScanError.Kind.PARSE);
  }

  @Test
  void reportsADocumentWithoutAnId() {
    ScanError e = error("{\"summary\": \"no id\"}");
    assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
    assertThat(e.message()).contains("no 'id'");
  }

  @Test
  void refusesAnOverlongIdAndDropsOverlongAliases() throws Exception {
    String huge = "X".repeat(300);
    assertThat(error("{\"id\": \"" + huge + "\"}").message())
        .isEqualTo("'id' is longer than 256 characters: not an OSV advisory");
    assertThat(read("{\"id\": \"X-1\", \"aliases\": [\"" + huge + "\", \"CVE-1\"]}")
        .aliases()).containsExactly("CVE-1");
  }

  @Test
  void reportsAFieldOfTheWrongTypeWithItsLine() {
    ScanError e = error("{\"id\": \"X-1\",\n\"aliases\": \"CVE-1\"}");
    assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).isEqualTo("'aliases' must be an array of strings");
  }

  @Test
  void refusesADocumentThatIsNotAnObject() {
    assertThat(error("[1, 2]").message()).isEqualTo("an OSV document is a JSON object");
  }

  @Test
  void boundsTheNestingDepth() {
    String deep = "[".repeat(100) + "]".repeat(100);
    ScanError e = error("{\"id\": \"X-1\", \"database_specific\": {\"x\": " + deep + "}}");
    assertThat(e.kind()).isEqualTo(ScanError.Kind.LIMIT);
    assertThat(e.message()).contains("depth");
  }

  @Test
  void boundsTheDocumentLength() {
    OsvReader small = new OsvReader(new VulnerabilityDatabase.Limits(1000, 64, 10, 10_000));
    String big = "{\"id\": \"X-1\", \"details\": \"" + "a".repeat(5000) + "\"}";
    assertThatThrownBy(() -> small.read(
            new OsvLoader.Bounded(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)),
                1000), "big.json"))
        .isInstanceOf(OsvException.class)
        .satisfies(x -> assertThat(((OsvException) x).toError("big.json").kind())
            .isEqualTo(ScanError.Kind.LIMIT));
  }
}
