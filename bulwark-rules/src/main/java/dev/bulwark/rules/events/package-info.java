/** Amazon EventBridge rules: event bus policies, rules and schedules. */
@NullMarked
package dev.bulwark.rules.events;

import org.jspecify.annotations.NullMarked;
