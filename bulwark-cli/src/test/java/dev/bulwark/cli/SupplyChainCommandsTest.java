package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulwark deps, sbom and db as a user runs them. */
class SupplyChainCommandsTest {

  private static final String ADVISORY = """
      {"id": "GHSA-wxyz-0000-1111", "modified": "2024-05-01T00:00:00Z",
       "aliases": ["CVE-2099-0002"], "summary": "Prototype pollution",
       "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"}],
       "affected": [{"package": {"ecosystem": "npm", "name": "left-pad-ish"},
                     "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"},
                                                             {"fixed": "2.0.0"}]}]}]}
      """;

  private static final String LOCK = """
      {"name": "svc", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
       "packages": {
         "": {"name": "svc", "version": "1.0.0", "dependencies": {"left-pad-ish": "^1.2.0"}},
         "node_modules/left-pad-ish": {"version": "1.2.3"}}}
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path project() throws IOException {
    Path code = dir.resolve("svc");
    Files.createDirectories(code);
    Files.writeString(code.resolve("package-lock.json"), LOCK);
    Path db = dir.resolve("db");
    Files.createDirectories(db);
    Files.writeString(db.resolve("GHSA-wxyz-0000-1111.json"), ADVISORY);
    return code;
  }

  @Test
  void depsReportsVulnerablePackagesWithTheFileThatDeclaredThem() throws IOException {
    Path code = project();
    Run r = run("deps", code.toString(), "--db", dir.resolve("db").toString(), "-f", "json",
        "--cache", dir.resolve("no-cache").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode finding = new ObjectMapper().readTree(r.out()).get("findings").get(0);
    assertThat(finding.get("ruleId").asText()).isEqualTo("DEP-001");
    assertThat(finding.get("message").asText()).contains("left-pad-ish 1.2.3")
        .contains("CVE-2099-0002").contains("upgrade to 2.0.0");
    assertThat(finding.get("location").get("file").asText()).endsWith("package-lock.json");
    Run list = run("deps", code.toString(), "--components");
    assertThat(list.out()).contains("left-pad-ish").contains("1.2.3").contains("1 components");
    Run none = run("deps", code.toString(), "--cache", dir.resolve("no-cache").toString());
    assertThat(none.code()).isZero();
    assertThat(none.out()).contains("no advisory data");
  }

  @Test
  void sbomDescribesTheFunctionsOfATemplate() throws IOException {
    Path code = project();
    Files.writeString(dir.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Svc:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: svc/
              Handler: index.handler
              Runtime: nodejs22.x
        """);
    Run r = run("sbom", dir.toString(), "--name", "shop");
    assertThat(r.code()).isZero();
    JsonNode sbom = new ObjectMapper().readTree(r.out());
    assertThat(sbom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(sbom.get("metadata").get("component").get("name").asText()).isEqualTo("shop");
    assertThat(r.out()).contains("template.yaml#Svc").contains("pkg:npm/left-pad-ish@1.2.3");
    Path xml = dir.resolve("out/sbom.xml");
    assertThat(run("sbom", code.toString(), "-f", "xml", "-o", xml.toString()).code()).isZero();
    assertThat(Files.readString(xml)).contains("<bom").contains("left-pad-ish");
  }

  @Test
  void dbUpdateFillsTheCacheThatScansThenUseOffline() throws IOException {
    Path code = project();
    byte[] zip = zipOf("GHSA-wxyz-0000-1111.json", ADVISORY);
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean npm = exchange.getRequestURI().getPath().equals("/npm/all.zip");
      byte[] body = npm ? zip : zipOf("README", "");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      Path cache = dir.resolve("cache");
      Run update = run("db", "update", "--cache", cache.toString(), "--ecosystem", "npm",
          "--base-url", "http://127.0.0.1:" + server.getAddress().getPort());
      assertThat(update.code()).as(update.out() + update.err()).isZero();
      assertThat(update.out()).contains("npm").contains("downloaded");
      Run deps = run("deps", code.toString(), "--cache", cache.toString(), "-f", "json");
      assertThat(deps.code()).isEqualTo(ExitCodes.FINDINGS);
      assertThat(deps.out()).contains("CVE-2099-0002");
      Run status = run("db", "status", "--cache", cache.toString(), "--ecosystem", "npm");
      assertThat(status.out()).contains("advisories: 1")
          .containsPattern("npm +1 package, checked just now")
          .contains("last checked: just now").doesNotContain("never");
      Run both = run("db", "status", "--cache", cache.toString(), "--ecosystem", "npm",
          "--ecosystem", "PyPI");
      assertThat(both.out()).contains("checked just now")
          .containsPattern("pypi +not downloaded \\(run 'bulwark db update'\\)")
          .doesNotContain("last checked").doesNotContain("no cached");
    } finally {
      server.stop(0);
    }
  }

  private static byte[] zipOf(String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(text.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }
}
