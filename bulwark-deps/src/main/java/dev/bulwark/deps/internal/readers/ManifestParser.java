package dev.bulwark.deps.internal.readers;

/** Reads one manifest or lockfile format. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface ManifestParser {

  /** Components and errors of {@code file}; never throws for bad input. */
  ReadResult parse(SourceFile file, ReadContext context);
}
