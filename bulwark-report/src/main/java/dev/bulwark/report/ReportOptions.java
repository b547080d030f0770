package dev.bulwark.report;

import dev.bulwark.core.RuleMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How reports are written. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * ReportOptions options = ReportOptions.builder()
 *     .colour(System.console() != null && System.getenv("NO_COLOR") == null)
 *     .includeSuppressed(false)
 *     .sourceRoot(Path.of("."))
 *     .toolVersion("0.1.0")
 *     .rules(List.of())
 *     .build();
 * }</pre>
 */
public final class ReportOptions {

  /** The {@code informationUri} of the SARIF tool driver unless {@link Builder#informationUri}. */
  public static final URI DEFAULT_INFORMATION_URI = URI.create("https://bulwark.dev/");

  private static final ReportOptions DEFAULTS = builder().build();

  private final boolean colour;
  private final boolean includeSuppressed;
  private final @Nullable URI sourceRoot;
  private final @Nullable String toolVersion;
  private final URI informationUri;
  private final List<RuleMetadata> rules;

  private ReportOptions(Builder b) {
    this.colour = b.colour;
    this.includeSuppressed = b.includeSuppressed;
    this.sourceRoot = b.sourceRoot;
    this.toolVersion = b.toolVersion;
    this.informationUri = b.informationUri;
    this.rules = List.copyOf(b.rules);
  }

  /** No colour, suppressed findings hidden in text, no source root, every rule from the report. */
  public static ReportOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.colour = colour;
    b.includeSuppressed = includeSuppressed;
    b.sourceRoot = sourceRoot;
    b.toolVersion = toolVersion;
    b.informationUri = informationUri;
    b.rules.addAll(rules);
    return b;
  }

  /**
   * Text only: colour severities with ANSI escape sequences. Callers turn it on only when the
   * output is a terminal and the {@code NO_COLOR} environment variable is not set.
   */
  public boolean colour() {
    return colour;
  }

  /** Text only: list suppressed findings (marked) instead of only counting them. */
  public boolean includeSuppressed() {
    return includeSuppressed;
  }

  /**
   * SARIF only: the absolute URI, ending with {@code /}, that relative file names are relative
   * to; written as {@code originalUriBaseIds.%SRCROOT%}. Null leaves {@code %SRCROOT%} undefined,
   * which is what GitHub code scanning expects (it resolves against the checkout).
   */
  public @Nullable URI sourceRoot() {
    return sourceRoot;
  }

  /**
   * The tool version to report; null to take it from {@link dev.bulwark.core.Report#tool()}
   * (the part after the first space).
   */
  public @Nullable String toolVersion() {
    return toolVersion;
  }

  /** SARIF only: {@code tool.driver.informationUri}. */
  public URI informationUri() {
    return informationUri;
  }

  /**
   * Rules to describe in JSON and SARIF besides those in the report (typically every rule
   * available, so that code-scanning services know a rule with no results still exists and can
   * close its alerts). A rule present in both is described from the report.
   */
  public List<RuleMetadata> rules() {
    return rules;
  }

  /** Builds {@link ReportOptions}; setters fail fast on a bad value, {@code build()} does not change the builder. */
  public static final class Builder {
    private boolean colour;
    private boolean includeSuppressed;
    private @Nullable URI sourceRoot;
    private @Nullable String toolVersion;
    private URI informationUri = DEFAULT_INFORMATION_URI;
    private final List<RuleMetadata> rules = new ArrayList<>();

    private Builder() {}

    public Builder colour(boolean on) {
      this.colour = on;
      return this;
    }

    public Builder includeSuppressed(boolean on) {
      this.includeSuppressed = on;
      return this;
    }

    /**
     * The source root as an absolute hierarchical URI (a {@code file:} URI of the checkout, or
     * an {@code https:} URI of a repository tree); a missing trailing {@code /} is added.
     *
     * @throws IllegalArgumentException naming the URI when it is relative, opaque or has a
     *     query or fragment
     */
    public Builder sourceRoot(@Nullable URI root) {
      if (root == null) {
        this.sourceRoot = null;
        return this;
      }
      if (!root.isAbsolute() || root.isOpaque() || root.getRawPath() == null) {
        throw new IllegalArgumentException(
            "source root '" + root + "' must be an absolute hierarchical URI such as file:///src/");
      }
      if (root.getRawQuery() != null || root.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "source root '" + root + "' must not have a query or a fragment");
      }
      String text = root.toString();
      this.sourceRoot = text.endsWith("/") ? root : URI.create(text + "/");
      return this;
    }

    /** The source root as a folder; relative paths are resolved against the working directory. */
    public Builder sourceRoot(Path folder) {
      return sourceRoot(folder.toAbsolutePath().normalize().toUri());
    }

    /**
     * @throws IllegalArgumentException when {@code version} is blank
     */
    public Builder toolVersion(@Nullable String version) {
      if (version != null && version.isBlank()) {
        throw new IllegalArgumentException("tool version must not be blank");
      }
      this.toolVersion = version == null ? null : version.trim();
      return this;
    }

    /**
     * @throws IllegalArgumentException when {@code uri} is not an absolute URI
     */
    public Builder informationUri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!uri.isAbsolute()) {
        throw new IllegalArgumentException(
            "information URI '" + uri + "' must be absolute, such as https://example.com/");
      }
      this.informationUri = uri;
      return this;
    }

    /** Parses and sets the information URI. */
    public Builder informationUri(String uri) {
      try {
        return informationUri(new URI(uri));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "information URI '" + uri + "' is not a URI: " + e.getReason(), e);
      }
    }

    /** Replaces the rules to describe. */
    public Builder rules(List<RuleMetadata> all) {
      rules.clear();
      for (RuleMetadata r : all) {
        rules.add(Objects.requireNonNull(r, "rule"));
      }
      return this;
    }

    public ReportOptions build() {
      return new ReportOptions(this);
    }
  }
}
