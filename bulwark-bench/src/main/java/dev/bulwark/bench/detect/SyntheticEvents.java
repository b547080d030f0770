package dev.bulwark.bench.detect;

import dev.bulwark.runtime.detect.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs shaped like what the runtime core decodes from an API Gateway HTTP API (v2) event:
 * headers, query parameters, the path and the fields of a JSON body. Written for the benchmarks;
 * the values are realistic but invented.
 */
final class SyntheticEvents {

  private SyntheticEvents() {}

  /** About 2 KB of inputs: 14 headers, 4 query parameters, the path, 12 body fields and keys. */
  static List<Input> apiEvent2k() {
    List<Input> in = new ArrayList<>();
    header(in, "accept", "application/json, text/plain, */*");
    header(in, "accept-encoding", "gzip, deflate, br");
    header(in, "accept-language", "en-GB,en;q=0.9,fr;q=0.8");
    header(in, "authorization",
        "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiI0MjQyIiwic2NvcGUiOiJvcmRlcnMifQ"
            + ".aGVsbG8tc2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWw");
    header(in, "content-type", "application/json; charset=utf-8");
    header(in, "cookie", "session=5f1c0a9e2b; theme=dark; consent=analytics%2Cads");
    header(in, "host", "api.shop.example.com");
    header(in, "origin", "https://www.shop.example.com");
    header(in, "referer", "https://www.shop.example.com/basket?step=2");
    header(in, "user-agent",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.2 Safari/605.1.15");
    header(in, "x-amzn-trace-id", "Root=1-65a1b2c3-0a1b2c3d4e5f60718293a4b5");
    header(in, "x-forwarded-for", "198.51.100.23, 203.0.113.9");
    header(in, "x-forwarded-proto", "https");
    header(in, "x-request-id", "7d2f9a4c-51e3-4b0e-9c11-0f6a3d2b8e71");
    query(in, "page", "2");
    query(in, "sort", "price:asc");
    query(in, "q", "blue running shoes size 42");
    query(in, "utm_source", "newsletter");
    in.add(new Input("path", "/v1/orders/5512/items", Input.Kind.PATH));
    body(in, "customerId", "cus_93F2kLq81");
    body(in, "email", "jane.doe@example.org");
    body(in, "name", "Jane O'Doe");
    body(in, "shipping.line1", "12 Rue de l'Église");
    body(in, "shipping.city", "Lyon");
    body(in, "shipping.postcode", "69002");
    body(in, "items[0].sku", "SHOE-BLU-42");
    body(in, "items[0].note", "Gift wrap please -- it's a birthday present (thanks!)");
    body(in, "items[1].sku", "SOCK-GRY-M");
    body(in, "coupon", "SPRING-10");
    body(in, "comment", "Leave at the door if nobody answers; the code is 1234 & the bell is "
        + "broken. See https://maps.example.com/?q=45.76,4.83 for the entrance.");
    body(in, "callbackUrl", "https://hooks.partner.example.net/orders/notify");
    return in;
  }

  /** The same event with one injected query parameter. */
  static List<Input> apiEvent2kWithAttack() {
    List<Input> in = new ArrayList<>(apiEvent2k());
    in.set(16, Input.value("query.q", "shoes' UNION SELECT card_number,cvv FROM payments--"));
    return in;
  }

  static int size(List<Input> inputs) {
    int n = 0;
    for (Input i : inputs) {
      n += i.value().length();
    }
    return n;
  }

  /** Honest text of {@code chars} characters: sentences with punctuation, numbers and URLs. */
  static String prose(int chars, long seed) {
    String[] words = {
      "order", "delivery", "the", "and", "or", "select", "size", "colour", "it's", "price", "10%",
      "(see", "below)", "item", "#42", "-", "please", "return", "a", "to", "of", "x < y",
      "https://www.example.com/help", "O'Brien", "union", "table", "from", "where", "café",
      "\"quoted\"", "1/2", "&", "e-mail", "user@example.org", "2024-05-01", "on", "in", "$19.99"
    };
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(chars + 32);
    while (b.length() < chars) {
      b.append(words[r.nextInt(words.length)]);
      b.append(r.nextInt(12) == 0 ? ". " : " ");
    }
    b.setLength(chars);
    return b.toString();
  }

  /** A JSON body of about {@code chars} characters, decoded into one input per field. */
  static List<Input> jsonBodyFields(int chars, long seed) {
    List<Input> in = new ArrayList<>();
    Random r = new Random(seed);
    int total = 0;
    int i = 0;
    while (total < chars) {
      int len = 8 + r.nextInt(120);
      String v = prose(len, seed + i);
      String key = "f" + (i % 50);
      String loc = "body.$.records[" + (i / 50) + "]." + key;
      in.add(new Input(loc, key, Input.Kind.KEY));
      in.add(Input.value(loc, v));
      total += len + key.length() + 6;
      i++;
    }
    return in;
  }

  private static void header(List<Input> in, String name, String value) {
    in.add(new Input("header." + name, value, Input.Kind.HEADER));
  }

  private static void query(List<Input> in, String name, String value) {
    in.add(new Input("query." + name, name, Input.Kind.KEY));
    in.add(Input.value("query." + name, value));
  }

  private static void body(List<Input> in, String path, String value) {
    String loc = "body.$." + path;
    int dot = path.lastIndexOf('.');
    String key = dot >= 0 ? path.substring(dot + 1) : path;
    in.add(new Input(loc, key, Input.Kind.KEY));
    in.add(Input.value(loc, value));
  }
}
