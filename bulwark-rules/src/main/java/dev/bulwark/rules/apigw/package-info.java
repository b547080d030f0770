/** API Gateway rules: REST, HTTP and WebSocket APIs, their stages and custom domains. */
@NullMarked
package dev.bulwark.rules.apigw;

import org.jspecify.annotations.NullMarked;
