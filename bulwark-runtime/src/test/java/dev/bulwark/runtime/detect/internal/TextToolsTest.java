package dev.bulwark.runtime.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The extra decoding layer, excerpts, globs and case-insensitive word tables. */
class TextToolsTest {

  @Test
  void decodesPercentEscapesAsUtf8() {
    assertThat(ExtraDecoding.urlAndUnicode("%3Cb%3E%C3%A9%E2%82%AC")).isEqualTo("<b>é€");
  }

  @Test
  void decodesOverlongSlashesAndUnicodeEscapes() {
    assertThat(ExtraDecoding.urlAndUnicode("..%c0%af")).isEqualTo("../");
    assertThat(ExtraDecoding.urlAndUnicode("%u003cx\\u003ey\\x3c")).isEqualTo("<x>y<");
  }

  @Test
  void decodesUtf7RunsOnlyWhenTheyHideMarkup() {
    assertThat(ExtraDecoding.urlAndUnicode("+ADw-script+AD4-")).isEqualTo("<script>");
    assertThat(ExtraDecoding.urlAndUnicode("C++ and A+Good")).isNull();
  }

  @Test
  void turnsPlusIntoSpaceOnlyWhenTheTextHasNoSpaces() {
    assertThat(ExtraDecoding.urlAndUnicode("1+UNION+SELECT")).isEqualTo("1 UNION SELECT");
    assertThat(ExtraDecoding.urlAndUnicode("2 + 2")).isNull();
  }

  @Test
  void returnsNullWhenThereIsNothingToDecode() {
    assertThat(ExtraDecoding.urlAndUnicode("plain text")).isNull();
    assertThat(ExtraDecoding.urlAndUnicode("100%")).isNull();
    assertThat(ExtraDecoding.htmlEntities("AT&T")).isNull();
  }

  @Test
  void decodesHtmlReferencesTheWayBrowsersDoInAttributes() {
    assertThat(ExtraDecoding.htmlEntities("&#106;&#x61;&#0000118a&colon;&lt;&amp;"))
        .isEqualTo("java:<&");
    assertThat(ExtraDecoding.htmlEntities("&#99999999999999;")).isEqualTo("\ufffd");
  }

  @Test
  void keepsExcerptsShortAndEscapesControls() {
    String e = Excerpt.of("a\nb\tc" + "x".repeat(200), 0, 3);

    assertThat(e).startsWith("a\\nb\\tc").hasSizeLessThanOrEqualTo(Excerpt.MAX).endsWith("…");
  }

  @Test
  void neverPrintsALongTokenInFull() {
    String token = "eyJhbGciOiJIUzI1NiJ9eyJzdWIiOiJhZG1pbiJ9c2lnbmF0dXJlc2VjcmV0";
    String e = Excerpt.of("Authorization: Bearer " + token + " ' OR 1=1--", 22, 30);

    assertThat(e).doesNotContain(token).contains("eyJhbG…");
  }

  @Test
  void showsTheOffendingRegionOfALongText() {
    String text = "x ".repeat(300) + "<script>alert(1)</script>" + " y".repeat(300);
    int at = text.indexOf("<script>");

    assertThat(Excerpt.of(text, at, at + 8)).contains("<script>").startsWith("…");
  }

  @Test
  void matchesGlobsWithoutBacktracking() {
    Glob g = Glob.compile("location pattern", "a*a*a*a*b", '.');

    assertThat(g.matches("a".repeat(5000))).isFalse();
    assertThat(g.matches("aaaab")).isTrue();
    assertThat(Glob.compile("p", "**", '.').matches("")).isTrue();
    assertThat(Glob.compile("p", "*", '.').matches("a.b")).isFalse();
  }

  @Test
  void rejectsBadGlobs() {
    assertThatThrownBy(() -> Glob.compile("route pattern", "GET /\u0007", '/'))
        .hasMessage("route pattern 'GET /\u0007' has a control character at index 5");
  }

  @Test
  void looksUpWordsIgnoringAsciiCaseWithoutCopying() {
    WordTable t = WordTable.set("union", "select");

    assertThat(t.contains("xUnIoNx", 1, 6)).isTrue();
    assertThat(t.contains("unions", 0, 6)).isFalse();
    assertThat(t.get("", 0, 0)).isZero();
  }
}
