package dev.bulwark.deps;

/** The encodings of a CycloneDX SBOM. */
public enum SbomFormat {
  /** CycloneDX JSON ({@code application/vnd.cyclonedx+json}). */
  JSON,
  /** CycloneDX XML ({@code application/vnd.cyclonedx+xml}). */
  XML
}
