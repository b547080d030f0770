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

  /**
   * The inputs of a 2 KB event: 17 headers, 4 query parameters, the path and 15 body fields with
   * their keys, about 2,000 characters in all (the request context, which is not user input, is
   * left out).
   */
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
    header(in, "sec-ch-ua", "\"Chromium\";v=\"122\", \"Not(A:Brand\";v=\"24\"");
    header(in, "sec-fetch-mode", "cors");
    header(in, "if-none-match", "W/\"5e1-Qs9k0hQzQ2s1S2p1\"");
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
    body(in, "giftMessage", "Happy 30th birthday, Sam! Hope these get you round the park in "
        + "under 25 minutes :) Love from all of us at No. 12 & the gang from work (yes, even "
        + "Dave). P.S. the receipt is in the box; size 42 can be swapped for 43 until 31/05.");
    body(in, "description", "Lightweight road-running shoe with a breathable mesh upper, "
        + "a 10 mm heel-to-toe drop and a recycled rubber outsole. Fits true to size; if you "
        + "are between sizes, go up one. Machine-washable at 30\u00b0C -- air dry only. "
        + "Not suitable for trail use > 5 km. Colour: ocean blue / white.");
    body(in, "deliveryNotes", "Weekdays after 6pm or Saturday morning (not Sunday). The "
        + "building is the one with the green door next to the bakery; ring flat 3B, or call "
        + "+33 4 78 00 00 00 and ask for Jane or Marc. Parcel lockers: OK if > 30 cm wide.");
    return in;
  }

  /** The same event with one injected query parameter. */
  static List<Input> apiEvent2kWithAttack() {
    List<Input> in = new ArrayList<>(apiEvent2k());
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).location().equals("query.q") && in.get(i).kind() == Input.Kind.VALUE) {
        in.set(i, Input.value("query.q", "shoes' UNION SELECT card_number,cvv FROM payments--"));
      }
    }
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
