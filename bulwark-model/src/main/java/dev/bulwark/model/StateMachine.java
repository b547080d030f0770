package dev.bulwark.model;

import dev.bulwark.core.SourceLocation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A Step Functions state machine (`AWS::StepFunctions::StateMachine`,
 `AWS::Serverless::StateMachine`). {@code workflowType} is {@code STANDARD} or {@code EXPRESS}; {@code loggingLevel} is {@code OFF} by default.
 */
public record StateMachine(
    ResourceMeta meta,
    Attr<String> name,
    Attr<String> workflowType,
    Attr<String> loggingLevel,
    Attr<Boolean> tracing,
    Attr<Ref> role) implements Resource {

}
