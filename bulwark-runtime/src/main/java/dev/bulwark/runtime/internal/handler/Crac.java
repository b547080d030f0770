package dev.bulwark.runtime.internal.handler;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * Registers an after-restore action with {@code org.crac} (SnapStart, CRaC) when it is on the
 * class path, without depending on it. Returns the registered resource, which the caller must
 * keep reachable (the global context holds resources weakly).
 */
public final class Crac {
  private Crac() {}

  public static @Nullable Object register(Runnable afterRestore) {
    try {
      ClassLoader cl = Crac.class.getClassLoader();
      Class<?> core = Class.forName("org.crac.Core", true, cl);
      Class<?> resource = Class.forName("org.crac.Resource", true, cl);
      Object context = core.getMethod("getGlobalContext").invoke(null);
      Object proxy = Proxy.newProxyInstance(cl, new Class<?>[] {resource}, (p, m, args) -> {
        switch (m.getName()) {
          case "afterRestore":
            afterRestore.run();
            return null;
          case "beforeCheckpoint":
            return null;
          case "hashCode":
            return System.identityHashCode(p);
          case "equals":
            return p == args[0];
          case "toString":
            return "BulwarkRestoreHook";
          default:
            return null;
        }
      });
      Method register = context.getClass().getMethod("register", resource);
      register.setAccessible(true);
      register.invoke(context, proxy);
      return proxy;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
