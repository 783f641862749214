package io.portolan.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards every request to the real Portolan, but loses the answer to the first usage report: it
 * is stored upstream, and the SDK sees a 503. The real stack cannot be made to do that on demand.
 */
final class FlakyProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient upstream =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final List<String> usageKeys = new CopyOnWriteArrayList<>();

  FlakyProxy(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The Idempotency-Key of every usage POST, in order. */
  List<String> usageKeys() {
    return usageKeys;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response =
          upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      boolean usagePost =
          exchange.getRequestMethod().equals("POST")
              && exchange.getRequestURI().getPath().equals("/api/v1/usage");
      if (usagePost) {
        usageKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      }
      if (usagePost && usageKeys.size() == 1) {
        exchange.sendResponseHeaders(503, -1); // stored upstream, answer lost on the way back
        return;
      }
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
      exchange.sendResponseHeaders(
          response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      exchange.getResponseBody().write(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
