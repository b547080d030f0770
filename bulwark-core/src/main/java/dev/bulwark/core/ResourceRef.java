package dev.bulwark.core;

import java.util.Objects;

/**
 * The resource a finding is about: its logical id (or ARN, or package/file name for findings that
 * are not about a cloud resource) and its type ({@code AWS::Serverless::Function}, {@code
 * AWS::IAM::Role}, {@code maven}, {@code file}).
 */
public record ResourceRef(String id, String type) {
  public ResourceRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
  }
}
