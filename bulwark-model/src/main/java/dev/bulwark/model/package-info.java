/**
 * The normalized cloud model: every source (CloudFormation/SAM, CDK output, later Terraform and
 * live accounts) becomes a {@link dev.bulwark.model.CloudModel}, and every rule reads only that.
 *
 * <p>Each attribute is an {@link dev.bulwark.model.Attr}: present (one or more possible values),
 * absent (known not to be set) or unknown (could not be resolved), always with the place it came
 * from. Relations between resources are {@link dev.bulwark.model.Ref}s resolved through the model's
 * relation queries ({@link dev.bulwark.model.CloudModel#roleOf}, {@link
 * dev.bulwark.model.CloudModel#routesTo}, …). Higher-level questions such as "is this function
 * reachable from the internet without authentication?" and "what can its role do?" are answered by
 * {@link dev.bulwark.model.Exposure} and {@link dev.bulwark.model.RoleCapabilities}.
 */
@NullMarked
package dev.bulwark.model;

import org.jspecify.annotations.NullMarked;
