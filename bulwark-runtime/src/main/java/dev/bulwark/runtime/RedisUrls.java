package dev.bulwark.runtime;

import java.net.URI;
import java.util.Objects;

final class RedisUrls {
  private RedisUrls() {}

  static URI check(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss")) || url.getHost() == null) {
      throw new IllegalArgumentException("Redis URL '" + url + "' is not redis://host:port or rediss://host:port");
    }
    return url;
  }
}
