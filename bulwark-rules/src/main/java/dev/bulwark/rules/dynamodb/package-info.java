/** Amazon DynamoDB rules: backups and encryption of tables. */
@NullMarked
package dev.bulwark.rules.dynamodb;

import org.jspecify.annotations.NullMarked;
