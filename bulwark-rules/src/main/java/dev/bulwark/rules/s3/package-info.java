/** Amazon S3 rules: buckets that feed or are fed by functions. */
@NullMarked
package dev.bulwark.rules.s3;

import org.jspecify.annotations.NullMarked;
