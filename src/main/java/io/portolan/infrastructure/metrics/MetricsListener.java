package io.portolan.infrastructure.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The second listener: {@code GET /metrics} in the Prometheus text format, on its own address
 * (loopback by default), apart from the public port the way Keycloak keeps its management port. The
 * JDK's own HTTP server: one scrape every few seconds needs no servlet container, and the public
 * listener's filters (tokens, rate limits) must not apply to it.
 */
final class MetricsListener {
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private MetricsListener(HttpServer server) {
    this.server = server;
  }

  static MetricsListener start(String host, int port, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/", exchange -> answer(exchange, registry));
    // One thread: scrapes are rare, and a slow scraper must not take threads from decisions.
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "metrics-listener");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return new MetricsListener(server);
  }

  private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean get =
          "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod());
      if (!"/metrics".equals(path) || !get) {
        exchange.sendResponseHeaders("/metrics".equals(path) ? 405 : 404, -1);
        return;
      }
      byte[] body = registry.scrape(TEXT_FORMAT).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }
}
