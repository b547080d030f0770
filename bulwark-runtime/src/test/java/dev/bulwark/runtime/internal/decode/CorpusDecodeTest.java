package dev.bulwark.runtime.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Conformance on the shared corpus of real Lambda events, when it is next to the project. */
class CorpusDecodeTest {

  static Path corpus() {
    for (Path p : List.of(Path.of("../../shared/corpus/lambda-events"), Path.of("../shared/corpus/lambda-events"),
        Path.of("/work/shared/corpus/lambda-events"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void decodesEveryCorpusEventWithoutError() throws IOException {
    Path dir = corpus();
    assumeTrue(dir != null, "shared corpus lambda-events not found next to the project: conformance not run");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(169);
    EventDecoder decoder = new EventDecoder();
    Map<Trigger, Integer> seen = new EnumMap<>(Trigger.class);
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      try {
        DecodedEvent ev = decoder.decode(Json.parse(Files.readString(f, StandardCharsets.UTF_8)));
        seen.merge(ev.trigger(), 1, Integer::sum);
        if (ev.truncated()) {
          failures.add(f + ": truncated");
        }
      } catch (RuntimeException e) {
        failures.add(f + ": " + e);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(seen.keySet()).contains(Trigger.API_GATEWAY_REST, Trigger.API_GATEWAY_HTTP, Trigger.ALB,
        Trigger.FUNCTION_URL, Trigger.SQS, Trigger.SNS, Trigger.S3, Trigger.DYNAMODB, Trigger.KINESIS,
        Trigger.EVENTBRIDGE, Trigger.CLOUDWATCH_LOGS, Trigger.COGNITO, Trigger.AUTHORIZER, Trigger.DIRECT);
  }
}
