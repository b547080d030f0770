/**
 * Hard-coded secret detection: AWS keys, private keys, provider tokens, JWTs, credentials in
 * connection strings and URLs, and high-entropy values assigned to secret-like names.
 *
 * <p>A secret is never reported in full: every {@link dev.bulwark.core.Finding} carries the kind,
 * the location, at most the first four characters and a short SHA-256 prefix of the value (also its
 * {@code key}, so one secret found in several places deduplicates and baselines survive edits).
 *
 * <pre>{@code
 * SecretScanner scanner = SecretScanner.builder().build();
 * SecretScanResult fromText =
 *     scanner.scan(TextInput.of("template.yaml", "DB_PASSWORD: Zq8#vT2m!pLx").startingAt(41));
 * SecretScanResult fromTree = scanner.scanPath(Path.of("functions/orders"));
 * for (Finding f : fromTree.findings()) {
 *   System.out.println(f.location() + " " + f.ruleId() + " " + f.message());
 * }
 * }</pre>
 *
 * <p>Rule ids are listed by {@link dev.bulwark.secrets.SecretRules#metadata()}; the kinds they
 * cover by {@link dev.bulwark.secrets.SecretKind}.
 */
@NullMarked
package dev.bulwark.secrets;

import org.jspecify.annotations.NullMarked;
