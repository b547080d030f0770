package dev.bulwark.runtime.detect;

/**
 * The confidence scale of {@link Detection#confidence()}, shared by every built-in detector.
 *
 * <table>
 *   <caption>Confidence bands</caption>
 *   <tr><th>band</th><th>from</th><th>meaning</th></tr>
 *   <tr><td>{@link #CONFIRMED}</td><td>0.95</td><td>a grammar or decoder confirmed a working
 *       payload: {@code UNION SELECT} that parses in an injection context, a {@code <script>} tag,
 *       a Log4j lookup that resolves to {@code jndi:}, a URL whose host is the metadata
 *       endpoint</td></tr>
 *   <tr><td>{@link #STRONG}</td><td>0.85</td><td>an unambiguous attack construct whose effect
 *       depends on the application: a boolean condition that parses after a quote, an event-handler
 *       attribute, {@code ../../}, a URL to a private address</td></tr>
 *   <tr><td>{@link #LIKELY}</td><td>0.7</td><td>a construct that is rare in honest input but has
 *       innocent uses: comment truncation after a quote ({@code admin'--}), a lone clause such as
 *       {@code ORDER BY 3}, a non-HTTP URL scheme</td></tr>
 *   <tr><td>below</td><td>0.5</td><td>signals worth logging, not blocking</td></tr>
 * </table>
 *
 * <p>A guard that blocks should do so at {@link #DEFAULT_BLOCK_THRESHOLD} or above and log the
 * rest; a stricter deployment can lower it to {@link #LIKELY}.
 */
public final class Confidence {

  /** A working payload, confirmed by a grammar or decoder. */
  public static final double CONFIRMED = 0.95;

  /** An unambiguous attack construct. */
  public static final double STRONG = 0.85;

  /** Rare in honest input, but with innocent uses. */
  public static final double LIKELY = 0.7;

  /** The threshold a blocking guard should use by default. */
  public static final double DEFAULT_BLOCK_THRESHOLD = 0.8;

  private Confidence() {}
}
