package dev.bulwark.runtime.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A tiny HTTP server on 127.0.0.1 serving one JSON document (for JWKS tests). */
public final class LocalHttp implements AutoCloseable {
  private final HttpServer server;
  public final AtomicReference<String> body = new AtomicReference<>("{}");
  public final AtomicInteger status = new AtomicInteger(200);
  public final AtomicInteger hits = new AtomicInteger();
  public final AtomicLong delayMillis = new AtomicLong();

  public LocalHttp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      hits.incrementAndGet();
      try {
        Thread.sleep(delayMillis.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("content-type", "application/json");
      ex.sendResponseHeaders(status.get(), b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
