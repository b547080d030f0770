package dev.bulwark.deps;

import static dev.bulwark.deps.Advisory.RangeType.ECOSYSTEM;
import static dev.bulwark.deps.Advisory.RangeType.GIT;
import static dev.bulwark.deps.Advisory.RangeType.SEMVER;
import static dev.bulwark.deps.OsvFixtures.advisory;
import static dev.bulwark.deps.OsvFixtures.component;
import static dev.bulwark.deps.OsvFixtures.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.ScanError;
import dev.bulwark.core.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

  private static Matcher matcher(Advisory... advisories) {
    return new Matcher(VulnerabilityDatabase.of(List.of(advisories)));
  }

  private static List<String> primaryIds(Matcher m, Component c) {
    return m.match(c).stream().map(Match::primaryId).toList();
  }

  @ParameterizedTest(name = "{0} affected: {1}")
  @CsvSource({
    "1.9.9, false", "2.0.0, true", "2.3.1, true", "2.4.0, false", "2.9.0, false",
    "3.0.0-rc.1, false", "3.0.0, true", "3.1.0, true", "3.1.1, false"
  })
  void judgesVersionsByIntroducedFixedAndInclusiveLastAffectedEvents(String v, boolean affected) {
    Matcher m = matcher(advisory("GHSA-1111-1111-1111", List.of(), Ecosystem.NPM, "tarball-kit",
        List.of(range(SEMVER, "introduced:2.0.0", "fixed:2.4.0", "introduced:3.0.0",
            "last_affected:3.1.0")), List.of()));
    assertThat(m.match(component(Ecosystem.NPM, "tarball-kit", v))).hasSize(affected ? 1 : 0);
  }

  @Test
  void evaluatesEventsInVersionOrderWhateverTheirOrderInTheFile() {
    Matcher m = matcher(advisory("GHSA-2222", Ecosystem.PYPI, "widgets", ECOSYSTEM,
        "fixed:1.5", "introduced:1.2", "fixed:2.1", "introduced:2.0"));
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.3"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.7"))).isEmpty();
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "2.0.1"))).hasSize(1);
  }

  @Test
  void treatsIntroducedZeroAsBeforeEveryVersion() {
    Matcher m = matcher(advisory("PYSEC-1", Ecosystem.PYPI, "widgets", ECOSYSTEM,
        "introduced:0", "fixed:1.0"));
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "0.0.dev1"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.0rc1"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.0"))).isEmpty();
  }

  @Test
  void honoursALimitOnTheRange() {
    Matcher m = matcher(advisory("GHSA-3333", Ecosystem.NPM, "limited", SEMVER,
        "introduced:1.0.0", "limit:1.5.0"));
    assertThat(m.match(component(Ecosystem.NPM, "limited", "1.4.9"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.NPM, "limited", "1.5.0"))).isEmpty();
  }

  @Test
  void matchesEnumeratedVersionsByEquivalenceAndIgnoresGitRanges() {
    Matcher m = matcher(advisory("PYSEC-4", List.of(), Ecosystem.PYPI, "widgets",
        List.of(range(GIT, "introduced:0", "fixed:abcdef0123")), List.of("1.2", "1.4.0")));
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.2.0"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.4"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "widgets", "1.3"))).isEmpty();
  }

  @Test
  void neverMatchesWithdrawnAdvisories() {
    Advisory a = advisory("GHSA-5555", Ecosystem.NPM, "gone", SEMVER, "introduced:0");
    Advisory withdrawn = new Advisory(a.id(), a.aliases(), a.modified(),
        Instant.parse("2024-06-01T00:00:00Z"), a.summary(), a.severity(), null, a.affected(),
        a.source());
    VulnerabilityDatabase db = VulnerabilityDatabase.of(List.of(withdrawn));
    assertThat(new Matcher(db).match(component(Ecosystem.NPM, "gone", "1.0.0"))).isEmpty();
    assertThat(db.size()).isZero();
    assertThat(db.withdrawnCount()).isEqualTo(1);
  }

  @Test
  void mergesAdvisoriesThatNameEachOtherIntoOneMatchWithTheCveFirst() {
    Advisory ghsa = advisory("GHSA-6666-7777-8888", List.of("CVE-2024-2001"), Ecosystem.PYPI,
        "widgets", List.of(range(ECOSYSTEM, "introduced:0", "fixed:2.0.1")), List.of());
    Advisory pysec = advisory("PYSEC-2024-9", List.of("GHSA-6666-7777-8888", "CVE-2024-2001"),
        Ecosystem.PYPI, "widgets", List.of(range(ECOSYSTEM, "introduced:1.0", "fixed:2.0.1")),
        List.of());
    Advisory other = advisory("PYSEC-2024-10", Ecosystem.PYPI, "widgets", ECOSYSTEM,
        "introduced:0", "fixed:3.0");
    List<Match> matches = matcher(pysec, other, ghsa).match(
        component(Ecosystem.PYPI, "widgets", "1.5"));
    assertThat(matches).hasSize(2);
    Match merged = matches.stream().filter(x -> x.advisories().size() == 2).findFirst()
        .orElseThrow();
    assertThat(merged.ids())
        .containsExactly("CVE-2024-2001", "GHSA-6666-7777-8888", "PYSEC-2024-9");
    assertThat(merged.summary()).isEqualTo("Summary of GHSA-6666-7777-8888");
    assertThat(merged.fixedVersion()).isEqualTo("2.0.1");
  }

  @Test
  void listsTheMergedAdvisoriesIdsBeforeTheirOtherAliases() {
    Advisory pysec = advisory("PYSEC-2024-11", List.of("SNYK-PY-1", "GHSA-xxxx-yyyy-zzzz",
        "CVE-2024-2101", "BIT-9"), Ecosystem.PYPI, "widgets",
        List.of(range(ECOSYSTEM, "introduced:0")), List.of());
    assertThat(matcher(pysec).match(component(Ecosystem.PYPI, "widgets", "1.0")).get(0).ids())
        .containsExactly("CVE-2024-2101", "PYSEC-2024-11", "GHSA-xxxx-yyyy-zzzz", "BIT-9",
            "SNYK-PY-1");
  }

  @Test
  void mergesAliasesTransitively() {
    Advisory a = advisory("GO-2024-0001", List.of("CVE-2024-3001"), Ecosystem.GO,
        "example.com/mod", List.of(range(SEMVER, "introduced:0", "fixed:1.2.0")), List.of());
    Advisory b = advisory("GHSA-aaaa-bbbb-cccc", List.of("CVE-2024-3002"), Ecosystem.GO,
        "example.com/mod", List.of(range(SEMVER, "introduced:0", "fixed:1.2.0")), List.of());
    Advisory bridge = advisory("OSV-2024-1", List.of("CVE-2024-3001", "GHSA-aaaa-bbbb-cccc"),
        Ecosystem.GO, "example.com/mod", List.of(range(SEMVER, "introduced:0", "fixed:1.2.0")),
        List.of());
    assertThat(matcher(a, b, bridge).match(component(Ecosystem.GO, "example.com/mod", "v1.1.0")))
        .singleElement()
        .satisfies(x -> assertThat(x.advisories()).hasSize(3));
  }

  @Test
  void suggestsTheLowestLaterVersionThatNoMergedAdvisoryAffects() {
    Advisory branches = advisory("GHSA-9999", List.of("CVE-2024-4001"), Ecosystem.MAVEN,
        "org.example:core", List.of(range(ECOSYSTEM, "introduced:0", "fixed:2.9.10.8",
            "introduced:2.10.0", "fixed:2.10.5.1", "introduced:2.11.0", "fixed:2.11.2")),
        List.of());
    Advisory overlapping = advisory("OSV-2024-7", List.of("CVE-2024-4001"), Ecosystem.MAVEN,
        "org.example:core", List.of(range(ECOSYSTEM, "introduced:2.10.5", "fixed:2.10.6")),
        List.of());
    Matcher m = matcher(branches, overlapping);
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:core", "2.9.9")).get(0)
        .fixedVersion()).isEqualTo("2.9.10.8");
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:core", "2.10.5")).get(0)
        .fixedVersion()).as("2.10.5.1 is still affected by the overlapping advisory")
        .isEqualTo("2.10.6");
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:core", "2.11.1.Final")).get(0)
        .fixedVersion()).isEqualTo("2.11.2");
  }

  @Test
  void saysWhenNoFixIsKnown() {
    Matcher m = matcher(advisory("GHSA-1010", Ecosystem.NPM, "abandoned", SEMVER,
        "introduced:0", "last_affected:4.2.0"));
    assertThat(m.match(component(Ecosystem.NPM, "abandoned", "4.2.0")).get(0).fixedVersion())
        .isNull();
  }

  @Test
  void takesTheSeverityFromTheHighestCvssScoreAmongMergedAdvisories() {
    Advisory low = withScores(advisory("GHSA-1212", List.of("CVE-2024-5001"), Ecosystem.NPM,
            "scored", List.of(range(SEMVER, "introduced:0", "fixed:1.0.1")), List.of()),
        "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", null);
    Advisory high = withScores(advisory("OSV-2024-3", List.of("CVE-2024-5001"), Ecosystem.NPM,
            "scored", List.of(range(SEMVER, "introduced:0", "fixed:1.0.1")), List.of()),
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "LOW");
    Match m = matcher(low, high).match(component(Ecosystem.NPM, "scored", "1.0.0")).get(0);
    assertThat(m.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(m.severitySource()).isEqualTo(Match.SeveritySource.CVSS);
    assertThat(m.cvss().score()).isEqualTo(9.3);
  }

  @Test
  void fallsBackToTheDatabaseRatingAndThenToMedium() {
    Advisory rated = withScores(advisory("GHSA-1313", Ecosystem.NPM, "rated", SEMVER,
        "introduced:0"), null, "MODERATE");
    Advisory unrated = advisory("GO-2024-0002", Ecosystem.GO, "example.com/x", SEMVER,
        "introduced:0");
    Match r = matcher(rated).match(component(Ecosystem.NPM, "rated", "1.0.0")).get(0);
    assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(r.severitySource()).isEqualTo(Match.SeveritySource.ADVISORY);
    Match u = matcher(unrated).match(component(Ecosystem.GO, "example.com/x", "v1.0.0")).get(0);
    assertThat(u.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(u.severitySource()).isEqualTo(Match.SeveritySource.DEFAULT);
    assertThat(u.cvss()).isNull();
  }

  private static Advisory withScores(Advisory a, String vector, String rating) {
    return new Advisory(a.id(), a.aliases(), a.modified(), null, a.summary(),
        vector == null ? List.of() : List.of(new Advisory.Score(
            vector.startsWith("CVSS:4") ? "CVSS_V4" : "CVSS_V3", vector)),
        rating, a.affected(), a.source());
  }

  @Test
  void comparesPythonNamesByPep503AndNpmNamesIgnoringCase() {
    Matcher m = matcher(
        advisory("PYSEC-5", Ecosystem.PYPI, "Zope.Interface", ECOSYSTEM, "introduced:0"),
        advisory("GHSA-1414", Ecosystem.NPM, "@Scope/Pkg", SEMVER, "introduced:0"));
    assertThat(m.match(component(Ecosystem.PYPI, "zope_interface", "5.0"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "ZOPE--interface", "5.0"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "zopeinterface", "5.0"))).isEmpty();
    assertThat(m.match(component(Ecosystem.NPM, "@scope/pkg", "1.0.0"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.NPM, "%40scope%2Fpkg", "1.0.0"))).hasSize(1);
  }

  @Test
  void keepsMavenCoordinatesAndGoModulePathsExact() {
    Matcher m = matcher(
        advisory("GHSA-1515", Ecosystem.MAVEN, "org.example:Core", ECOSYSTEM, "introduced:0"),
        advisory("GO-2024-0003", Ecosystem.GO, "github.com/Org/mod", SEMVER, "introduced:0"));
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:core", "1.0"))).isEmpty();
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:Core", "1.0"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.GO, "github.com/org/mod", "v1.0.0"))).isEmpty();
  }

  @Test
  void usesEachEcosystemsOrdering() {
    Matcher m = matcher(
        advisory("GHSA-1616", Ecosystem.NPM, "pre", SEMVER, "introduced:3.0.0-beta.2",
            "fixed:3.0.0"),
        advisory("PYSEC-6", Ecosystem.PYPI, "pre", ECOSYSTEM, "introduced:0", "fixed:2.0"),
        advisory("GO-2024-0004", Ecosystem.GO, "example.com/pseudo", SEMVER, "introduced:0",
            "fixed:0.2.0"),
        advisory("GHSA-1717", Ecosystem.MAVEN, "org.example:rel", ECOSYSTEM, "introduced:0",
            "fixed:5.3.18"));
    assertThat(m.match(component(Ecosystem.NPM, "pre", "3.0.0-beta.10"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.NPM, "pre", "3.0.0-alpha.9"))).isEmpty();
    assertThat(m.match(component(Ecosystem.PYPI, "pre", "2.0rc1"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.PYPI, "pre", "2.0.post1"))).isEmpty();
    assertThat(m.match(component(Ecosystem.GO, "example.com/pseudo",
        "v0.1.1-0.20230102030405-abcdefabcdef"))).hasSize(1);
    assertThat(m.match(component(Ecosystem.GO, "example.com/pseudo",
        "v0.2.1-0.20230102030405-abcdefabcdef"))).isEmpty();
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:rel", "5.3.17.RELEASE")))
        .hasSize(1);
    assertThat(m.match(component(Ecosystem.MAVEN, "org.example:rel", "5.3.18.RELEASE")))
        .isEmpty();
  }

  @Test
  void judgesPinnedVersionsButReportsDeclaredRangesAndInvalidVersionsAsUnchecked() {
    Matcher m = matcher(advisory("GHSA-1818", Ecosystem.NPM, "lodash-ish", SEMVER,
        "introduced:0", "fixed:4.17.21"));
    MatchResult r = m.match(List.of(
        component(Ecosystem.NPM, "lodash-ish", "4.17.20", Component.VersionKind.PINNED),
        component(Ecosystem.NPM, "lodash-ish", "^4.17.0", Component.VersionKind.DECLARED_RANGE),
        component(Ecosystem.NPM, "lodash-ish", "latest"),
        component(Ecosystem.NPM, "other", "^1.0.0", Component.VersionKind.DECLARED_RANGE)));
    assertThat(r.matches()).singleElement()
        .satisfies(x -> assertThat(x.component().version()).isEqualTo("4.17.20"));
    assertThat(r.unchecked()).extracting(MatchResult.Unchecked::reason).containsExactly(
        "declared range '^4.17.0', not a resolved version: lock or pin it to check it against"
            + " advisories",
        "'latest' is not a valid SemVer version");
  }

  @Test
  void doesNotJudgePythonPackagesWithLegacyVersionsButReadsLegacyAdvisoryData() {
    Matcher m = matcher(advisory("PYSEC-7", List.of(), Ecosystem.PYPI, "old", List.of(),
        List.of("0.9-kiwi", "1.0")));
    MatchResult r = m.match(List.of(component(Ecosystem.PYPI, "old", "0.9-kiwi"),
        component(Ecosystem.PYPI, "old", "1.0.0")));
    assertThat(r.matches()).singleElement()
        .satisfies(x -> assertThat(x.component().version()).isEqualTo("1.0.0"));
    assertThat(r.unchecked()).singleElement()
        .satisfies(u -> assertThat(u.reason()).isEqualTo("'0.9-kiwi' is not a valid PEP 440"
            + " version"));
  }

  @Test
  void reportsEventsThatAreNotVersionsAndIgnoresOnlyTheirRange() {
    Advisory a = advisory("GHSA-1919", List.of(), Ecosystem.NPM, "half-broken",
        List.of(range(SEMVER, "introduced:0", "fixed:not-a-version"),
            range(SEMVER, "introduced:2.0.0", "fixed:2.0.5")), List.of());
    VulnerabilityDatabase db = VulnerabilityDatabase.of(List.of(a));
    assertThat(db.errors()).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo("GHSA-1919.json");
      assertThat(e.kind()).isEqualTo(ScanError.Kind.INVALID);
      assertThat(e.message()).contains("GHSA-1919", "'not-a-version'");
    });
    Matcher m = new Matcher(db);
    assertThat(m.match(component(Ecosystem.NPM, "half-broken", "1.0.0"))).isEmpty();
    assertThat(m.match(component(Ecosystem.NPM, "half-broken", "2.0.1"))).hasSize(1);
  }

  @Test
  void reportsMatchesOfOneComponentMostSevereFirst() {
    Advisory mild = withScores(advisory("GHSA-2020", Ecosystem.NPM, "multi", SEMVER,
        "introduced:0"), "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", null);
    Advisory bad = withScores(advisory("GHSA-2121", Ecosystem.NPM, "multi", SEMVER,
        "introduced:0"), "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
    assertThat(primaryIds(matcher(mild, bad), component(Ecosystem.NPM, "multi", "1.0.0")))
        .containsExactly("GHSA-2121", "GHSA-2020");
  }
}
