package dev.bulwark.runtime.internal.decode;

import dev.bulwark.runtime.detect.Input;

/**
 * One decoded input and the batch record it came from ({@code -1} for the invocation itself).
 */
public record Field(Input input, int record) {}
