package dev.bulwark.secrets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges identifiers: is {@code DB_PASSWORD}, {@code stripeSecretKey} or {@code
 * spring.datasource.password} the name of a secret? Names are split into words (separators and
 * camelCase), and a name is secret-like when a word says so ({@code password}, {@code secret},
 * {@code token}, a qualified {@code key} such as {@code api key}) and the last word does not turn
 * it into something else ({@code password_policy}, {@code token_url}, {@code secret_arn}).
 */
final class SecretNames {

  /** How a name marks its value. */
  enum Strength {
    NONE,
    /** A password: human-chosen, so a shorter, less random value is still a secret. */
    PASSWORD,
    /** A key or token: machine-generated, so the value must look random. */
    SECRET
  }

  private static final Set<String> PASSWORD_WORDS =
      set("password", "passwd", "pwd", "pass", "pw", "passphrase", "passcode");

  private static final Set<String> SECRET_WORDS = set(
      "secret", "token", "credential", "credentials", "apikey", "secretkey", "accesskey",
      "privatekey", "authkey", "authtoken", "accesstoken", "apitoken", "clientsecret",
      "refreshtoken", "sessiontoken", "bearertoken", "signingkey", "encryptionkey", "masterkey",
      "appsecret", "appkey", "hmackey");

  /** Words that make a following {@code key} a secret. */
  private static final Set<String> KEY_QUALIFIERS = set(
      "api", "access", "secret", "private", "auth", "signing", "sign", "encryption", "encrypt",
      "master", "client", "app", "application", "service", "account", "storage", "subscription",
      "license", "licence", "shared", "hmac", "jwt", "session", "crypto", "cipher", "aes",
      "consumer", "webhook", "deploy", "admin", "root", "developer", "dev", "integration",
      "partner", "merchant", "write", "read", "ingest", "ingestion", "license", "x");

  /** Words before {@code token} that make it a position or a lexer token, not a credential. */
  private static final Set<String> NOT_CREDENTIAL_TOKEN = set(
      "next", "page", "pagination", "continuation", "cursor", "start", "marker", "sync",
      "cancellation", "cancel", "lexer", "parser", "eof", "max", "min", "num", "total", "input",
      "output", "prompt", "completion", "idempotency", "client_request", "csrf", "xsrf");

  /** Last words that make the name about a secret rather than the secret itself. */
  private static final Set<String> NOT_A_VALUE = set(
      "name", "names", "id", "ids", "arn", "arns", "url", "uri", "urls", "endpoint", "path",
      "paths", "file", "filename", "files", "dir", "directory", "folder", "type", "types",
      "length", "len", "size", "count", "field", "fields", "param", "params", "parameter",
      "header", "headers", "prefix", "suffix", "pattern", "regex", "policy", "env", "var",
      "variable", "version", "ttl", "expiry", "expires", "expiration", "expire", "expired",
      "timeout", "format", "label", "hint", "hash", "hashed", "digest", "salt", "location", "ref",
      "region", "mode", "rotation", "manager", "provider", "store", "client", "generator",
      "helper", "util", "utils", "class", "input", "output", "error", "errors", "message", "msg",
      "text", "title", "description", "desc", "placeholder", "question", "prompt", "strength",
      "reset", "changed", "updated", "created", "date", "time", "source", "kind", "level",
      "scope", "scopes", "usage", "limit", "index", "idx", "offset", "parser", "lexer", "stream",
      "list", "map", "set", "cache", "response", "request", "audience", "issuer", "algorithm",
      "alg", "encoding", "column", "col", "min", "max", "enabled", "disabled", "required",
      "valid", "validator", "validation", "rule", "rules", "resource", "bucket", "table",
      "queue", "topic", "function", "role", "group", "key_id", "keyid", "arn", "ssm", "schema",
      "property", "properties", "attribute", "attr", "option", "options", "config", "settings",
      "template", "handler", "callback", "service", "factory", "builder", "holder", "provider",
      "supplier", "loader", "reader", "writer", "exception", "test", "spec", "mock", "fake",
      "dummy", "example", "sample", "placeholder", "flag", "check", "policy", "state", "status",
      "storage", "vault", "store", "service", "lifetime", "validity", "age", "duration", "delay",
      "interval", "retries", "attempts", "rotated", "changed", "last", "visible", "visibility",
      "regexp", "mask", "masked", "redacted", "length", "chars", "characters", "template");

  /** Words anywhere in the name that say the value is public or made up. */
  private static final Set<String> NOT_SECRET_ANYWHERE = set(
      "public", "publishable", "fake", "dummy", "mock", "example", "sample", "placeholder",
      "is", "has", "use", "show", "hide", "enable", "disable", "allow", "require", "forgot",
      "forgotten", "min", "max");

  /**
   * Whole names known to hold identifiers: CloudFormation's {@code EventSourceToken} of a Lambda
   * permission is an Alexa skill id.
   */
  private static final Set<String> NOT_SECRET_NAMES = set("eventsourcetoken");

  private SecretNames() {}

  private static Set<String> set(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  /** How {@code name} (an identifier, possibly dotted or in any case convention) marks a value. */
  static Strength classify(String name) {
    if (NOT_SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return Strength.NONE;
    }
    List<String> words = words(name);
    if (words.isEmpty() || NOT_A_VALUE.contains(words.get(words.size() - 1))) {
      return Strength.NONE;
    }
    Strength best = Strength.NONE;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (NOT_SECRET_ANYWHERE.contains(w)) {
        return Strength.NONE;
      }
      String previous = i > 0 ? words.get(i - 1) : "";
      if (PASSWORD_WORDS.contains(w) || w.contains("password") || w.contains("passwd")) {
        best = Strength.PASSWORD;
      } else if (best == Strength.NONE && isSecretWord(w, previous)) {
        best = Strength.SECRET;
      }
    }
    return best;
  }

  private static boolean isSecretWord(String w, String previous) {
    if (w.equals("key") || w.equals("keys")) {
      return KEY_QUALIFIERS.contains(previous);
    }
    if (w.equals("token") || w.endsWith("token")) {
      return !NOT_CREDENTIAL_TOKEN.contains(previous) && !w.equals("csrftoken")
          && !w.equals("xsrftoken") && !w.equals("nexttoken") && !w.equals("pagetoken");
    }
    return SECRET_WORDS.contains(w) || w.contains("secret");
  }

  /**
   * Lower-case words of an identifier: split at anything not a letter or digit, at lower-to-upper
   * changes ({@code apiKey}), before the last capital of a capital run ({@code APIKey}), and
   * between letters and digits.
   */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean letter = Bytes.isLower(c) || Bytes.isUpper(c);
      boolean digit = Bytes.isDigit(c);
      if (!letter && !digit) {
        flush(cur, out);
        continue;
      }
      if (cur.length() > 0) {
        char p = name.charAt(i - 1);
        boolean split = (Bytes.isLower(p) && Bytes.isUpper(c))
            || (Bytes.isUpper(p) && Bytes.isUpper(c) && i + 1 < n
                && Bytes.isLower(name.charAt(i + 1)))
            || (Bytes.isDigit(p) != digit);
        if (split) {
          flush(cur, out);
        }
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString().toLowerCase(Locale.ROOT));
      cur.setLength(0);
    }
  }
}
