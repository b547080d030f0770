/**
 * Mapping a resolved {@link dev.bulwark.iac.internal.template.Template} to the {@link
 * dev.bulwark.model.CloudModel}: CloudFormation resources and the SAM transform's semantics.
 */
@NullMarked
package dev.bulwark.iac.internal.mapping;

import org.jspecify.annotations.NullMarked;
