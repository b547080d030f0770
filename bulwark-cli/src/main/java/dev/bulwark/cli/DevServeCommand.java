package dev.bulwark.cli;

import dev.bulwark.runtime.Protection;
import dev.bulwark.runtime.devserve.DevServer;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark dev-serve}: serve a handler on 127.0.0.1 the way API Gateway HTTP APIs call it. */
@Command(
    name = "dev-serve",
    mixinStandardHelpOptions = true,
    header = "Serve a Java Lambda handler on 127.0.0.1 as an API Gateway HTTP API would.",
    description = {
      "Loads a handler class (RequestHandler or RequestStreamHandler) from the given class path"
          + " and serves it on http://127.0.0.1:<port>: each HTTP request becomes an API Gateway"
          + " v2 (payload format 2.0) event and the handler's result becomes the response. With"
          + " --protect the handler runs behind bulwark-runtime, configured from BULWARK_*"
          + " environment variables and --config.",
      "For local testing only (security scanners included): it listens on the loopback address"
          + " only. Stop it with Ctrl-C."
    })
public final class DevServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--handler",
      required = true,
      paramLabel = "<class>",
      description = "Fully qualified name of the handler class (public, no-argument constructor).")
  String handler;

  @Option(
      names = "--classpath",
      paramLabel = "<path>",
      description = "Jars and class folders holding the handler, separated by ':' (';' on Windows).")
  @Nullable String classpath;

  @Option(
      names = "--port",
      paramLabel = "<port>",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).",
      defaultValue = "3000")
  int port;

  @Option(names = "--protect", description = "Run the handler behind bulwark-runtime.")
  boolean protect;

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "A bulwark-runtime configuration file (JSON or YAML); implies --protect.")
  @Nullable Path config;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    try (DevServer server = start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "bulwark-dev-serve-stop"));
      spec.commandLine().getErr().printf("bulwark: serving %s on %s%s (Ctrl-C stops)%n", handler,
          server.uri(), protect || config != null ? ", protected" : "");
      spec.commandLine().getErr().flush();
      stop.await();
    }
    return ExitCodes.OK;
  }

  /** Loads the handler and starts the server (the caller closes it). */
  DevServer start() throws IOException {
    if (port < 0 || port > 65535) {
      throw new Main.UsageException("--port: " + port + " is not a port number");
    }
    ClassLoader loader = loader();
    RequestStreamHandler h;
    Thread main = Thread.currentThread();
    ClassLoader previous = main.getContextClassLoader();
    main.setContextClassLoader(loader);
    try {
      h = DevServer.asStreamHandler(instantiate(loader));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("--handler: " + e.getMessage());
    } finally {
      main.setContextClassLoader(previous);
    }
    if (protect || config != null) {
      Protection.Builder b = Protection.builder().fromEnvironment();
      if (config != null) {
        if (!Files.isRegularFile(config)) {
          throw new Main.UsageException("--config: no such file " + config);
        }
        try {
          b.fromFile(config);
        } catch (IllegalArgumentException e) {
          throw new Main.UsageException("--config: " + e.getMessage());
        }
      }
      h = b.build().wrap(h);
    }
    h = withContextLoader(h, loader);
    PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
        true, StandardCharsets.UTF_8);
    return DevServer.start(h, port, log);
  }

  /**
   * Runs the handler with its own class loader as the thread's context loader, as the Lambda
   * runtime does: libraries that look classes up through it (JDBC drivers, ServiceLoader) find
   * the handler's dependencies.
   */
  private static RequestStreamHandler withContextLoader(
      RequestStreamHandler h, ClassLoader loader) {
    return (in, out, context) -> {
      Thread t = Thread.currentThread();
      ClassLoader previous = t.getContextClassLoader();
      t.setContextClassLoader(loader);
      try {
        h.handleRequest(in, out, context);
      } finally {
        t.setContextClassLoader(previous);
      }
    };
  }

  private Object instantiate(ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(handler, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Main.UsageException("--handler: class " + handler + " not found on the class path"
          + (classpath == null ? " (use --classpath)" : " " + classpath));
    }
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new Main.UsageException("--handler: " + handler + " has no public no-argument"
          + " constructor");
    } catch (InvocationTargetException e) {
      throw new Main.UsageException("--handler: the constructor of " + handler + " failed: "
          + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new Main.UsageException("--handler: cannot create " + handler + ": " + e);
    }
  }

  private ClassLoader loader() {
    if (classpath == null || classpath.isBlank()) {
      return getClass().getClassLoader();
    }
    List<URL> urls = new ArrayList<>();
    for (String part : classpath.split(File.pathSeparator)) {
      if (part.isBlank()) {
        continue;
      }
      Path p = Path.of(part);
      if (!Files.exists(p)) {
        throw new Main.UsageException("--classpath: no such file or folder " + part);
      }
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new Main.UsageException("--classpath: " + part + ": " + e.getMessage());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }
}
