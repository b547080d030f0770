package dev.bulwark.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesEveryJsonValueKind() {
    Object v = Json.parse("{\"s\":\"a\\u00e9\\n\",\"i\":42,\"l\":12345678901,\"big\":123456789012345678901234,"
        + "\"d\":1.5,\"e\":1e400,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2]]}");
    assertThat(v).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(m.get("s")).isEqualTo("aé\n");
    assertThat(m.get("i")).isEqualTo(42);
    assertThat(m.get("l")).isEqualTo(12345678901L);
    assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234"));
    assertThat(m.get("d")).isEqualTo(1.5);
    assertThat(m.get("e")).isEqualTo(new BigDecimal("1e400"));
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.containsKey("n")).isTrue();
    assertThat(m.get("a")).isEqualTo(List.of(1, List.of(2)));
  }

  @Test
  void writesWhatItReads() {
    String text = "{\"a\":[1,2.5,\"x\\\"y\",null,true],\"b\":{\"c\":\"\\u0001\\u2028\"}}";
    assertThat(Json.write(Json.parse(text))).isEqualTo("{\"a\":[1,2.5,\"x\\\"y\",null,true],\"b\":{\"c\":\"\\u0001\\u2028\"}}");
  }

  @Test
  void namesLineColumnAndReasonOfAnError() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": tru\n}"))
        .isInstanceOf(JsonException.class)
        .hasMessage("line 2, column 8: unexpected token");
    assertThatThrownBy(() -> Json.parse("[1,2] x")).hasMessageContaining("unexpected text after the JSON value");
    assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unterminated string");
  }

  @Test
  void refusesNestingBeyondTheLimitWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than 128");
    assertThat(Json.parse("[".repeat(128) + "]".repeat(128))).isInstanceOf(List.class);
  }

  @Test
  void recognisesContainersCheaply() {
    assertThat(Json.looksLikeContainer("  {\"a\":1} ")).isTrue();
    assertThat(Json.looksLikeContainer("[1]")).isTrue();
    assertThat(Json.looksLikeContainer("{")).isFalse();
    assertThat(Json.looksLikeContainer("hello")).isFalse();
  }
}
