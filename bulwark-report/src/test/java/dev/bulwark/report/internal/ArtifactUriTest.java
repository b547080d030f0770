package dev.bulwark.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArtifactUriTest {

  private static final URI ROOT = URI.create("file:///home/dev/shop/");

  @Test
  void keepsAPlainRelativePathAsItIs() {
    assertThat(ArtifactUri.of("infra/template.yaml", null))
        .isEqualTo(new ArtifactUri("infra/template.yaml", true));
  }

  @Test
  void turnsBackslashesIntoSlashesAndDropsLeadingDotSlash() {
    assertThat(ArtifactUri.of(".\\infra\\template.yaml", null))
        .isEqualTo(new ArtifactUri("infra/template.yaml", true));
    assertThat(ArtifactUri.of("././a.yaml", null)).isEqualTo(new ArtifactUri("a.yaml", true));
  }

  @Test
  void percentEncodesSpacesPercentSignsColonsAndNonAscii() {
    assertThat(ArtifactUri.of("my stack/100%/a:b/é.yaml", null).uri())
        .isEqualTo("my%20stack/100%25/a%3Ab/%C3%A9.yaml");
    assertThat(ArtifactUri.of("a#b?c[d].yaml", null).uri()).isEqualTo("a%23b%3Fc%5Bd%5D.yaml");
  }

  @Test
  void relativisesAbsolutePathsUnderTheRootOnly() {
    assertThat(ArtifactUri.of("/home/dev/shop/infra/t.yaml", ROOT))
        .isEqualTo(new ArtifactUri("infra/t.yaml", true));
    assertThat(ArtifactUri.of("/home/dev/shopping/t.yaml", ROOT))
        .isEqualTo(new ArtifactUri("file:///home/dev/shopping/t.yaml", false));
    assertThat(ArtifactUri.of("/etc/t.yaml", null))
        .isEqualTo(new ArtifactUri("file:///etc/t.yaml", false));
  }

  @Test
  void handlesWindowsDrivesAndUncPaths() {
    assertThat(ArtifactUri.of("C:\\work\\shop\\t.yaml", URI.create("file:///C:/work/shop/")))
        .isEqualTo(new ArtifactUri("t.yaml", true));
    assertThat(ArtifactUri.of("D:\\other\\t.yaml", null))
        .isEqualTo(new ArtifactUri("file:///D:/other/t.yaml", false));
    assertThat(ArtifactUri.of("\\\\server\\share\\t.yaml", null))
        .isEqualTo(new ArtifactUri("file://server/share/t.yaml", false));
  }

  @Test
  void leavesArnsAbsoluteAndEmptyFilesWithoutUri() {
    assertThat(ArtifactUri.of("arn:aws:iam::123456789012:role/app", null))
        .isEqualTo(new ArtifactUri("arn:aws:iam::123456789012:role/app", false));
    assertThat(ArtifactUri.of("", ROOT)).isNull();
  }
}
