package dev.bulwark.runtime.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectionExceptionsTest {

  @Test
  void matchesOneSegmentWithAStarAndAnyDepthWithTwo() {
    DetectionExceptions e = DetectionExceptions.builder()
        .exemptField("body.$.items[*].note", AttackClass.XSS)
        .exemptField("body.$.cms.**", AttackClass.XSS)
        .build();

    assertThat(e.exempts("", "body.$.items[12].note", AttackClass.XSS)).isTrue();
    assertThat(e.exempts("", "body.$.items[1].sub.note", AttackClass.XSS)).isFalse();
    assertThat(e.exempts("", "body.$.cms.page.blocks[3].html", AttackClass.XSS)).isTrue();
    assertThat(e.exempts("", "body.$.cmsx", AttackClass.XSS)).isFalse();
  }

  @Test
  void matchesRoutesWithSlashSeparatedSegments() {
    DetectionExceptions e = DetectionExceptions.builder()
        .exempt("GET /items/*", "query.filter", AttackClass.SQL_INJECTION)
        .exemptRoute("POST /admin/**", AttackClass.SSRF)
        .build();

    assertThat(e.exempts("GET /items/{id}", "query.filter", AttackClass.SQL_INJECTION)).isTrue();
    assertThat(e.exempts("GET /items/{id}/parts", "query.filter", AttackClass.SQL_INJECTION))
        .isFalse();
    assertThat(e.exempts("GET /items/{id}", "query.other", AttackClass.SQL_INJECTION)).isFalse();
    assertThat(e.exempts("POST /admin/a/b", "body.$.url", AttackClass.SSRF)).isTrue();
    assertThat(e.exempts("POST /admin/a/b", "body.$.url", AttackClass.XSS)).isFalse();
  }

  @Test
  void neverAppliesRouteExceptionsWhenTheRouteIsUnknown() {
    DetectionExceptions e = DetectionExceptions.builder()
        .exemptRoute("**", AttackClass.XSS).build();

    assertThat(e.exemptClasses("", "q")).isEmpty();
    assertThat(e.exemptClasses("GET /", "q")).containsExactly(AttackClass.XSS);
  }

  @Test
  void combinesTheClassesOfEveryMatchingException() {
    DetectionExceptions e = DetectionExceptions.builder()
        .exemptField("body.$.sql", AttackClass.SQL_INJECTION)
        .exempt("POST /r", "body.**", AttackClass.XSS, AttackClass.SSRF)
        .build();

    assertThat(e.exemptClasses("POST /r", "body.$.sql"))
        .containsExactlyInAnyOrder(AttackClass.SQL_INJECTION, AttackClass.XSS, AttackClass.SSRF);
  }

  @Test
  void treatsEveryOtherCharacterLiterally() {
    DetectionExceptions e = DetectionExceptions.builder()
        .exemptField("header.x-a.b+c?", AttackClass.XSS).build();

    assertThat(e.exempts("", "header.x-a.b+c?", AttackClass.XSS)).isTrue();
    assertThat(e.exempts("", "header.x-aXb+c?", AttackClass.XSS)).isFalse();
  }

  @Test
  void failsFastNamingTheBadPattern() {
    DetectionExceptions.Builder b = DetectionExceptions.builder();

    assertThatThrownBy(() -> b.exemptField("", AttackClass.XSS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("location pattern is empty");
    assertThatThrownBy(() -> b.exemptRoute("GET /a/***", AttackClass.XSS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("route pattern 'GET /a/***'").hasMessageContaining("'***'");
    assertThatThrownBy(() -> b.exemptField("a\nb", AttackClass.XSS))
        .hasMessageContaining("control character at index 1");
    assertThatThrownBy(() -> b.exemptField("x".repeat(600), AttackClass.XSS))
        .hasMessageContaining("longer than 512");
    assertThatThrownBy(() -> b.exemptField("a", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void buildsImmutableSnapshotsWithoutChangingTheBuilder() {
    DetectionExceptions.Builder b = DetectionExceptions.builder().exemptField("a", AttackClass.XSS);
    DetectionExceptions first = b.build();
    b.exemptField("b", AttackClass.XSS);
    DetectionExceptions second = b.build();

    assertThat(first.exempts("", "b", AttackClass.XSS)).isFalse();
    assertThat(second.exempts("", "b", AttackClass.XSS)).isTrue();
    assertThat(DetectionExceptions.none().isEmpty()).isTrue();
    assertThat(DetectionExceptions.builder().build()).isSameAs(DetectionExceptions.none());
  }
}
