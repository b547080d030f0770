package com.example.shop;

import dev.bulwark.runtime.devserve.DevServer;

/**
 * Serves the plain or the protected build on 127.0.0.1 as API Gateway HTTP API would:
 * {@code java -cp … com.example.shop.LocalServer plain|protected <port>}.
 */
public final class LocalServer {
  private LocalServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("plain") || args[0].equals("protected"))) {
      System.err.println("usage: LocalServer plain|protected <port>");
      System.exit(2);
    }
    Object handler = args[0].equals("plain") ? new ShopHandler() : new ProtectedShopHandler();
    DevServer server = DevServer.start(DevServer.asStreamHandler(handler), Integer.parseInt(args[1]), System.err);
    System.err.println("serving the " + args[0] + " build on " + server.uri());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
  }
}
