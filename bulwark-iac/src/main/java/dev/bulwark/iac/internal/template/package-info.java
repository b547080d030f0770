/** Reading CloudFormation/SAM templates: parsing with locations and resolving intrinsics. */
@NullMarked
package dev.bulwark.iac.internal.template;

import org.jspecify.annotations.NullMarked;
