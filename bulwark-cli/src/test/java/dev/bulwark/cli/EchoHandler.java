package dev.bulwark.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A test handler for dev-serve: answers 200 with the raw query string it was given. */
public final class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Object query = event.get("rawQueryString");
    return Map.of("statusCode", 200, "body", "query=" + (query == null ? "" : query));
  }
}
