package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {

  @Test
  void defaultsArePlainHideSuppressedAndDescribeOnlyReportRules() {
    ReportOptions d = ReportOptions.defaults();
    assertThat(d.colour()).isFalse();
    assertThat(d.includeSuppressed()).isFalse();
    assertThat(d.sourceRoot()).isNull();
    assertThat(d.toolVersion()).isNull();
    assertThat(d.rules()).isEmpty();
    assertThat(d.informationUri()).isEqualTo(ReportOptions.DEFAULT_INFORMATION_URI);
  }

  @Test
  void addsTheTrailingSlashASourceRootNeeds() {
    assertThat(ReportOptions.builder().sourceRoot(URI.create("file:///src/app")).build()
        .sourceRoot()).isEqualTo(URI.create("file:///src/app/"));
    URI fromPath = ReportOptions.builder().sourceRoot(Path.of("some", "dir")).build().sourceRoot();
    assertThat(fromPath.getScheme()).isEqualTo("file");
    assertThat(fromPath.toString()).endsWith("/some/dir/");
  }

  @Test
  void rejectsARelativeSourceRootNamingIt() {
    assertThatThrownBy(() -> ReportOptions.builder().sourceRoot(URI.create("src/app")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'src/app'")
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> ReportOptions.builder().sourceRoot(URI.create("file:///a?b")))
        .hasMessageContaining("query");
  }

  @Test
  void rejectsABlankToolVersionAndARelativeInformationUri() {
    assertThatThrownBy(() -> ReportOptions.builder().toolVersion("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool version");
    assertThatThrownBy(() -> ReportOptions.builder().informationUri("docs/bulwark"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'docs/bulwark'");
    assertThatThrownBy(() -> ReportOptions.builder().informationUri("http://a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a URI");
  }

  @Test
  void buildLeavesTheBuilderUnchanged() {
    ReportOptions.Builder b = ReportOptions.builder().colour(true)
        .rules(List.of(SampleReports.PUBLIC_URL));
    ReportOptions first = b.build();
    b.colour(false).rules(List.of());
    ReportOptions second = b.build();
    assertThat(first.colour()).isTrue();
    assertThat(first.rules()).containsExactly(SampleReports.PUBLIC_URL);
    assertThat(second.colour()).isFalse();
    assertThat(second.rules()).isEmpty();
  }

  @Test
  void toBuilderKeepsEveryOption() {
    ReportOptions o = ReportOptions.builder().colour(true).includeSuppressed(true)
        .sourceRoot(URI.create("file:///r/")).toolVersion("2.0").informationUri("https://x.test/")
        .rules(List.of(SampleReports.NO_DLQ)).build();
    ReportOptions copy = o.toBuilder().build();
    assertThat(copy.colour()).isTrue();
    assertThat(copy.includeSuppressed()).isTrue();
    assertThat(copy.sourceRoot()).isEqualTo(URI.create("file:///r/"));
    assertThat(copy.toolVersion()).isEqualTo("2.0");
    assertThat(copy.informationUri()).isEqualTo(URI.create("https://x.test/"));
    assertThat(copy.rules()).containsExactly(SampleReports.NO_DLQ);
  }
}
