/**
 * The {@code bulwark} command line: picocli commands, one class per subcommand, each returning an
 * exit code ({@link dev.bulwark.cli.ExitCodes}). The only {@code main} and the only place that maps
 * errors to exit codes.
 */
@NullMarked
package dev.bulwark.cli;

import org.jspecify.annotations.NullMarked;
