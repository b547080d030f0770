package dev.bulwark.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers' components go through the matcher: names, versions and kinds as readers give them. */
class ReadAndMatchTest {

  @TempDir Path dir;

  @Test
  void findsKnownVulnerabilitiesInWhatAFolderDeclaresAndLocks() throws IOException {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("requirements.txt"), """
        Jinja2==2.10
        flask>=1.0
        """);
    Path advisories = Files.createDirectories(dir.resolve("osv"));
    Files.writeString(advisories.resolve("PYSEC-2099-1.json"), """
        {"id": "PYSEC-2099-1", "aliases": ["CVE-2099-0001"], "modified": "2024-01-01T00:00:00Z",
         "details": "Sandbox escape in the template engine of the package. More.",
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected": [{"package": {"ecosystem": "PyPI", "name": "jinja2"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.10.1"}]}]},
           {"package": {"ecosystem": "PyPI", "name": "Flask"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.2.5"}]}]}]}
        """);
    Inventory inventory = InventoryReader.withDefaults().read(app);
    VulnerabilityDatabase db = VulnerabilityDatabase.load(advisories);

    MatchResult result = new Matcher(db).match(inventory.components());

    assertThat(result.matches()).singleElement().satisfies(m -> {
      assertThat(m.component().name()).isEqualToIgnoringCase("jinja2");
      assertThat(m.fixedVersion()).isEqualTo("2.10.1");
    });
    assertThat(result.unchecked()).singleElement().satisfies(u -> {
      assertThat(u.component().name()).isEqualToIgnoringCase("flask");
      assertThat(u.reason()).startsWith("declared range");
    });
    Finding f = VulnerabilityFindings.toFinding(result.matches().get(0), List.of("Api"));
    assertThat(f.location().file()).endsWith("requirements.txt");
    assertThat(f.location().startLine()).isEqualTo(1);
    assertThat(f.message()).contains("has CVE-2099-0001 (also PYSEC-2099-1): Sandbox escape in"
        + " the template engine of the package; fix: upgrade to 2.10.1; shipped by Api");
  }
}
