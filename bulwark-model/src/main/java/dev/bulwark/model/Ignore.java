package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import org.jspecify.annotations.Nullable;

/**
 * A suppression declared on a resource in its source ({@code Metadata: bulwark: ignore: [{id:
 * LAMBDA-003, reason: …}]}). {@code reason} is null or blank when none was given, which is itself
 * reported as a finding.
 */
public record Ignore(String ruleId, @Nullable String reason, SourceLocation location) {}
