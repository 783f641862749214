package io.portolan.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Stands between a sidecar and Portolan, as a compromised cache or proxy on the way would: it
 * passes every request on until told to tamper, then serves the tenant's bundle with a vendor added
 * to its data.json, keeping Portolan's .signatures.json or leaving it out, under a new ETag each
 * time so that OPA takes it.
 */
final class TamperingProxy implements AutoCloseable {
  static final String ADDED_VENDOR = "tampered-vendor";
  private static final List<String> PASSED_HEADERS =
      List.of("Authorization", "If-None-Match", "Content-Type", "Content-Encoding");

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpServer server;

  enum Tampering {
    NONE,
    ALTER_DATA,
    ALTER_DATA_AND_DROP_SIGNATURE
  }

  private final AtomicReference<Tampering> tampering = new AtomicReference<>(Tampering.NONE);
  final AtomicInteger tamperedServed = new AtomicInteger();

  TamperingProxy() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void tamper(Tampering how) {
    tampering.set(how);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Tampering how = tampering.get();
      boolean bundle =
          exchange.getRequestURI().getPath().startsWith("/bundles/") && how != Tampering.NONE;
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(Stack.BASE + exchange.getRequestURI()));
      for (String header : PASSED_HEADERS) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null && !(bundle && header.equals("If-None-Match"))) {
          request.header(header, value);
        }
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpResponse<byte[]> response =
          client.send(
              request
                  .method(
                      exchange.getRequestMethod(),
                      body.length == 0
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      byte[] answer = response.body();
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
      response
          .headers()
          .firstValue("ETag")
          .ifPresent(t -> exchange.getResponseHeaders().set("ETag", t));
      if (bundle && response.statusCode() == 200) {
        answer = withAddedVendor(answer, how == Tampering.ALTER_DATA_AND_DROP_SIGNATURE);
        exchange
            .getResponseHeaders()
            .set("ETag", "\"tampered-" + tamperedServed.incrementAndGet() + "\"");
      }
      if (response.statusCode() == 304 || answer.length == 0) {
        exchange.sendResponseHeaders(response.statusCode(), -1);
      } else {
        exchange.sendResponseHeaders(response.statusCode(), answer.length);
        exchange.getResponseBody().write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The same tarball, every file as it was but data.json, which gains a vendor, and maybe the
   * signature.
   */
  private static byte[] withAddedVendor(byte[] bundle, boolean dropSignature) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveInputStream in =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(bundle)));
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (dropSignature && entry.getName().equals(".signatures.json")) {
          continue;
        }
        if (entry.getName().equals("data.json")) {
          ObjectNode data = (ObjectNode) Stack.JSON.readTree(content);
          ((ObjectNode) data.at("/tenants/acme/vendors"))
              .putObject(ADDED_VENDOR)
              .put("jurisdiction", "US")
              .put("suspended", false);
          content = Stack.JSON.writeValueAsBytes(data);
        }
        TarArchiveEntry copy = new TarArchiveEntry(entry.getName());
        copy.setSize(content.length);
        tar.putArchiveEntry(copy);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
