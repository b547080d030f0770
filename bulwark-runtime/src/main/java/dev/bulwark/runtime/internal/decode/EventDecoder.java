package dev.bulwark.runtime.internal.decode;

import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.detect.Input;
import dev.bulwark.runtime.detect.Input.Kind;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Lambda event (a tree of maps, lists and scalars) into the user-controlled values it
 * carries, each with its location. Recognises the trigger from the event's shape, decodes the
 * layers (base64, gzip, URL and form encoding, JSON bodies, JSON strings nested in messages,
 * multipart fields) within fixed bounds, and never throws on a well-formed tree.
 */
public final class EventDecoder {

  /** Most values taken from one event. */
  public static final int MAX_FIELDS = 100_000;
  /** Most characters of values taken from one event. */
  public static final long MAX_CHARS = 16L * 1024 * 1024;
  /** Most nested encoded layers (JSON in a string in JSON…) expanded below one value. */
  public static final int MAX_LAYERS = 3;
  /** Most bytes produced by base64 or gzip decoding of one value. */
  public static final int MAX_DECODED_BYTES = 16 * 1024 * 1024;
  /** Deepest JSON walked. */
  public static final int MAX_DEPTH = 96;

  private static final List<String> CREDENTIAL_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "x-api-key");

  private final List<String> credentialHeaders;

  /** A decoder that also keeps {@code extraCredentialHeaders} away from detection. */
  public EventDecoder(List<String> extraCredentialHeaders) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(CREDENTIAL_HEADERS);
    for (String h : extraCredentialHeaders) {
      all.add(h.toLowerCase(Locale.ROOT));
    }
    this.credentialHeaders = List.copyOf(all);
  }

  public EventDecoder() {
    this(List.of());
  }

  /** Decodes {@code event}; problems become {@link DecodedEvent#notes()}. */
  public DecodedEvent decode(@Nullable Object event) {
    DecodedEvent out = new DecodedEvent();
    Walk w = new Walk(out);
    if (!(event instanceof Map<?, ?> root)) {
      out.trigger = Trigger.DIRECT;
      w.walk(event, "$", -1, 0, 0);
      return out;
    }
    out.trigger = classify(root);
    switch (out.trigger) {
      case API_GATEWAY_REST:
      case API_GATEWAY_WEBSOCKET:
      case ALB:
        w.httpV1(root, out.trigger == Trigger.ALB);
        break;
      case API_GATEWAY_HTTP:
      case FUNCTION_URL:
        w.httpV2(root);
        break;
      case AUTHORIZER:
        w.authorizer(root);
        break;
      case SQS:
        w.sqs(root);
        break;
      case SNS:
        w.sns(root);
        break;
      case S3:
        w.s3(root);
        break;
      case DYNAMODB:
        w.dynamodb(root);
        break;
      case KINESIS:
        w.kinesis(root);
        break;
      case EVENTBRIDGE:
        w.walk(get(root, "detail"), "detail", -1, 1, 0);
        break;
      case CLOUDWATCH_LOGS:
        w.cloudwatchLogs(root);
        break;
      case COGNITO:
        w.cognito(root);
        break;
      default:
        w.walk(root, "$", -1, 0, 0);
    }
    return out;
  }

  /** Recognises the trigger from the event's shape. */
  public static Trigger classify(Map<?, ?> root) {
    Object records = get(root, "Records");
    if (records instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
      String source = str(get(first, "eventSource"));
      if (source == null) {
        source = str(get(first, "EventSource"));
      }
      if (source != null) {
        switch (source) {
          case "aws:sqs":
            return Trigger.SQS;
          case "aws:sns":
            return Trigger.SNS;
          case "aws:s3":
            return Trigger.S3;
          case "aws:dynamodb":
            return Trigger.DYNAMODB;
          case "aws:kinesis":
            return Trigger.KINESIS;
          default:
            break;
        }
      }
      if (get(first, "s3") instanceof Map<?, ?>) {
        return Trigger.S3;
      }
      return Trigger.DIRECT;
    }
    if (get(root, "awslogs") instanceof Map<?, ?> logs && get(logs, "data") instanceof String) {
      return Trigger.CLOUDWATCH_LOGS;
    }
    if (get(root, "triggerSource") instanceof String && get(root, "userPoolId") != null) {
      return Trigger.COGNITO;
    }
    String type = str(get(root, "type"));
    if (("TOKEN".equals(type) || "REQUEST".equals(type))
        && (get(root, "methodArn") != null || get(root, "routeArn") != null)) {
      return Trigger.AUTHORIZER;
    }
    Object rc = get(root, "requestContext");
    if (rc instanceof Map<?, ?> ctx) {
      if (get(ctx, "elb") != null) {
        return Trigger.ALB;
      }
      if (get(ctx, "http") instanceof Map<?, ?>) {
        String domain = str(get(ctx, "domainName"));
        return domain != null && domain.contains(".lambda-url.")
            ? Trigger.FUNCTION_URL
            : Trigger.API_GATEWAY_HTTP;
      }
      if (get(root, "httpMethod") != null || get(root, "resource") != null) {
        return Trigger.API_GATEWAY_REST;
      }
      if (get(ctx, "connectionId") != null || get(ctx, "eventType") != null) {
        return Trigger.API_GATEWAY_WEBSOCKET;
      }
    }
    if (get(root, "detail-type") != null && get(root, "source") != null && root.containsKey("detail")) {
      return Trigger.EVENTBRIDGE;
    }
    return Trigger.DIRECT;
  }

  // ------------------------------------------------------------------ tree helpers

  /** {@code map.get(key)}, or null when {@code map} is not a map. */
  public static @Nullable Object get(@Nullable Object map, String key) {
    return map instanceof Map<?, ?> m ? m.get(key) : null;
  }

  static @Nullable String str(@Nullable Object o) {
    return o instanceof String s ? s : null;
  }

  static boolean truthy(@Nullable Object o) {
    return Boolean.TRUE.equals(o) || (o instanceof String s && s.equalsIgnoreCase("true"));
  }

  // ------------------------------------------------------------------ the walk

  private final class Walk {
    private final DecodedEvent out;

    Walk(DecodedEvent out) {
      this.out = out;
    }

    boolean add(String location, String value, Kind kind, int record) {
      if (value.isEmpty()) {
        return true;
      }
      if (out.truncated) {
        return false;
      }
      if (out.fields.size() >= MAX_FIELDS || out.totalChars + value.length() > MAX_CHARS) {
        out.truncated = true;
        out.notes.add("decode limit reached at " + location + ": later values were not inspected");
        return false;
      }
      out.totalChars += value.length();
      out.fields.add(new Field(new Input(location, value, kind), record));
      return true;
    }

    /** Walks any value: strings are inputs (JSON inside them expanded), keys of objects too. */
    void walk(@Nullable Object node, String loc, int record, int depth, int layer) {
      if (out.truncated || node == null) {
        return;
      }
      if (depth > MAX_DEPTH) {
        note("nesting deeper than " + MAX_DEPTH + " at " + loc + " was not inspected");
        return;
      }
      if (node instanceof String s) {
        text(s, loc, record, layer);
      } else if (node instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String k = String.valueOf(e.getKey());
          String child = child(loc, k);
          if (!add(child, k, Kind.KEY, record)) {
            return;
          }
          walk(e.getValue(), child, record, depth + 1, layer);
        }
      } else if (node instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          walk(l.get(i), loc + "[" + i + "]", record, depth + 1, layer);
        }
      }
    }

    /** A string value: expanded when it holds a JSON container, else one input. */
    void text(String s, String loc, int record, int layer) {
      if (layer < MAX_LAYERS && s.length() > 1 && Json.looksLikeContainer(s)) {
        try {
          Object parsed = Json.parse(s, MAX_DEPTH);
          walk(parsed, loc + ".$", record, 0, layer + 1);
          return;
        } catch (JsonException e) {
          // not JSON after all: inspect the text as it is
        }
      }
      add(loc, s, Kind.VALUE, record);
    }

    void note(String message) {
      if (out.notes.size() < 20) {
        out.notes.add(message);
      }
    }

    // ---------------------------------------------------------------- HTTP

    void httpV1(Map<?, ?> root, boolean alb) {
      Map<?, ?> ctx = map(get(root, "requestContext"));
      out.method = str(get(root, "httpMethod"));
      out.path = str(get(root, "path"));
      out.routeTemplate = str(get(root, "resource"));
      out.apiRequestId = ctx == null ? null : str(get(ctx, "requestId"));
      if (ctx != null && get(ctx, "identity") instanceof Map<?, ?> id) {
        String ip = str(get(id, "sourceIp"));
        out.sourceIp = ip == null ? "" : ip;
      }
      Map<?, ?> mvh = map(get(root, "multiValueHeaders"));
      if (mvh != null && !mvh.isEmpty()) {
        out.multiValueHeaders = alb;
        for (Map.Entry<?, ?> e : mvh.entrySet()) {
          if (e.getValue() instanceof List<?> values) {
            for (Object v : values) {
              header(String.valueOf(e.getKey()), str(v));
            }
          }
        }
      } else {
        Map<?, ?> h = map(get(root, "headers"));
        if (h != null) {
          h.forEach((k, v) -> header(String.valueOf(k), str(v)));
        }
      }
      if (alb) {
        String xff = out.headers.get("x-forwarded-for");
        if (xff != null) {
          int comma = xff.lastIndexOf(',');
          out.sourceIp = (comma < 0 ? xff : xff.substring(comma + 1)).trim();
        }
      }
      if (out.path != null) {
        add("path", alb ? Urls.decode(out.path, false) : out.path, Kind.PATH, -1);
      }
      Map<?, ?> mvq = map(get(root, "multiValueQueryStringParameters"));
      if (mvq != null && !mvq.isEmpty()) {
        for (Map.Entry<?, ?> e : mvq.entrySet()) {
          String k = alb ? Urls.decode(String.valueOf(e.getKey()), true) : String.valueOf(e.getKey());
          add("query." + k, k, Kind.KEY, -1);
          if (e.getValue() instanceof List<?> values) {
            for (Object v : values) {
              String s = str(v);
              if (s != null) {
                text(alb ? Urls.decode(s, true) : s, "query." + k, -1, 0);
              }
            }
          }
        }
      } else {
        Map<?, ?> q = map(get(root, "queryStringParameters"));
        if (q != null) {
          for (Map.Entry<?, ?> e : q.entrySet()) {
            String k = alb ? Urls.decode(String.valueOf(e.getKey()), true) : String.valueOf(e.getKey());
            add("query." + k, k, Kind.KEY, -1);
            String s = str(e.getValue());
            if (s != null) {
              text(alb ? Urls.decode(s, true) : s, "query." + k, -1, 0);
            }
          }
        }
      }
      pathParameters(root);
      headersAsInputs();
      cookieHeader();
      body(root);
    }

    void httpV2(Map<?, ?> root) {
      Map<?, ?> ctx = map(get(root, "requestContext"));
      Map<?, ?> http = ctx == null ? null : map(get(ctx, "http"));
      out.method = http == null ? null : str(get(http, "method"));
      String raw = str(get(root, "rawPath"));
      out.path = raw != null ? raw : http == null ? null : str(get(http, "path"));
      String routeKey = str(get(root, "routeKey"));
      if (routeKey != null && !routeKey.equals("$default")) {
        int sp = routeKey.indexOf(' ');
        out.routeTemplate = sp < 0 ? routeKey : routeKey.substring(sp + 1);
      }
      out.apiRequestId = ctx == null ? null : str(get(ctx, "requestId"));
      String ip = http == null ? null : str(get(http, "sourceIp"));
      out.sourceIp = ip == null ? "" : ip;
      Map<?, ?> h = map(get(root, "headers"));
      if (h != null) {
        h.forEach((k, v) -> header(String.valueOf(k), str(v)));
      }
      if (out.path != null) {
        add("path", Urls.decode(out.path, false), Kind.PATH, -1);
      }
      Map<?, ?> q = map(get(root, "queryStringParameters"));
      if (q != null) {
        for (Map.Entry<?, ?> e : q.entrySet()) {
          String k = String.valueOf(e.getKey());
          add("query." + k, k, Kind.KEY, -1);
          String s = str(e.getValue());
          if (s != null) {
            text(s, "query." + k, -1, 0);
          }
        }
      }
      pathParameters(root);
      headersAsInputs();
      if (get(root, "cookies") instanceof List<?> cookies) {
        for (Object c : cookies) {
          String s = str(c);
          if (s != null) {
            cookie(s);
          }
        }
      } else {
        cookieHeader();
      }
      body(root);
    }

    void authorizer(Map<?, ?> root) {
      String token = str(get(root, "authorizationToken"));
      if (token != null) {
        out.authorizerToken = token;
      }
      if ("2.0".equals(str(get(root, "version")))) {
        httpV2(root);
      } else if (get(root, "headers") != null || get(root, "multiValueHeaders") != null) {
        httpV1(root, false);
      }
    }

    void pathParameters(Map<?, ?> root) {
      Map<?, ?> pp = map(get(root, "pathParameters"));
      if (pp != null) {
        for (Map.Entry<?, ?> e : pp.entrySet()) {
          String s = str(e.getValue());
          if (s != null) {
            add("path." + e.getKey(), s, Kind.PATH, -1);
          }
        }
      }
    }

    void header(String name, @Nullable String value) {
      if (value == null) {
        return;
      }
      String k = name.toLowerCase(Locale.ROOT);
      out.headers.merge(k, value, (a, b) -> a + ", " + b);
    }

    void headersAsInputs() {
      for (Map.Entry<String, String> e : out.headers.entrySet()) {
        String k = e.getKey();
        if (credentialHeaders.contains(k) || k.startsWith("x-amzn-") || k.startsWith("cloudfront-")
            || k.equals("x-amz-cf-id") || k.equals("via") || k.equals("content-length")
            || k.equals("x-forwarded-port") || k.equals("x-forwarded-proto")) {
          continue;
        }
        add("header." + k, e.getValue(), Kind.HEADER, -1);
      }
      String ct = out.headers.get("content-type");
      if (ct != null) {
        int semi = ct.indexOf(';');
        out.contentType = (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
      }
    }

    void cookieHeader() {
      String c = out.headers.get("cookie");
      if (c != null) {
        for (String part : Strings.split(c, ';')) {
          cookie(part);
        }
      }
    }

    void cookie(String pair) {
      String p = pair.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        return;
      }
      String name = p.substring(0, eq).trim();
      add("cookie." + name, Urls.decode(p.substring(eq + 1).trim(), false), Kind.VALUE, -1);
    }

    void body(Map<?, ?> root) {
      String b = str(get(root, "body"));
      if (b == null || b.isEmpty()) {
        return;
      }
      byte[] bytes;
      if (truthy(get(root, "isBase64Encoded"))) {
        bytes = base64(b, "body");
        if (bytes == null) {
          return;
        }
      } else {
        bytes = b.getBytes(StandardCharsets.UTF_8);
      }
      out.body = bytes;
      String ct = out.contentType;
      if (ct.equals("multipart/form-data")) {
        String boundary = Multipart.boundary(out.headers.getOrDefault("content-type", ""));
        if (boundary == null) {
          note("multipart body without a boundary was inspected as text");
          add("body", utf8(bytes), Kind.VALUE, -1);
          return;
        }
        for (Multipart.Part part : Multipart.parse(bytes, boundary, 1000)) {
          String loc = "form." + part.name();
          if (part.filename() != null) {
            add(loc + ".filename", part.filename(), Kind.VALUE, -1);
          }
          if (part.isText()) {
            text(part.text(), loc, -1, 0);
          }
        }
        return;
      }
      if (isBinary(ct)) {
        return;
      }
      String t = utf8(bytes);
      if (ct.equals("application/x-www-form-urlencoded")) {
        form(t, "form", -1);
        return;
      }
      boolean json = ct.equals("application/json") || ct.endsWith("+json");
      if (json || (ct.isEmpty() && Json.looksLikeContainer(t))) {
        try {
          Object parsed = Json.parse(t, MAX_DEPTH);
          out.bodyJson = parsed;
          measure(parsed, 1);
          walk(parsed, "body.$", -1, 0, 1);
          return;
        } catch (JsonException e) {
          out.bodyJsonInvalid = json;
          if (json) {
            note("body is not valid JSON (" + e.getMessage() + "): inspected as text");
          }
        }
      }
      add("body", t, Kind.VALUE, -1);
    }

    void measure(@Nullable Object node, int depth) {
      BodyStats s = out.bodyStats;
      if (node instanceof Map<?, ?> m) {
        s.depth = Math.max(s.depth, depth);
        for (Object v : m.values()) {
          measure(v, depth + 1);
        }
        for (Object k : m.keySet()) {
          s.maxStringLength = Math.max(s.maxStringLength, String.valueOf(k).length());
        }
      } else if (node instanceof List<?> l) {
        s.depth = Math.max(s.depth, depth);
        s.maxArrayLength = Math.max(s.maxArrayLength, l.size());
        for (Object v : l) {
          measure(v, depth + 1);
        }
      } else if (node instanceof String str) {
        s.maxStringLength = Math.max(s.maxStringLength, str.length());
      }
    }

    void form(String t, String prefix, int record) {
      int start = 0;
      int n = t.length();
      while (start <= n) {
        int amp = t.indexOf('&', start);
        if (amp < 0) {
          amp = n;
        }
        if (amp > start) {
          String pair = t.substring(start, amp);
          int eq = pair.indexOf('=');
          String k = Urls.decode(eq < 0 ? pair : pair.substring(0, eq), true);
          String v = eq < 0 ? "" : Urls.decode(pair.substring(eq + 1), true);
          add(prefix + "." + k, k, Kind.KEY, record);
          text(v, prefix + "." + k, record, 0);
        }
        start = amp + 1;
      }
    }

    // ---------------------------------------------------------------- records

    List<?> records(Map<?, ?> root) {
      Object r = get(root, "Records");
      List<?> list = r instanceof List<?> l ? l : List.of();
      out.recordCount = list.size();
      return list;
    }

    void sqs(Map<?, ?> root) {
      List<?> records = records(root);
      for (int i = 0; i < records.size(); i++) {
        Map<?, ?> r = map(records.get(i));
        String id = r == null ? null : str(get(r, "messageId"));
        out.recordIds.add(id == null ? "" : id);
        if (r == null) {
          continue;
        }
        String loc = "records[" + i + "]";
        String body = str(get(r, "body"));
        if (body != null) {
          text(body, loc + ".body", i, 0);
        }
        messageAttributes(get(r, "messageAttributes"), loc + ".messageAttributes", i, "stringValue");
      }
    }

    void messageAttributes(@Nullable Object attrs, String loc, int record, String valueKey) {
      if (attrs instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String v = str(get(e.getValue(), valueKey));
          if (v != null) {
            text(v, loc + "." + e.getKey(), record, 0);
          }
        }
      }
    }

    void sns(Map<?, ?> root) {
      List<?> records = records(root);
      for (int i = 0; i < records.size(); i++) {
        Object sns = get(records.get(i), "Sns");
        if (!(sns instanceof Map<?, ?> m)) {
          continue;
        }
        String loc = "records[" + i + "].sns";
        String subject = str(get(m, "Subject"));
        if (subject != null) {
          text(subject, loc + ".subject", i, 0);
        }
        String message = str(get(m, "Message"));
        if (message != null) {
          text(message, loc + ".message", i, 0);
        }
        messageAttributes(get(m, "MessageAttributes"), loc + ".messageAttributes", i, "Value");
      }
    }

    void s3(Map<?, ?> root) {
      List<?> records = records(root);
      for (int i = 0; i < records.size(); i++) {
        Object obj = get(get(records.get(i), "s3"), "object");
        String key = str(get(obj, "key"));
        if (key != null) {
          // S3 notifications carry keys URL-encoded with '+' for spaces
          add("records[" + i + "].s3.object.key", Urls.decode(key, true), Kind.PATH, i);
        }
      }
    }

    void dynamodb(Map<?, ?> root) {
      List<?> records = records(root);
      for (int i = 0; i < records.size(); i++) {
        Object ddb = get(records.get(i), "dynamodb");
        String seq = str(get(ddb, "SequenceNumber"));
        out.recordIds.add(seq == null ? "" : seq);
        String loc = "records[" + i + "].dynamodb";
        for (String image : List.of("Keys", "NewImage", "OldImage")) {
          if (get(ddb, image) instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
              attributeValue(e.getValue(), loc + "." + image + "." + e.getKey(), i, 0);
            }
          }
        }
      }
    }

    /** A DynamoDB attribute value: {"S": …}, {"SS": […]}, {"M": {…}}, {"L": […]}. */
    void attributeValue(@Nullable Object av, String loc, int record, int depth) {
      if (!(av instanceof Map<?, ?> m) || depth > MAX_DEPTH || out.truncated) {
        return;
      }
      Object s = get(m, "S");
      if (s instanceof String str) {
        text(str, loc, record, 0);
      }
      if (get(m, "SS") instanceof List<?> ss) {
        for (int j = 0; j < ss.size(); j++) {
          if (ss.get(j) instanceof String str) {
            text(str, loc + "[" + j + "]", record, 0);
          }
        }
      }
      if (get(m, "M") instanceof Map<?, ?> mm) {
        for (Map.Entry<?, ?> e : mm.entrySet()) {
          add(loc + "." + e.getKey(), String.valueOf(e.getKey()), Kind.KEY, record);
          attributeValue(e.getValue(), loc + "." + e.getKey(), record, depth + 1);
        }
      }
      if (get(m, "L") instanceof List<?> l) {
        for (int j = 0; j < l.size(); j++) {
          attributeValue(l.get(j), loc + "[" + j + "]", record, depth + 1);
        }
      }
    }

    void kinesis(Map<?, ?> root) {
      List<?> records = records(root);
      for (int i = 0; i < records.size(); i++) {
        Object k = get(records.get(i), "kinesis");
        String seq = str(get(k, "sequenceNumber"));
        out.recordIds.add(seq == null ? "" : seq);
        String data = str(get(k, "data"));
        if (data == null) {
          continue;
        }
        String loc = "records[" + i + "].data";
        byte[] bytes = base64(data, loc);
        if (bytes == null) {
          continue;
        }
        if (isGzip(bytes)) {
          bytes = gunzip(bytes, loc);
          if (bytes == null) {
            continue;
          }
        }
        if (looksBinary(bytes)) {
          continue;
        }
        text(utf8(bytes), loc, i, 0);
      }
    }

    void cloudwatchLogs(Map<?, ?> root) {
      String data = str(get(get(root, "awslogs"), "data"));
      if (data == null) {
        return;
      }
      byte[] bytes = base64(data, "awslogs.data");
      if (bytes == null) {
        return;
      }
      bytes = isGzip(bytes) ? gunzip(bytes, "awslogs.data") : bytes;
      if (bytes == null) {
        return;
      }
      Object doc;
      try {
        doc = Json.parse(utf8(bytes), MAX_DEPTH);
      } catch (JsonException e) {
        note("awslogs.data is not JSON after base64 and gzip: " + e.getMessage());
        return;
      }
      if (get(doc, "logEvents") instanceof List<?> events) {
        for (int i = 0; i < events.size(); i++) {
          String m = str(get(events.get(i), "message"));
          if (m != null) {
            text(m, "logEvents[" + i + "].message", -1, 0);
          }
        }
      }
    }

    void cognito(Map<?, ?> root) {
      Object request = get(root, "request");
      if (request instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String k = String.valueOf(e.getKey());
          if (k.toLowerCase(Locale.ROOT).contains("password")) {
            continue;
          }
          walk(e.getValue(), "request." + k, -1, 1, 0);
        }
      }
      String user = str(get(root, "userName"));
      if (user != null) {
        add("userName", user, Kind.VALUE, -1);
      }
    }

    // ---------------------------------------------------------------- layers

    byte @Nullable [] base64(String s, String loc) {
      if ((long) s.length() * 3 / 4 > MAX_DECODED_BYTES) {
        note(loc + " is larger than " + MAX_DECODED_BYTES + " bytes decoded and was not inspected");
        return null;
      }
      try {
        return Base64.getMimeDecoder().decode(s);
      } catch (IllegalArgumentException e) {
        note(loc + " is not valid base64 and was not inspected");
        return null;
      }
    }

    byte @Nullable [] gunzip(byte[] gz, String loc) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.min(gz.length * 4, 1 << 20));
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
          if (buf.size() + n > MAX_DECODED_BYTES) {
            note(loc + " inflates beyond " + MAX_DECODED_BYTES + " bytes and was not inspected");
            return null;
          }
          buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
      } catch (IOException e) {
        note(loc + " is not valid gzip and was not inspected");
        return null;
      }
    }
  }

  // ------------------------------------------------------------------ small helpers


  private static String child(String loc, String key) {
    boolean simple = !key.isEmpty();
    for (int i = 0; i < key.length() && simple; i++) {
      char c = key.charAt(i);
      simple = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == ':' || c == '@';
    }
    if (simple) {
      return loc + "." + key;
    }
    return loc + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  private static @Nullable Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : null;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static boolean isGzip(byte[] b) {
    return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /** True when the bytes are not text: NULs or many control bytes in the first 512. */
  static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 512);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        control++;
      }
    }
    return control > n / 10;
  }

  private static boolean isBinary(String ct) {
    return ct.startsWith("image/") || ct.startsWith("audio/") || ct.startsWith("video/")
        || ct.equals("application/octet-stream") || ct.equals("application/pdf")
        || ct.equals("application/zip") || ct.equals("application/gzip");
  }
}
