package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.runtime.devserve.DevServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bulwark inspect and bulwark dev-serve over the runtime library. */
class RuntimeCommandsTest {

  private static final String BENIGN = """
      {"version":"2.0","routeKey":"GET /products","rawPath":"/products",
       "rawQueryString":"category=books","queryStringParameters":{"category":"books"},
       "headers":{"host":"example.com"},
       "requestContext":{"requestId":"r-1","http":{"method":"GET","path":"/products",
         "sourceIp":"203.0.113.9"}},"isBase64Encoded":false}""";

  private static final String ATTACK = BENIGN
      .replace("\"category\":\"books\"", "\"category\":\"books' UNION SELECT password FROM users--\"")
      .replace("category=books", "category=x");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void inspectPrintsOneVerdictPerEventAndFlagsTheAttack() throws IOException {
    Path benign = dir.resolve("benign.json");
    Files.writeString(benign, BENIGN);
    Path lines = dir.resolve("events.jsonl");
    Files.writeString(lines, BENIGN.replace("\n", "") + "\n" + ATTACK.replace("\n", "") + "\n");
    Run one = run("inspect", benign.toString());
    assertThat(one.code()).isZero();
    assertThat(one.out().lines()).hasSize(1);
    assertThat(one.out()).contains("\"verdict\":\"allow\"").contains("\"events\":[]");
    Run both = run("inspect", lines.toString(), "--fail-on-block");
    assertThat(both.out().lines()).hasSize(2);
    assertThat(both.out().lines().toList().get(1)).contains("sql-injection")
        .contains("query.category").contains("\"verdict\":\"block\"");
    assertThat(both.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(both.err()).contains("2 events inspected, 1 would be blocked, 0 errors");
  }

  @Test
  void inspectReportsLinesThatAreNotJsonAndGoesOn() throws IOException {
    Path lines = dir.resolve("events.jsonl");
    Files.writeString(lines, "{not json\n" + BENIGN.replace("\n", "") + "\n");
    Run r = run("inspect", lines.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.SCAN_ERROR);
    assertThat(r.out()).contains("{\"line\":1,\"error\":").contains("{\"line\":2,");
    assertThat(run("inspect", dir.resolve("missing.json").toString()).err())
        .contains("missing.json: no such file");
    assertThat(run("inspect", "--config", dir.resolve("nope.yaml").toString()).code())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void devServeServesTheHandlerOnLoopbackAndProtectsItWhenAsked() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String attack = "category=x%27%20UNION%20SELECT%20password%20FROM%20users--";
    try (DevServer plain = start("--handler", EchoHandler.class.getName(), "--port", "0")) {
      assertThat(plain.uri().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> ok = client.send(
          HttpRequest.newBuilder(URI.create(plain.uri() + "/products?" + attack)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).startsWith("query=category=x");
    }
    Path config = dir.resolve("bulwark.json");
    Files.writeString(config, "{\"mode\": \"block\"}");
    try (DevServer guarded = start("--handler", EchoHandler.class.getName(), "--port", "0",
        "--config", config.toString())) {
      HttpResponse<String> blocked = client.send(
          HttpRequest.newBuilder(URI.create(guarded.uri() + "/products?" + attack)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(blocked.statusCode()).isEqualTo(403);
      assertThat(blocked.body()).contains("requestId").doesNotContain("UNION");
      HttpResponse<String> fine = client.send(
          HttpRequest.newBuilder(URI.create(guarded.uri() + "/products?category=books")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(fine.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void devServeRunsAHandlerFromItsClassPathWithItsOwnContextClassLoader() throws Exception {
    // a handler that exists only in a folder given with --classpath, as a user's build output
    Path src = dir.resolve("src/probe/ProbeHandler.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package probe;
        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import java.util.Map;
        public final class ProbeHandler implements RequestHandler<Map<String, Object>, Object> {
          public Object handleRequest(Map<String, Object> event, Context context) {
            boolean own = Thread.currentThread().getContextClassLoader()
                == ProbeHandler.class.getClassLoader();
            return Map.of("statusCode", 200, "body", "own-loader=" + own);
          }
        }
        """);
    Path classes = dir.resolve("classes");
    String lambdaCore = Path.of(com.amazonaws.services.lambda.runtime.Context.class
        .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
        "-d", classes.toString(), "-cp", lambdaCore, src.toString());
    assertThat(rc).isZero();
    try (DevServer server = start("--handler", "probe.ProbeHandler", "--port", "0",
        "--classpath", classes.toString())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.uri() + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("own-loader=true");
    }
  }

  @Test
  void devServeNamesAHandlerItCannotLoad() {
    assertThatThrownBy(() -> start("--handler", "com.example.Missing", "--port", "0"))
        .isInstanceOf(Main.UsageException.class).hasMessageContaining("com.example.Missing")
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> start("--handler", String.class.getName(), "--port", "0"))
        .hasMessageContaining("neither a RequestHandler nor a RequestStreamHandler");
    assertThat(run("dev-serve").code()).isEqualTo(ExitCodes.USAGE);
  }

  private static DevServer start(String... args) throws IOException {
    DevServeCommand cmd = new DevServeCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.start();
  }
}
