/**
 * OSV advisory data: the streaming reader of OSV JSON documents, loading of folders and zip
 * archives within limits, the download cache behind {@code bulwark db update}, and CVSS scoring.
 */
@NullMarked
package dev.bulwark.deps.internal.osv;

import org.jspecify.annotations.NullMarked;
