package dev.bulwark.runtime.detect;

import static dev.bulwark.runtime.detect.AttackClass.XSS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XssTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "<script>alert(1)</script>                   | xss.script-tag",
        "<img src=q onerror=alert(1)>                | xss.event-handler",
        "<a href='javascript:alert(1)'>a</a>         | xss.script-url",
        "<p style='x:expression(alert(1))'>          | xss.css-expression",
        "<iframe srcdoc='&lt;b onclick=x()&gt;'>     | xss.event-handler",
        "<iframe src=https://evil.example/>          | xss.dangerous-tag",
        "\" onmouseover=\"alert(1)                   | xss.attribute-injection",
        "';alert(1)//                                | xss.script-breakout",
        "javascript:fetch('//evil.example')          | xss.script-url",
      })
  void namesTheConstructThatRunsScript(String payload, String rule) {
    assertThat(Scan.value(payload.trim(), XSS))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo(rule));
  }

  @Test
  void toleratesTheBrokenMarkupBrowsersAccept() {
    assertThat(Scan.value("<img/src=x/onerror=alert(1)>", XSS)).isPresent();
    assertThat(Scan.value("<img src=x onerror=alert(1)", XSS)).isPresent();
    assertThat(Scan.value("<a href=x\"onclick=alert(1)>", XSS)).isPresent();
    assertThat(Scan.value("<<script>alert(1)//<</script>", XSS)).isPresent();
    assertThat(Scan.value("<svg\tonload\n=\nalert(1)>", XSS)).isPresent();
    assertThat(Scan.value("<scr\u0000ipt>alert(1)</script>", XSS)).isPresent();
  }

  @Test
  void decodesCharacterReferencesAndBlanksInUrls() {
    assertThat(Scan.value("<a href=\"&#x6A;&#x61;vascript&colon;alert(1)\">x</a>", XSS)).isPresent();
    assertThat(Scan.value("<a href=\"java&Tab;script:alert(1)\">x</a>", XSS)).isPresent();
    assertThat(Scan.value("<a href=\"&#0000106avascript:alert(1)\">x</a>", XSS)).isPresent();
  }

  @Test
  void findsMarkupHiddenInsideAttributeValues() {
    assertThat(Scan.value("<svg><set to=\"&lt;img src=x onerror=alert(1)&gt;\"/>", XSS))
        .isPresent();
  }

  @Test
  void readsHtmlDataUrlsAsScriptButNotImages() {
    assertThat(Scan.value("<iframe src=\"data:text/html,<script>alert(1)</script>\">", XSS))
        .hasValueSatisfying(d -> assertThat(d.confidence()).isGreaterThanOrEqualTo(0.9));
    assertThat(Scan.value("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", XSS)).isEmpty();
  }

  @Test
  void decodesAnExtraLayerOfEscapes() {
    assertThat(Scan.value("%3Cscript%3Ealert(1)%3C/script%3E", XSS)).isPresent();
    assertThat(Scan.value("&lt;script&gt;alert(1)&lt;/script&gt;", XSS)).isPresent();
    assertThat(Scan.value("\\u003cimg src=x onerror=alert(1)\\u003e", XSS)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<b>bold</b> and <em>this</em>",
        "<a href=\"/help\">help</a>",
        "<img src=\"cat.png\" alt=\"a cat\">",
        "I <3 my dog",
        "x < y and y > z",
        "javascript: the good parts",
        "Learn JavaScript in 10 days",
        "The onerror handler is documented",
        "Go on=off position",
        "once upon a time",
        "1alert(1)",
        "<table width=\"99%\" border=\"0\">",
      })
  void leavesPlainMarkupAndProseAlone(String text) {
    assertThat(Scan.value(text, XSS)).isEmpty();
  }

  @Test
  void reportsAScriptTagEvenInProseWhichFieldExceptionsAreFor() {
    assertThat(Scan.value("Use the <script> tag sparingly", XSS)).isPresent();
  }
}
