package dev.bulwark.runtime.devserve;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.runtime.internal.decode.Strings;
import dev.bulwark.runtime.internal.decode.Urls;
import dev.bulwark.runtime.internal.handler.StreamBridge;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Serves a Lambda handler over HTTP on 127.0.0.1, turning each request into an API Gateway HTTP
 * API (payload format 2.0) event and the handler's result back into an HTTP response, as API
 * Gateway would. For local testing — including running security scanners against a handler —
 * never for production: it binds to the loopback address only.
 *
 * <pre>{@code
 * RequestStreamHandler handler = DevServer.asStreamHandler(new MyHandler());
 * try (DevServer server = DevServer.start(handler, 0, System.err)) {
 *   URI base = server.uri();
 * }
 * }</pre>
 */
public final class DevServer implements AutoCloseable {

  private static final int MAX_BODY = 10 * 1024 * 1024;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final RequestStreamHandler handler;
  private final PrintStream log;

  private DevServer(HttpServer server, RequestStreamHandler handler, PrintStream log) {
    this.server = server;
    this.handler = handler;
    this.log = log;
  }

  /**
   * Starts serving {@code handler} on 127.0.0.1:{@code port} ({@code 0} picks a free port); one
   * line per request goes to {@code log}.
   */
  public static DevServer start(RequestStreamHandler handler, int port, PrintStream log) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    DevServer d = new DevServer(s, handler, log);
    s.createContext("/", d::serve);
    s.start();
    return d;
  }

  /**
   * {@code handler} as a stream handler: a {@link RequestStreamHandler} as it is, a {@link
   * RequestHandler} of maps (or POJOs, with Jackson) through JSON.
   */
  public static RequestStreamHandler asStreamHandler(Object handler) {
    if (handler instanceof RequestStreamHandler s) {
      return s;
    }
    if (handler instanceof RequestHandler<?, ?> r) {
      return new StreamBridge(r);
    }
    throw new IllegalArgumentException(
        handler.getClass().getName() + " is neither a RequestHandler nor a RequestStreamHandler");
  }

  /** The base URI, {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String requestId = UUID.randomUUID().toString();
    int status;
    try {
      byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        send(ex, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String event = Json.write(event(ex, body, requestId));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new DevContext(requestId));
      } catch (RuntimeException | IOException | Error e) {
        log.println("dev-serve: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " -> 502: handler failed: " + e);
        send(ex, 502, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      status = respond(ex, out.toString(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      log.println("dev-serve: request failed: " + e);
      send(ex, 500, Map.of("content-type", "application/json"), "{\"message\":\"dev-serve error\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    log.println("dev-serve: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " -> " + status);
  }

  private Map<String, Object> event(HttpExchange ex, byte[] body, String requestId) {
    URI uri = ex.getRequestURI();
    String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
    String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    Map<String, Object> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) {
        for (String v : h.getValue()) {
          for (String c : Strings.split(v, ';')) {
            if (!c.isBlank()) {
              cookies.add(c.trim());
            }
          }
        }
        continue;
      }
      headers.put(name, String.join(",", h.getValue()));
    }
    Map<String, Object> query = new LinkedHashMap<>();
    if (!rawQuery.isEmpty()) {
      for (String pair : Strings.split(rawQuery, '&')) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = Urls.decode(eq < 0 ? pair : pair.substring(0, eq), true);
        String v = eq < 0 ? "" : Urls.decode(pair.substring(eq + 1), true);
        query.merge(k, v, (a, b) -> a + "," + b);
      }
    }
    Instant now = Instant.now();
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", ex.getRequestMethod());
    http.put("path", rawPath);
    http.put("protocol", ex.getProtocol());
    http.put("sourceIp", ex.getRemoteAddress().getAddress().getHostAddress());
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("accountId", "000000000000");
    ctx.put("apiId", "devserve");
    ctx.put("domainName", "localhost");
    ctx.put("domainPrefix", "localhost");
    ctx.put("http", http);
    ctx.put("requestId", requestId);
    ctx.put("routeKey", "$default");
    ctx.put("stage", "$default");
    ctx.put("time", TIME.format(now));
    ctx.put("timeEpoch", now.toEpochMilli());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", "2.0");
    e.put("routeKey", "$default");
    e.put("rawPath", rawPath);
    e.put("rawQueryString", rawQuery);
    if (!cookies.isEmpty()) {
      e.put("cookies", cookies);
    }
    e.put("headers", headers);
    if (!query.isEmpty()) {
      e.put("queryStringParameters", query);
    }
    e.put("requestContext", ctx);
    if (body.length > 0) {
      String text = utf8(body);
      e.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
      e.put("isBase64Encoded", text == null);
    } else {
      e.put("isBase64Encoded", false);
    }
    return e;
  }

  private int respond(HttpExchange ex, String output) throws IOException {
    Object result;
    try {
      result = output.isBlank() ? null : Json.parse(output);
    } catch (JsonException e) {
      result = output;
    }
    if (result instanceof Map<?, ?> m && m.get("statusCode") instanceof Number code) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (m.get("headers") instanceof Map<?, ?> h) {
        h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
      }
      if (m.get("multiValueHeaders") instanceof Map<?, ?> mh) {
        mh.forEach((k, v) -> headers.put(String.valueOf(k),
            v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
      }
      Object body = m.get("body");
      byte[] bytes = body == null ? new byte[0]
          : Boolean.TRUE.equals(m.get("isBase64Encoded")) ? Base64.getDecoder().decode(String.valueOf(body))
          : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
      if (m.get("cookies") instanceof List<?> cookies) {
        for (Object c : cookies) {
          ex.getResponseHeaders().add("set-cookie", String.valueOf(c));
        }
      }
      send(ex, code.intValue(), headers, bytes);
      return code.intValue();
    }
    String body = result instanceof String s ? s : output;
    send(ex, 200, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    return 200;
  }

  private static void send(HttpExchange ex, int status, Map<String, String> headers, byte[] body) throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static final class DevContext implements Context {
    private final String requestId;

    DevContext(String requestId) {
      this.requestId = requestId;
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/dev-serve";
    }

    @Override
    public String getLogStreamName() {
      return "dev-serve";
    }

    @Override
    public String getFunctionName() {
      return "dev-serve";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:local:000000000000:function:dev-serve";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
