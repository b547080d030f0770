package dev.bulwark.deps.internal.version;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks one {@code a op b} ordering fact in both directions, and equality for '='. */
final class Ordering {

  private Ordering() {}

  static void check(VersionScheme scheme, String a, String op, String b) {
    SchemeVersion x = scheme.parse(a);
    SchemeVersion y = scheme.parse(b);
    int expected = op.equals("<") ? -1 : op.equals(">") ? 1 : 0;
    assertThat(Integer.signum(x.compareTo(y))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(y.compareTo(x))).as("%s %s %s (reversed)", a, op, b)
        .isEqualTo(-expected);
    assertThat(x.equals(y)).as("%s equals %s", a, b).isEqualTo(expected == 0);
    if (expected == 0) {
      assertThat(x.hashCode()).as("hash of %s and %s", a, b).isEqualTo(y.hashCode());
    }
  }
}
