/** CycloneDX 1.6 documents from inventories, with package-urls. */
@NullMarked
package dev.bulwark.deps.internal.sbom;

import org.jspecify.annotations.NullMarked;
