package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;

/**
 * A deployment parameter of the source (a CloudFormation {@code Parameters} entry, later a
 * Terraform variable): its name, its default as written, and whether it is marked secret.
 *
 * @param name the parameter's name
 * @param defaultValue the default as written (absent when there is none)
 * @param noEcho true for {@code NoEcho: true} (a value the author considers secret)
 * @param location where the parameter is declared
 */
public record Parameter(
    String name, Attr<String> defaultValue, boolean noEcho, SourceLocation location) {}
