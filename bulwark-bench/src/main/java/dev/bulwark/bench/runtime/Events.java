package dev.bulwark.bench.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.bulwark.runtime.ApiKeys;
import dev.bulwark.runtime.InvocationBudget;
import dev.bulwark.runtime.Limits;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.Protection;
import dev.bulwark.runtime.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmark inputs: realistic events written for the benchmarks, and a fully configured protection. */
final class Events {
  private Events() {}

  static final String API_KEY = "bench-partner-key-0123456789abcdef";

  /** Every guard that needs no network: API key auth, limits, detection, rate limit, wallet. */
  static Protection allGuards() {
    return Protection.builder()
        .mode(Mode.BLOCK)
        .eventSink(line -> {})
        .apiKeys(ApiKeys.builder().key("partner", ApiKeys.sha256(API_KEY)).build())
        .limits(Limits.builder().maxBodyBytes(1024 * 1024).maxDepth(32).build())
        .rateLimit(RateLimit.builder(100_000_000L, Duration.ofSeconds(1)).build())
        .invocationBudget(InvocationBudget.builder(1_000_000_000_000L, Duration.ofHours(1)).build())
        .build();
  }

  /** An HTTP API (payload 2.0) POST with a JSON body; about {@code bodyBytes} of body. */
  static Map<String, Object> httpApi(int bodyBytes) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("accept", "application/json");
    headers.put("accept-encoding", "gzip, deflate, br");
    headers.put("accept-language", "en-GB,en;q=0.9");
    headers.put("content-type", "application/json");
    headers.put("host", "k3x9abcd12.execute-api.eu-west-1.amazonaws.com");
    headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36");
    headers.put("x-amzn-trace-id", "Root=1-65a1b2c3-0123456789abcdef01234567");
    headers.put("x-api-key", API_KEY);
    headers.put("x-forwarded-for", "203.0.113.50");
    headers.put("x-forwarded-port", "443");
    headers.put("x-forwarded-proto", "https");
    headers.put("referer", "https://shop.example.com/cart?step=2");
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", "POST");
    http.put("path", "/orders");
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "203.0.113.50");
    http.put("userAgent", headers.get("user-agent"));
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("accountId", "123456789012");
    ctx.put("apiId", "k3x9abcd12");
    ctx.put("domainName", "k3x9abcd12.execute-api.eu-west-1.amazonaws.com");
    ctx.put("domainPrefix", "k3x9abcd12");
    ctx.put("http", http);
    ctx.put("requestId", "RZx1bgw2DoEEMAQ=");
    ctx.put("routeKey", "POST /orders");
    ctx.put("stage", "$default");
    ctx.put("time", "03/Feb/2026:10:15:00 +0000");
    ctx.put("timeEpoch", 1770113700000L);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", "2.0");
    e.put("routeKey", "POST /orders");
    e.put("rawPath", "/orders");
    e.put("rawQueryString", "source=web&campaign=spring-sale");
    e.put("cookies", List.of("theme=dark", "consent=analytics:1"));
    e.put("headers", headers);
    e.put("queryStringParameters", Map.of("source", "web", "campaign", "spring-sale"));
    e.put("requestContext", ctx);
    e.put("body", orderJson(bodyBytes));
    e.put("isBase64Encoded", false);
    return e;
  }

  /** A JSON order of about {@code bytes}: customer, address and line items. */
  static String orderJson(int bytes) {
    StringBuilder b = new StringBuilder(bytes + 200);
    b.append("{\"customer\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"phone\":\"+44 20 7946 0000\"},")
        .append("\"shipping\":{\"street\":\"12 Analytical Row\",\"city\":\"London\",\"postcode\":\"N1 9GU\",\"country\":\"GB\"},")
        .append("\"note\":\"Please leave the parcel with the neighbour if I am not at home.\",\"items\":[");
    int i = 0;
    while (b.length() < bytes - 120) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"sku\":\"SKU-").append(10000 + i).append("\",\"name\":\"Organic cotton t-shirt, size M\",")
          .append("\"quantity\":").append(1 + i % 3).append(",\"price\":\"19.90\",\"gift\":").append(i % 2 == 0).append('}');
      i++;
    }
    return b.append("],\"coupon\":\"SPRING-2026\"}").toString();
  }

  /** An SQS batch of {@code n} order messages. */
  static Map<String, Object> sqs(int n) {
    List<Object> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("messageId", "5f0e9a2c-0000-4000-8000-00000000000" + i);
      r.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a+receipt+" + i);
      r.put("body", orderJson(600));
      r.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1770113700000",
          "SenderId", "AIDAIENQZJOLO23YVJ4VO", "ApproximateFirstReceiveTimestamp", "1770113700001"));
      r.put("messageAttributes", Map.of("tenant", Map.of("stringValue", "acme", "dataType", "String")));
      r.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:orders");
      r.put("awsRegion", "eu-west-1");
      records.add(r);
    }
    return Map.of("Records", records);
  }

  static final Context CONTEXT = new Context() {
    @Override
    public String getAwsRequestId() {
      return "8c7d2f4e-1111-4222-8333-944455556666";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      return "bench";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-1:123456789012:function:bench";
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
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  };
}
