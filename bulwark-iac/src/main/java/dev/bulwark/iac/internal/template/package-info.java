/**
 * Reading CloudFormation/SAM templates: parsing with locations and resolving intrinsics.
 *
 * <p>The pipeline, for one file: {@link dev.bulwark.iac.internal.template.TemplateSniffer}
 * decides on the first 64 KiB whether the file is a template; {@link
 * dev.bulwark.iac.internal.template.TemplateReader} checks the size, decodes strict UTF-8, parses
 * YAML (SnakeYAML Engine events) or JSON (Jackson streaming) into one located raw tree with the
 * limits enforced while reading, then resolves intrinsic functions and conditions into {@link
 * dev.bulwark.model.Node} trees and builds the {@link
 * dev.bulwark.iac.internal.template.Template}. Each step runs once per file, without recursion
 * deeper than the input's (bounded) nesting.
 */
@NullMarked
package dev.bulwark.iac.internal.template;

import org.jspecify.annotations.NullMarked;
