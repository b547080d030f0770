package orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Processes new orders from the queue. */
public class Worker implements RequestHandler<Map<String, Object>, Void> {
  private static final Logger LOG = LogManager.getLogger(Worker.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  @SuppressWarnings("unchecked")
  public Void handleRequest(Map<String, Object> event, Context context) {
    for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
      try {
        Map<?, ?> order = JSON.readValue((String) record.get("body"), Map.class);
        LOG.info("order {} for {}", order.get("id"), order.get("customer"));
      } catch (Exception e) {
        LOG.error("bad order", e);
      }
    }
    return null;
  }
}
