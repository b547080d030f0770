package dev.bulwark.report;

import dev.bulwark.core.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link Report} in one format. Obtain one from {@link Reporters#of}.
 *
 * <p>Reporters write to a {@link Writer}, not an {@link java.io.OutputStream}: every format is
 * text, and the CLI prints through its command's own {@link java.io.PrintWriter} so that tests
 * capture the output. The writer should encode UTF-8 (JSON and SARIF require it); {@link
 * #write(Report, Path)} takes care of that for files. JUnit XML escapes every non-ASCII character,
 * so it stays valid whatever the writer's encoding.
 *
 * <p>A reporter streams: it writes as it goes and never builds the whole document in memory, so
 * time and memory grow linearly with the number of findings. It flushes but never closes the
 * writer. Implementations are stateless and safe to share between threads.
 *
 * <pre>{@code
 * Reporter text = Reporters.of(ReportFormat.TEXT, ReportOptions.builder().colour(true).build());
 * PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
 * text.write(report, out);
 * }</pre>
 */
public interface Reporter {

  /** The format this reporter writes. */
  ReportFormat format();

  /**
   * Writes {@code report} to {@code out} and flushes it.
   *
   * @throws IOException only when {@code out} fails
   */
  void write(Report report, Writer out) throws IOException;

  /**
   * Writes {@code report} to {@code file} in UTF-8. The report is written to a temporary file
   * next to it and then moved into place, so a reader (a CI upload step) never sees half a
   * report, and a failed write leaves any previous file untouched.
   *
   * @throws IOException when the file or its folder cannot be written
   */
  default void write(Report report, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    // Not Files.createTempFile: its owner-only permissions would carry over to the report.
    Path tmp = target.resolveSibling(
        "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        write(report, w);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
