package dev.bulwark.rules.support;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.bulwark.core.SourceLocation;
import dev.bulwark.model.Attr;
import dev.bulwark.model.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds secrets written literally in environment variables: AWS access keys, well-known API
 * tokens, private keys and connection strings with credentials (by value, whatever the variable
 * is called), and passwords, secrets, tokens and keys (by the variable's name, when its value is
 * a literal that looks like one). Every pattern runs on RE2J, in linear time.
 *
 * <p>Values that only point at a secret are not secrets: ARNs, SSM parameter paths, dynamic
 * references ({@code {{resolve:…}}}), {@code Ref}s to parameters or resources, URLs without
 * credentials, names such as {@code prod/db-credentials}, and obvious placeholders
 * ({@code changeme} is not a placeholder: it is a real, guessable password). A value that is only
 * partly known (a {@code Fn::Sub} with parameters) is checked by value only, on its literal parts.
 *
 * <p>A {@link Match} never carries the secret in full: only {@link Match#redacted()}, at most the
 * first four characters.
 *
 * <pre>{@code
 * for (EnvSecrets.Match m : EnvSecrets.of(fn)) {
 *   findings.on(fn).at(m.location()).key(m.variable())
 *       .report("Function " + fn.id() + ": " + m.describe());
 * }
 * }</pre>
 */
public final class EnvSecrets {

  /** What kind of secret a value is. */
  public enum Kind {
    AWS_ACCESS_KEY("an AWS access key id"),
    AWS_SECRET_KEY("an AWS secret access key"),
    PRIVATE_KEY("a private key"),
    TOKEN("an API token"),
    CONNECTION_STRING("a connection string with a password"),
    PASSWORD("a literal password"),
    API_KEY("a literal API key"),
    SECRET("a literal secret");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** With its article, for messages: {@code a literal password}. */
    public String label() {
      return label;
    }
  }

  /**
   * One secret found.
   *
   * @param variable the environment variable's name
   * @param kind what it is
   * @param byValue true when recognised by its value, false when by the variable's name
   * @param redacted at most the first four characters, then {@code ****}
   * @param location where the value (or, failing that, the name) is written
   */
  public record Match(
      String variable, Kind kind, boolean byValue, String redacted, SourceLocation location) {

    /** {@code environment variable DB_PASSWORD holds a literal password (hu****)}. */
    public String describe() {
      return "environment variable " + variable + " holds " + kind.label() + " (" + redacted + ")";
    }
  }

  /**
   * A pattern recognising a secret by its value; it is tried only on values that contain one of
   * its anchors (literal text every match contains), which keeps the regex engine off most values.
   */
  private record ValuePattern(Kind kind, Pattern pattern, int secretGroup, List<String> anchors) {
    boolean mayMatch(String value) {
      for (String a : anchors) {
        if (value.contains(a)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<ValuePattern> BY_VALUE =
      List.of(
          new ValuePattern(
              Kind.AWS_ACCESS_KEY,
              Pattern.compile("(?:^|[^A-Z0-9])((?:AKIA|ASIA)[A-Z2-7]{16})(?:$|[^A-Z0-9])"),
              1,
              List.of("AKIA", "ASIA")),
          new ValuePattern(
              Kind.PRIVATE_KEY,
              Pattern.compile("(-----BEGIN[ A-Z0-9]{0,20}PRIVATE KEY(?: BLOCK)?-----)"),
              1,
              List.of("-----BEGIN")),
          new ValuePattern(
              Kind.TOKEN,
              Pattern.compile(
                  "((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}"
                      + "|github_pat_[A-Za-z0-9_]{50,}"
                      + "|glpat-[A-Za-z0-9_\\-]{20,}"
                      + "|xox[abposr]-[A-Za-z0-9-]{10,}"
                      + "|https://hooks\\.slack\\.com/services/[A-Za-z0-9]+/[A-Za-z0-9]+"
                      + "/[A-Za-z0-9]{8,}"
                      + "|(?:sk|rk)_live_[A-Za-z0-9]{20,}"
                      + "|AIza[0-9A-Za-z_\\-]{35}"
                      + "|npm_[A-Za-z0-9]{36}"
                      + "|SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}"
                      + "|sk-(?:proj-|ant-[a-z0-9]{2,8}-)?[A-Za-z0-9_\\-]{32,}"
                      + "|eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{16,})"),
              1,
              List.of("gh", "github_pat_", "glpat-", "xox", "hooks.slack.com", "_live_", "AIza",
                  "npm_", "SG.", "sk-", "eyJ")),
          new ValuePattern(
              Kind.CONNECTION_STRING,
              Pattern.compile(
                  "[A-Za-z][A-Za-z0-9+.\\-]{1,30}://[^:@/\\s]{1,256}:([^@\\s]{1,256})@[^@\\s]"),
              1,
              List.of("://")),
          new ValuePattern(
              Kind.CONNECTION_STRING,
              Pattern.compile("(?i)(?:^|[;?&])\\s*(?:password|pwd)\\s*=\\s*([^;&\\s]{1,256})"),
              1,
              List.of("=")));

  /** The unresolved parts ({@code ${…}}) of a value's shape. */
  private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*\\}");

  /** {@code GetAtt}s whose value is a secret: a Cognito app client's, an access key's. */
  private static final Pattern SECRET_ATTRIBUTE =
      Pattern.compile("\\$\\{[A-Za-z0-9]+\\.(?:ClientSecret|SecretAccessKey)\\}");

  private static final Pattern AWS_SECRET_KEY_VALUE = Pattern.compile("^[A-Za-z0-9/+]{40}$");

  /** Values that name a secret instead of holding it (Secrets Manager names, SSM paths). */
  private static final Pattern IDENTIFIER =
      Pattern.compile("^[A-Za-z]+[0-9]{0,2}(?:[-_./:][A-Za-z]+[0-9]{0,2}|[-_./:][0-9]{1,4})+$");

  private static final Set<String> PASSWORD_WORDS =
      Set.of("PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE");
  private static final Set<String> SECRET_WORDS =
      Set.of("SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS");
  private static final Set<String> KEY_QUALIFIERS =
      Set.of("API", "PRIVATE", "SECRET", "ACCESS", "SIGNING", "ENCRYPTION", "AUTH", "MASTER",
          "HMAC", "CLIENT", "APP", "SHARED");
  private static final Set<String> IGNORED_SUFFIXES =
      Set.of("VALUE", "STR", "STRING", "PLAIN", "PLAINTEXT", "RAW", "B64", "BASE64");
  private static final Set<String> PLACEHOLDERS =
      Set.of("none", "null", "nil", "undefined", "tbd", "todo", "placeholder", "replaceme",
          "replace_me", "replace-me", "dummy", "example", "sample", "fake", "test", "true",
          "false", "yes", "no", "default", "empty", "unset", "redacted", "replaced", "hidden",
          "mask", "masked");

  private EnvSecrets() {}

  /** Secrets in a function's environment, in declaration order; at most one per variable. */
  public static List<Match> of(Function fn) {
    List<Match> out = new ArrayList<>();
    for (Function.EnvVar v : fn.environment()) {
      inspect(v.name(), v.value(), v.nameLocation()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Variables whose values are secrets that the function's configuration holds in clear although
   * the template does not write them: a Secrets Manager dynamic reference ({@code
   * {{resolve:secretsmanager:…}}}, resolved at deployment), a secret attribute of a resource
   * ({@code !GetAtt Client.ClientSecret}), or a variable whose name announces a secret ({@code
   * DB_PASSWORD}, {@code API_TOKEN}) with its value from a parameter. Literal secrets are not
   * listed: they are written in the template ({@link #of}); nor are references to resources
   * (ARNs, names) or values that name a secret kept elsewhere.
   */
  public static List<Function.EnvVar> unwrittenSecrets(Function fn) {
    List<Function.EnvVar> out = new ArrayList<>();
    for (Function.EnvVar v : fn.environment()) {
      if (holdsUnwrittenSecret(v.name(), v.value())) {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean holdsUnwrittenSecret(String name, Attr<String> value) {
    if (value.isPresent() && value.isExplicit()) {
      return value.values().stream().anyMatch(EnvSecrets::resolvesSecret);
    }
    if (!value.isUnknown()) {
      return false;
    }
    String shape = value.shape();
    if (resolvesSecret(shape) || SECRET_ATTRIBUTE.matcher(shape).find()) {
      return true;
    }
    return kindByName(name).isPresent() && value.references().isEmpty()
        && !namesSecretElsewhere(UNRESOLVED.matcher(shape).replaceAll(""));
  }

  /** What is left of a partly known value looks like an ARN, a URL or a path (a secret's name). */
  private static boolean namesSecretElsewhere(String literalParts) {
    String lower = literalParts.toLowerCase(Locale.ROOT);
    return lower.startsWith("arn:") || lower.contains("://") || lower.contains("/");
  }

  private static boolean resolvesSecret(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    return lower.contains("{{resolve:secretsmanager:") || lower.contains("{{resolve:ssm-secure:");
  }

  /**
   * The secret held by one variable, if any. Unknown values are checked by value on their literal
   * parts only; defaulted and absent values are never secrets.
   */
  public static Optional<Match> inspect(String name, Attr<String> value, SourceLocation nameAt) {
    SourceLocation at = value.location().hasLine() ? value.location() : nameAt;
    if (value.isUnknown()) {
      return byValue(name, value.shape(), at, true);
    }
    if (!value.isPresent() || !value.isExplicit()) {
      return Optional.empty();
    }
    for (String v : value.values()) {
      Optional<Match> m = inspect(name, v, at);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /** The secret in a literal {@code value} of a variable called {@code name}, if any. */
  public static Optional<Match> inspect(String name, String value, SourceLocation at) {
    Optional<Match> m = byValue(name, value, at, false);
    return m.isPresent() ? m : byName(name, value, at);
  }

  private static Optional<Match> byValue(
      String name, String value, SourceLocation at, boolean partial) {
    for (ValuePattern p : BY_VALUE) {
      if (!p.mayMatch(value)) {
        continue;
      }
      Matcher m = p.pattern().matcher(value);
      while (m.find()) {
        String secret = m.group(p.secretGroup());
        if (partial && secret.contains("${")) {
          continue;
        }
        if (isPlaceholder(secret) || secret.endsWith("EXAMPLE") || secret.startsWith("${")
            || secret.startsWith("{{resolve:")) {
          continue;
        }
        return Optional.of(new Match(name, p.kind(), true, redact(secret), at));
      }
    }
    return Optional.empty();
  }

  private static Optional<Match> byName(String name, String value, SourceLocation at) {
    Optional<Kind> kind = kindByName(name);
    if (kind.isEmpty() || pointsElsewhere(value)) {
      return Optional.empty();
    }
    Kind k = kind.get();
    if (k == Kind.PASSWORD) {
      return value.length() >= 4 ? Optional.of(new Match(name, k, false, redact(value), at))
          : Optional.empty();
    }
    if (value.length() < 8 || IDENTIFIER.matcher(value).matches()) {
      return Optional.empty();
    }
    if (k == Kind.SECRET && AWS_SECRET_KEY_VALUE.matcher(value).matches()
        && name.toUpperCase(Locale.ROOT).contains("ACCESS")) {
      k = Kind.AWS_SECRET_KEY;
    }
    return Optional.of(new Match(name, k, false, redact(value), at));
  }

  /** The kind a variable's name announces, judged by its last word(s). */
  static Optional<Kind> kindByName(String name) {
    List<String> words = words(name);
    while (words.size() > 1 && IGNORED_SUFFIXES.contains(words.get(words.size() - 1))) {
      words = words.subList(0, words.size() - 1);
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String last = words.get(words.size() - 1);
    String before = words.size() > 1 ? words.get(words.size() - 2) : "";
    if (PASSWORD_WORDS.contains(last)) {
      return Optional.of(Kind.PASSWORD);
    }
    if (SECRET_WORDS.contains(last)) {
      return Optional.of(Kind.SECRET);
    }
    if (last.equals("TOKEN") || last.equals("TOKENS")) {
      return Optional.of(Kind.TOKEN);
    }
    if (last.equals("APIKEY") || (last.equals("KEY") && before.equals("API"))) {
      return Optional.of(Kind.API_KEY);
    }
    if (last.equals("KEY") && KEY_QUALIFIERS.contains(before)) {
      return Optional.of(before.equals("PRIVATE") ? Kind.PRIVATE_KEY : Kind.SECRET);
    }
    return Optional.empty();
  }

  /** Upper-case words of a name: {@code dbPassword}, {@code DB_PASSWORD}, {@code DBPassword}. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, out);
        continue;
      }
      boolean upper = Character.isUpperCase(c);
      if (upper && w.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(w, out);
        }
      }
      w.append(c);
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(w.toString().toUpperCase(Locale.ROOT));
      w.setLength(0);
    }
  }

  /** A reference to a secret kept elsewhere, a URL, a path or a placeholder. */
  private static boolean pointsElsewhere(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    return v.isEmpty()
        || isPlaceholder(v)
        || lower.startsWith("arn:")
        || lower.contains("{{resolve:")
        || v.startsWith("${")
        || (v.startsWith("/") && v.indexOf(' ') < 0)
        || ((lower.startsWith("http://") || lower.startsWith("https://")) && v.indexOf('@') < 0)
        || (v.startsWith("<") && v.endsWith(">"))
        || v.chars().filter(c -> c == ' ').count() >= 2
        || v.chars().allMatch(Character::isDigit) && v.length() < 6;
  }

  private static boolean isPlaceholder(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (PLACEHOLDERS.contains(lower) || lower.startsWith("your")) {
      return true;
    }
    // xxxx, ****, 0000, ....: one character repeated
    return v.length() > 0 && v.chars().allMatch(c -> c == v.charAt(0));
  }

  /**
   * At most the first four characters (fewer for short values: never more than a third), then
   * {@code ****}.
   */
  public static String redact(String secret) {
    int keep = Math.min(4, secret.length() / 3);
    return secret.substring(0, keep) + "****";
  }
}
