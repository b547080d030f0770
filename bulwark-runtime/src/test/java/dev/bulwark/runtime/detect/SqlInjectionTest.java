package dev.bulwark.runtime.detect;

import static dev.bulwark.runtime.detect.AttackClass.SQL_INJECTION;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlInjectionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "4 OR 2=2                              | sqli.tautology",
        "bob' OR 'q'='q                        | sqli.tautology",
        "bob\" OR \"q\"=\"q                    | sqli.tautology",
        "-9 UNION ALL SELECT 1,2,3             | sqli.union",
        "x'; DROP TABLE invoices; --           | sqli.stacked-query",
        "5 AND SLEEP(3)                        | sqli.time-delay",
        "x' WAITFOR DELAY '0:0:9'--            | sqli.time-delay",
        "3 AND ASCII(SUBSTRING(user(),1,1))>90 | sqli.blind-extraction",
        "7 INTO OUTFILE '/tmp/x'               | sqli.into-outfile",
        "guest'--                              | sqli.comment-truncation",
      })
  void namesTheConstructThatMakesATextAnInjection(String payload, String rule) {
    assertThat(Scan.value(payload.trim(), SQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo(rule));
  }

  @Test
  void ratesGrammarConfirmedInjectionsAboveTheBlockingThreshold() {
    assertThat(Scan.value("-1 UNION SELECT password FROM users", SQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.confidence()).isGreaterThanOrEqualTo(Confidence.CONFIRMED));
  }

  @Test
  void ratesABareTruncationAsLikelyOnly() {
    assertThat(Scan.value("guest'--", SQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.confidence())
            .isEqualTo(Confidence.LIKELY)
            .isLessThan(Confidence.DEFAULT_BLOCK_THRESHOLD));
  }

  @Test
  void requiresTheApplicationsQuoteToBeClosedOrCutOff() {
    // the second quote re-opens a string that the application's closing quote ends
    assertThat(Scan.value("x' OR 'a'='a", SQL_INJECTION)).isPresent();
    // the same words with a dangling quote are prose, not an injection
    assertThat(Scan.value("the 'best' or the 'worst' choice", SQL_INJECTION)).isEmpty();
  }

  @Test
  void readsMySqlExecutableCommentsAsSql() {
    assertThat(Scan.value("1 /*!UNION*/ /*!SELECT*/ 1,2", SQL_INJECTION)).isPresent();
    assertThat(Scan.value("1 /*!50000UNION SELECT*/ 1,2", SQL_INJECTION)).isPresent();
  }

  @Test
  void seesThroughCaseCommentsAndOddWhitespace() {
    assertThat(Scan.value("1/**/uNiOn/**/sElEcT/**/1,2", SQL_INJECTION)).isPresent();
    assertThat(Scan.value("1\u000bUNION\u000cSELECT\u00a01,2", SQL_INJECTION)).isPresent();
    assertThat(Scan.value("1 UNION#comment\nSELECT 1,2", SQL_INJECTION)).isPresent();
  }

  @Test
  void decodesOneMoreLayerOfUrlEncoding() {
    assertThat(Scan.value("1%20UNION%20SELECT%201,2", SQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.excerpt()).contains("UNION SELECT"));
  }

  @Test
  void treatsMySqlIdentifiersThatStartWithDigitsAsIdentifiers() {
    // 9WYTCZ is one identifier for MySQL, so this is not "9 <word>" garbage but 182 UNION is split
    assertThat(Scan.value("182UNION SELECT 1,2", SQL_INJECTION)).isPresent();
    assertThat(Scan.value("4-1-7-CUEIPNJF1QIETPB8", SQL_INJECTION)).isEmpty();
  }

  @Test
  void acceptsTransactSqlStatementsWithoutASemicolon() {
    assertThat(Scan.value("me' EXEC master..xp_cmdshell 'whoami'--", SQL_INJECTION))
        .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo("sqli.stacked-query"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "O'Brien",
        "It's 4 o'clock and I'm late",
        "Please select one option or the other",
        "The union select committee meets on Friday",
        "drop table ideas",
        "10 or less",
        "1950 or 1960",
        "x<5 && y>3",
        "price = 10 and color = red",
        "Y'ALL COME BACK NOW",
        "1; exec will create the case",
        "ALARM(Api.Latency) OR ALARM(Api.Errors)",
        "user(login_name), images(url)",
        "see #3 -- the last one",
        "it's a 'must' -- really"
      })
  void leavesProseAndFiltersAlone(String text) {
    assertThat(Scan.value(text, SQL_INJECTION)).isEmpty();
  }

  @Test
  void keepsTheExcerptShortAndOnTheOffendingText() {
    String padding = "lorem ipsum ".repeat(40);
    Detection d = Scan.value(padding + "' UNION SELECT card FROM cards--", SQL_INJECTION).orElseThrow();

    assertThat(d.excerpt()).hasSizeLessThanOrEqualTo(64).contains("UNION");
  }
}
