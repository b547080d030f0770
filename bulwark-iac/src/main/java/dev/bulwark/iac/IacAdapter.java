package dev.bulwark.iac;

import java.nio.file.Path;

/**
 * Turns one kind of infrastructure-as-code file into the model. Implementations are stateless and
 * thread-safe.
 */
public interface IacAdapter {

  /** Short name for messages and {@code --adapters} filters, e.g. {@code cloudformation}. */
  String name();

  /**
   * Cheap content check: is this file one this adapter reads? {@code head} holds the first bytes
   * of the file (up to 64 KiB). Must not throw.
   */
  boolean accepts(Path file, byte[] head);

  /**
   * Reads the file. Never throws for bad input: problems become {@link LoadResult#errors()}, and a
   * partial model is returned when some of the file could be understood.
   *
   * @param file the file to read
   * @param displayName how the file is shown in findings and errors (relative to the scan root)
   * @param options parameters and limits
   */
  LoadResult load(Path file, String displayName, IacOptions options);
}
