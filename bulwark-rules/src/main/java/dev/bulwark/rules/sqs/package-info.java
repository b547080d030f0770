/** Amazon SQS rules: queue encryption, queue policies and dead-letter queues. */
@NullMarked
package dev.bulwark.rules.sqs;

import org.jspecify.annotations.NullMarked;
