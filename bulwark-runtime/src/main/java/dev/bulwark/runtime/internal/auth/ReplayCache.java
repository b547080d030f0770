package dev.bulwark.runtime.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers ids for a window, bounded in size (oldest forgotten first). Thread-safe. */
public final class ReplayCache {
  private final Clock clock;
  private final long windowMillis;
  private final int capacity;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  public ReplayCache(Clock clock, Duration window, int capacity) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.capacity = capacity;
  }

  /** Records {@code id}; false when it was already seen within the window (a replay). */
  public synchronized boolean firstUse(String id) {
    long now = clock.millis();
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (now - e.getValue() > windowMillis || seen.size() > capacity) {
        it.remove();
      } else {
        break;
      }
    }
    Long at = seen.get(id);
    if (at != null && now - at <= windowMillis) {
      return false;
    }
    seen.put(id, now);
    return true;
  }

  public synchronized void clear() {
    seen.clear();
  }
}
