/** One class per output format and the helpers they share; not an API. */
@NullMarked
package dev.bulwark.report.internal;

import org.jspecify.annotations.NullMarked;
