package dev.bulwark.runtime.internal.decode;

import dev.bulwark.runtime.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the decoder found in one event. Mutable while decoding, then only read. */
public final class DecodedEvent {
  Trigger trigger = Trigger.DIRECT;
  final List<Field> fields = new ArrayList<>();
  @Nullable String method;
  @Nullable String path;
  @Nullable String routeTemplate;
  String sourceIp = "";
  final Map<String, String> headers = new LinkedHashMap<>();
  boolean multiValueHeaders;
  byte @Nullable [] body;
  String contentType = "";
  @Nullable Object bodyJson;
  boolean bodyJsonInvalid;
  final BodyStats bodyStats = new BodyStats();
  final List<String> recordIds = new ArrayList<>();
  int recordCount;
  @Nullable String apiRequestId;
  @Nullable String authorizerToken;
  final List<String> notes = new ArrayList<>();
  long totalChars;
  boolean truncated;

  public Trigger trigger() {
    return trigger;
  }

  public List<Field> fields() {
    return fields;
  }

  public @Nullable String method() {
    return method;
  }

  public @Nullable String path() {
    return path;
  }

  /** API Gateway's route template without the method ({@code /orders/{id}}), if any. */
  public @Nullable String routeTemplate() {
    return routeTemplate;
  }

  public String sourceIp() {
    return sourceIp;
  }

  /** Lower-case header names; several values are joined with {@code ", "}. */
  public Map<String, String> headers() {
    return headers;
  }

  public @Nullable String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /** True when the request used ALB multi-value headers, so the response must too. */
  public boolean multiValueHeaders() {
    return multiValueHeaders;
  }

  /** The request body's exact bytes (after base64), or null when there is none. */
  public byte @Nullable [] body() {
    return body;
  }

  /** Media type without parameters, lower case; {@code ""} when absent. */
  public String contentType() {
    return contentType;
  }

  public @Nullable Object bodyJson() {
    return bodyJson;
  }

  public boolean bodyJsonInvalid() {
    return bodyJsonInvalid;
  }

  public BodyStats bodyStats() {
    return bodyStats;
  }

  /** Identifiers of batch records for {@code batchItemFailures}, by record index. */
  public List<String> recordIds() {
    return recordIds;
  }

  public int recordCount() {
    return recordCount;
  }

  public @Nullable String apiRequestId() {
    return apiRequestId;
  }

  public @Nullable String authorizerToken() {
    return authorizerToken;
  }

  /** Decode problems worth an event: limits reached, undecodable layers. */
  public List<String> notes() {
    return notes;
  }

  public boolean truncated() {
    return truncated;
  }
}
