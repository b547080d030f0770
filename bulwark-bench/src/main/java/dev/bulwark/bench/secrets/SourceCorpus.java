package dev.bulwark.bench.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generated source code for the secret-scanning benchmarks: Java, JavaScript and Python files of
 * realistic shape (imports, classes, functions, string literals, comments, configuration maps),
 * full of the words the prefilter reacts to ({@code token}, {@code key}, {@code password},
 * {@code secret}, URLs) in harmless positions, with a few made-up secrets planted. Deterministic
 * for a given seed.
 */
final class SourceCorpus {

  /** One generated file. */
  record File(String name, String text) {}

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final String[] WORDS = {
    "order", "customer", "invoice", "payment", "item", "cart", "user", "session", "request",
    "response", "handler", "event", "record", "queue", "message", "table", "bucket", "config",
    "client", "service", "cache", "retry", "limit", "page", "token", "key", "value", "status",
    "result", "error", "context", "metric", "trace", "span", "region", "account", "stage"
  };

  private final Random random;
  private int planted;

  SourceCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** Number of secrets planted so far. */
  int planted() {
    return planted;
  }

  /** Files until their total size reaches {@code bytes}; one secret every ~{@code every} files. */
  List<File> generate(long bytes, int every) {
    List<File> files = new ArrayList<>();
    long total = 0;
    for (int i = 0; total < bytes; i++) {
      boolean secret = i % every == every / 2;
      File f;
      switch (i % 3) {
        case 0:
          f = new File("src/main/java/com/acme/" + word() + "/" + cap(word()) + cap(word()) + i
              + ".java", java(secret));
          break;
        case 1:
          f = new File("web/src/" + word() + "/" + word() + i + ".js", javascript(secret));
          break;
        default:
          f = new File("functions/" + word() + "/" + word() + "_" + i + ".py", python(secret));
          break;
      }
      files.add(f);
      total += f.text().getBytes(StandardCharsets.UTF_8).length;
    }
    return files;
  }

  private String java(boolean secret) {
    StringBuilder b = new StringBuilder();
    String cls = cap(word()) + cap(word());
    b.append("package com.acme.").append(word()).append(";\n\n");
    for (int i = 0; i < 6; i++) {
      b.append("import java.util.").append(cap(word())).append(";\n");
    }
    b.append("\n/** Handles ").append(word()).append(" ").append(word())
        .append(" events and refreshes the session token when it expires. */\n");
    b.append("public final class ").append(cls).append(" {\n");
    b.append("  private static final String TOKEN_HEADER = \"X-Session-Token\";\n");
    b.append("  private static final String ENDPOINT = \"https://api.acme.io/v2/")
        .append(word()).append("\";\n");
    b.append("  private final Map<String, String> keys = new HashMap<>();\n");
    if (secret) {
      planted++;
      b.append("  private static final String API_KEY = \"").append(hex(32)).append("\";\n");
    }
    for (int m = 0; m < 12; m++) {
      String name = word() + cap(word());
      b.append("\n  /** Returns the ").append(word()).append(" for the given key. */\n");
      b.append("  public String ").append(name).append("(String key, int limit) {\n");
      b.append("    String token = keys.get(key);\n");
      b.append("    if (token == null || token.isEmpty()) {\n");
      b.append("      throw new IllegalStateException(\"no ").append(word())
          .append(" for key \" + key);\n");
      b.append("    }\n");
      b.append("    for (int i = 0; i < limit; i++) {\n");
      b.append("      log.debug(\"").append(word()).append(" {} of {}\", i, limit);\n");
      b.append("    }\n");
      b.append("    String digest = \"").append(hex(40)).append("\"; // build id\n");
      b.append("    return token + \":\" + digest;\n");
      b.append("  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private String javascript(boolean secret) {
    StringBuilder b = new StringBuilder();
    b.append("import { ").append(word()).append(", ").append(word()).append(" } from \"../")
        .append(word()).append("\";\n");
    b.append("const axios = require(\"axios\");\n\n");
    b.append("const config = {\n  region: \"eu-west-1\",\n")
        .append("  tokenUrl: \"https://auth.acme.io/oauth2/token\",\n")
        .append("  apiKey: process.env.API_KEY,\n  passwordField: \"password\",\n")
        .append("  maxTokens: 4096,\n};\n\n");
    if (secret) {
      planted++;
      b.append("const slack = \"xoxb-").append(digits(12)).append('-').append(digits(13))
          .append('-').append(chars(BASE62, 24)).append("\";\n");
    }
    for (int f = 0; f < 14; f++) {
      String name = word() + cap(word());
      b.append("export async function ").append(name).append("(event, context) {\n");
      b.append("  const { nextToken, items } = await fetchPage(event.").append(word())
          .append(", { limit: ").append(random.nextInt(100)).append(" });\n");
      b.append("  // keep the key order stable for the cache\n");
      b.append("  const key = `${event.").append(word()).append("}/${context.awsRequestId}`;\n");
      b.append("  const res = await axios.get(config.tokenUrl,")
          .append(" { headers: { Authorization: `Bearer ${await token()}` } });\n");
      b.append("  return { statusCode: 200, body: JSON.stringify({ key, nextToken,")
          .append(" count: items.length, id: \"").append(uuid()).append("\" }) };\n");
      b.append("}\n\n");
    }
    b.append("const logo = \"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(bytes(600))).append("\";\n");
    return b.toString();
  }

  private String python(boolean secret) {
    StringBuilder b = new StringBuilder();
    b.append("import json\nimport os\n\nimport boto3\n\n");
    b.append("TABLE = os.environ[\"TABLE_NAME\"]\nSECRET_ARN = os.environ[\"SECRET_ARN\"]\n");
    b.append("secrets = boto3.client(\"secretsmanager\")\n\n");
    if (secret) {
      planted++;
      b.append("DATABASE_URL = \"postgres://orders:").append(chars(BASE62, 14))
          .append("@orders-db.internal:5432/orders\"\n\n");
    }
    for (int f = 0; f < 14; f++) {
      b.append("\ndef ").append(word()).append('_').append(word()).append("(event, context):\n");
      b.append("    \"\"\"Look up the ").append(word())
          .append(" by its key and return the token.\"\"\"\n");
      b.append("    key = event[\"pathParameters\"][\"").append(word()).append("\"]\n");
      b.append("    password = get_secret(SECRET_ARN)[\"password\"]\n");
      b.append("    item = table.get_item(Key={\"pk\": key, \"sk\": \"").append(word())
          .append("\"})\n");
      b.append("    if not item:\n        return {\"statusCode\": 404}\n");
      b.append("    return {\"statusCode\": 200, \"body\": json.dumps({\"id\": \"").append(uuid())
          .append("\", \"etag\": \"").append(hex(32)).append("\"})}\n");
    }
    return b.toString();
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private String hex(int n) {
    return chars("0123456789abcdef", n);
  }

  private String digits(int n) {
    return chars("0123456789", n);
  }

  private String uuid() {
    String h = hex(32);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }

  private String chars(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
