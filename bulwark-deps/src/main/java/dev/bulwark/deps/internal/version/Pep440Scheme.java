package dev.bulwark.deps.internal.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Python package versions: PEP 440 (epochs, pre-, post- and dev-releases, local versions, the
 * normalisations PEP 440 allows: case, {@code alpha}/{@code c}/{@code pre}/{@code preview}/{@code
 * rev}/{@code r} spellings, optional separators, implicit numbers, {@code 1.0-1} as a post-release,
 * a leading {@code v}) and its ordering, as the {@code packaging} library implements them.
 *
 * <p>Strings that are not PEP 440 versions ({@code 0.9-doduo}, {@code 2013-01-21T20:33:09}) still
 * appear in old advisories. They are read as {@code packaging}'s former {@code LegacyVersion}
 * (setuptools' old rules) and sort before every PEP 440 version, so that advisory data stays
 * usable; {@link #isValid} is false for them, and the matcher does not judge installed packages
 * with such versions (pip no longer installs them).
 */
public final class Pep440Scheme implements VersionScheme {

  static final Pep440Scheme INSTANCE = new Pep440Scheme();

  private static final int MAX_LENGTH = 256;
  private static final String[] PRE_SPELLINGS = {
    "alpha", "a", "beta", "b", "preview", "pre", "c", "rc"
  };
  private static final String[] PRE_NORMAL = {"a", "a", "b", "b", "rc", "rc", "rc", "rc"};
  private static final String[] POST_SPELLINGS = {"post", "rev", "r"};

  private Pep440Scheme() {}

  @Override
  public String name() {
    return "PEP 440";
  }

  @Override
  public @Nullable SchemeVersion tryParse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return null;
    }
    Pep440Version v = parsePep440(text, s);
    if (v != null) {
      return v;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return null;
      }
    }
    return new LegacyVersion(text, s);
  }

  /** True only for PEP 440 versions (not for legacy ones). */
  @Override
  public boolean isValid(String text) {
    return tryParse(text) instanceof Pep440Version;
  }

  /** The PEP 440 normal form ({@code 1.0.0-ALPHA1} → {@code 1.0.0a1}), or null when not PEP 440. */
  public @Nullable String normalize(String text) {
    return tryParse(text) instanceof Pep440Version v ? v.normalized() : null;
  }

  // ---- PEP 440 -------------------------------------------------------------------------------

  private static boolean isSep(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c == '-' || c == '_' || c == '.';
  }

  private static boolean digitAt(String s, int i) {
    return i < s.length() && Digits.isDigit(s.charAt(i));
  }

  private static int digitsEnd(String s, int i) {
    while (digitAt(s, i)) {
      i++;
    }
    return i;
  }

  /** Index of the spelling found at {@code i}, longest first as listed, or -1. */
  private static int spellingAt(String s, int i, String[] spellings) {
    for (int k = 0; k < spellings.length; k++) {
      if (s.startsWith(spellings[k], i)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * After a pre/post/dev label ending at {@code i}: the end of its optional number (an optional
   * separator then digits); {@code number[0]} receives the digits or "0".
   */
  private static int labelNumber(String s, int i, String[] number) {
    int k = isSep(s, i) && digitAt(s, i + 1) ? i + 1 : i;
    if (digitAt(s, k)) {
      int end = digitsEnd(s, k);
      number[0] = Digits.strip(s.substring(k, end));
      return end;
    }
    number[0] = "0";
    return i;
  }

  private static @Nullable Pep440Version parsePep440(String text, String s) {
    int n = s.length();
    int i = s.charAt(0) == 'v' ? 1 : 0;
    String epoch = "0";
    int j = digitsEnd(s, i);
    if (j > i && j < n && s.charAt(j) == '!') {
      epoch = Digits.strip(s.substring(i, j));
      i = j + 1;
    }
    List<String> release = new ArrayList<>(4);
    j = digitsEnd(s, i);
    if (j == i) {
      return null;
    }
    release.add(Digits.strip(s.substring(i, j)));
    i = j;
    while (i < n && s.charAt(i) == '.' && digitAt(s, i + 1)) {
      j = digitsEnd(s, i + 1);
      release.add(Digits.strip(s.substring(i + 1, j)));
      i = j;
    }
    String[] number = new String[1];
    int preKind = Pep440Version.NONE;
    String preNumber = "0";
    int k = isSep(s, i) ? i + 1 : i;
    int spelling = spellingAt(s, k, PRE_SPELLINGS);
    if (spelling >= 0) {
      String label = PRE_NORMAL[spelling];
      preKind = label.equals("a") ? 0 : label.equals("b") ? 1 : 2;
      i = labelNumber(s, k + PRE_SPELLINGS[spelling].length(), number);
      preNumber = number[0];
    }
    String post = null;
    if (i < n && s.charAt(i) == '-' && digitAt(s, i + 1)) {
      j = digitsEnd(s, i + 1);
      post = Digits.strip(s.substring(i + 1, j));
      i = j;
    } else {
      k = isSep(s, i) ? i + 1 : i;
      spelling = spellingAt(s, k, POST_SPELLINGS);
      if (spelling >= 0) {
        i = labelNumber(s, k + POST_SPELLINGS[spelling].length(), number);
        post = number[0];
      }
    }
    String dev = null;
    k = isSep(s, i) ? i + 1 : i;
    if (s.startsWith("dev", k)) {
      i = labelNumber(s, k + 3, number);
      dev = number[0];
    }
    List<String> local = null;
    if (i < n && s.charAt(i) == '+') {
      local = new ArrayList<>();
      int start = i + 1;
      for (int p = start; p <= n; p++) {
        if (p == n || isSep(s, p)) {
          if (p == start) {
            return null;
          }
          local.add(s.substring(start, p));
          start = p + 1;
        } else {
          char c = s.charAt(p);
          if (!(Digits.isDigit(c) || c >= 'a' && c <= 'z')) {
            return null;
          }
        }
      }
      i = n;
    }
    if (i != n) {
      return null;
    }
    return new Pep440Version(text, epoch, release, preKind, preNumber, post, dev, local);
  }

  /** A version of either kind; legacy versions sort before PEP 440 ones. */
  abstract static sealed class PypiVersion implements SchemeVersion
      permits Pep440Version, LegacyVersion {
    private final String text;

    PypiVersion(String text) {
      this.text = text;
    }

    @Override
    public final String text() {
      return text;
    }

    @Override
    public final String toString() {
      return text;
    }
  }

  static final class Pep440Version extends PypiVersion {
    static final int NONE = -1;
    private static final String[] PRE_LABELS = {"a", "b", "rc"};

    private final String epoch;
    private final List<String> release;
    /** Release without trailing zeros: what ordering and equality use. */
    private final List<String> trimmed;
    private final int preKind;
    private final String preNumber;
    private final @Nullable String post;
    private final @Nullable String dev;
    private final @Nullable List<String> local;
    private final String key;

    Pep440Version(
        String text,
        String epoch,
        List<String> release,
        int preKind,
        String preNumber,
        @Nullable String post,
        @Nullable String dev,
        @Nullable List<String> local) {
      super(text);
      this.epoch = epoch;
      this.release = List.copyOf(release);
      int end = release.size();
      while (end > 1 && release.get(end - 1).equals("0")) {
        end--;
      }
      this.trimmed = List.copyOf(release.subList(0, end));
      this.preKind = preKind;
      this.preNumber = preNumber;
      this.post = post;
      this.dev = dev;
      this.local = local == null ? null : List.copyOf(local);
      this.key = render(trimmed, true);
    }

    String normalized() {
      return render(release, false);
    }

    private String render(List<String> rel, boolean canonicalLocal) {
      StringBuilder b = new StringBuilder();
      if (!epoch.equals("0")) {
        b.append(epoch).append('!');
      }
      b.append(String.join(".", rel));
      if (preKind != NONE) {
        b.append(PRE_LABELS[preKind]).append(preNumber);
      }
      if (post != null) {
        b.append(".post").append(post);
      }
      if (dev != null) {
        b.append(".dev").append(dev);
      }
      if (local != null) {
        b.append('+');
        for (int i = 0; i < local.size(); i++) {
          String seg = local.get(i);
          if (i > 0) {
            b.append('.');
          }
          boolean numeric = Digits.allDigits(seg, 0, seg.length());
          b.append(canonicalLocal && numeric ? Digits.strip(seg) : seg);
        }
      }
      return b.toString();
    }

    /** packaging's pre-release key: -inf for dev-only versions, +inf when no pre-release. */
    private int preRank() {
      if (preKind == NONE && post == null && dev != null) {
        return -1;
      }
      return preKind == NONE ? 3 : preKind;
    }

    @Override
    public int compareTo(SchemeVersion other) {
      if (other instanceof LegacyVersion) {
        return 1;
      }
      Pep440Version o = (Pep440Version) other;
      int c = Digits.compare(epoch, o.epoch);
      if (c != 0) {
        return c;
      }
      for (int i = 0; i < Math.min(trimmed.size(), o.trimmed.size()); i++) {
        c = Digits.compare(trimmed.get(i), o.trimmed.get(i));
        if (c != 0) {
          return c;
        }
      }
      c = Integer.compare(trimmed.size(), o.trimmed.size());
      if (c != 0) {
        return c;
      }
      c = Integer.compare(preRank(), o.preRank());
      if (c == 0 && preKind != NONE) {
        c = Digits.compare(preNumber, o.preNumber);
      }
      if (c != 0) {
        return c;
      }
      c = compareOptional(post, o.post, false);
      if (c != 0) {
        return c;
      }
      c = compareOptional(dev, o.dev, true);
      if (c != 0) {
        return c;
      }
      return compareLocal(local, o.local);
    }

    /** Compares optional numbers; an absent one is below every number, or above when asked. */
    private static int compareOptional(@Nullable String a, @Nullable String b, boolean absentHigh) {
      if (a == null || b == null) {
        if (a == b) {
          return 0;
        }
        return (a == null) == absentHigh ? 1 : -1;
      }
      return Digits.compare(a, b);
    }

    private static int compareLocal(@Nullable List<String> a, @Nullable List<String> b) {
      if (a == null || b == null) {
        return a == b ? 0 : a == null ? -1 : 1;
      }
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String x = a.get(i);
        String y = b.get(i);
        boolean xn = Digits.allDigits(x, 0, x.length());
        boolean yn = Digits.allDigits(y, 0, y.length());
        int c;
        if (xn && yn) {
          c = Digits.compare(Digits.strip(x), Digits.strip(y));
        } else if (xn != yn) {
          c = xn ? 1 : -1;
        } else {
          c = Integer.signum(x.compareTo(y));
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pep440Version v && key.equals(v.key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }
  }

  // ---- legacy (setuptools' pre-PEP 440 rules, packaging < 22) ---------------------------------

  static final class LegacyVersion extends PypiVersion {
    private final List<String> parts;

    LegacyVersion(String text, String lowered) {
      super(text);
      this.parts = cmpKey(lowered);
    }

    private static List<String> cmpKey(String s) {
      List<String> parts = new ArrayList<>();
      for (String part : components(s)) {
        if (part.startsWith("*")) {
          if (part.compareTo("*final") < 0) {
            while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) {
              parts.remove(parts.size() - 1);
            }
          }
          while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) {
            parts.remove(parts.size() - 1);
          }
        }
        parts.add(part);
      }
      return List.copyOf(parts);
    }

    /** Runs of digits, runs of letters, '.', '-' and the text between them, rewritten. */
    private static List<String> components(String s) {
      List<String> out = new ArrayList<>();
      int i = 0;
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        int j = i + 1;
        if (Digits.isDigit(c)) {
          while (j < n && Digits.isDigit(s.charAt(j))) {
            j++;
          }
        } else if (c >= 'a' && c <= 'z') {
          while (j < n && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
            j++;
          }
        } else if (c != '.' && c != '-') {
          while (j < n && !isTokenStart(s.charAt(j))) {
            j++;
          }
        }
        String part = rewrite(s.substring(i, j));
        i = j;
        if (part.equals(".")) {
          continue;
        }
        if (Digits.isDigit(part.charAt(0))) {
          out.add(part.length() >= 8 ? part : "0".repeat(8 - part.length()) + part);
        } else {
          out.add("*" + part);
        }
      }
      out.add("*final");
      return out;
    }

    private static boolean isTokenStart(char c) {
      return Digits.isDigit(c) || c >= 'a' && c <= 'z' || c == '.' || c == '-';
    }

    private static String rewrite(String part) {
      switch (part) {
        case "pre":
        case "preview":
        case "rc":
          return "c";
        case "-":
          return "final-";
        case "dev":
          return "@";
        default:
          return part;
      }
    }

    @Override
    public int compareTo(SchemeVersion other) {
      if (other instanceof Pep440Version) {
        return -1;
      }
      List<String> o = ((LegacyVersion) other).parts;
      for (int i = 0; i < Math.min(parts.size(), o.size()); i++) {
        int c = parts.get(i).compareTo(o.get(i));
        if (c != 0) {
          return Integer.signum(c);
        }
      }
      return Integer.compare(parts.size(), o.size());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LegacyVersion v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
      return parts.hashCode();
    }
  }
}
