/**
 * Infrastructure-as-code adapters: each turns source files into {@link
 * dev.bulwark.model.CloudModel}s. {@link dev.bulwark.iac.Adapters} lists them; the engine asks
 * each whether it {@link dev.bulwark.iac.IacAdapter#accepts accepts} a file, by content.
 */
@NullMarked
package dev.bulwark.iac;

import org.jspecify.annotations.NullMarked;
