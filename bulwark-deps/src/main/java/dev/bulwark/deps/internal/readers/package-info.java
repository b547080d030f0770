/**
 * Reading manifests and lockfiles into {@link dev.bulwark.deps.Component}s.
 *
 * <p>Three parts stay apart. Parsers ({@link dev.bulwark.deps.internal.readers.ManifestParser},
 * one class per format) are pure: a {@link dev.bulwark.deps.internal.readers.SourceFile} (display
 * name and bytes) in, components and errors out; a parser that needs another file (a {@code -r}
 * include, a parent POM) asks its {@link dev.bulwark.deps.internal.readers.ReadContext}. {@link
 * dev.bulwark.deps.internal.readers.Detection} is the one sorted table saying which file goes to
 * which parser. {@link dev.bulwark.deps.internal.readers.FolderReader} walks a folder with the
 * skip rules and limits, reads each file once and hands archives to {@code internal.artifacts}.
 * Matching against advisories is elsewhere.
 */
@NullMarked
package dev.bulwark.deps.internal.readers;

import org.jspecify.annotations.NullMarked;
