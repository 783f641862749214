package io.portolan.it;

import static io.portolan.it.Stack.delete;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.put;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Approval events reach the tenant's endpoint, signed; a failing endpoint is retried. */
class WebhookIT {
  record Received(String event, String signature, String body) {}

  @Test
  void approvalEventsAreDeliveredSignedAndRetriedAfterAFailure() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (exchange
              .getRequestHeaders()
              .getFirst("Portolan-Event")
              .startsWith("notice.")) { // notices of other tests' data
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
          }
          int status = calls.incrementAndGet() == 1 ? 500 : 204; // the first attempt fails
          if (status == 204) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Portolan-Event"),
                    exchange.getRequestHeaders().getFirst("Portolan-Signature"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      var configured = put("/api/v1/webhook", user("dave"), Map.of("url", url));
      assertEquals(200, configured.status(), configured.raw().body());
      String secret = configured.body().get("secret").asText();
      assertTrue(secret.startsWith("whsec_"));
      assertFalse(
          get("/api/v1/webhook", user("dave")).body().has("secret"), "the secret is shown once");

      String model = "gpt-4o-mini";
      Map<String, Object> request =
          Map.of(
              "team",
              "research",
              "model",
              model,
              "purpose",
              "webhook-" + System.nanoTime(),
              "maxDataClassification",
              "internal",
              "regions",
              List.of("eu"),
              "justification",
              "for the webhook test");
      Approvals.grant("acme", request);

      long deadline = System.currentTimeMillis() + 20_000;
      while (received.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
      }
      assertEquals(
          java.util.Set.of("approval-request.submitted", "approval-request.approved"),
          received.stream().map(Received::event).collect(java.util.stream.Collectors.toSet()));
      assertEquals(2, received.size(), "each event delivered once");
      for (Received r : received) {
        String[] parts = r.signature().split(",");
        String t = parts[0].substring(2);
        assertEquals(
            "v1=" + hmac(secret, t + "." + r.body()), parts[1], "signature of " + r.event());
      }
      assertTrue(calls.get() >= 3, "the failed first attempt was retried");
      var deliveries = get("/api/v1/webhook/deliveries?status=delivered", user("alice")).body();
      assertTrue(deliveries.get("total").asInt() >= 2);
      assertNotNull(deliveries.get("items").get(0).get("deliveredAt").asText());
    } finally {
      receiver.stop(0);
      delete("/api/v1/webhook", user("dave"));
    }
  }

  @Test
  void onlyTenantAdminsConfigureAndUrlsAreChecked() {
    assertEquals(
        403, put("/api/v1/webhook", user("alice"), Map.of("url", "http://127.0.0.1:1/x")).status());
    var bad = put("/api/v1/webhook", user("dave"), Map.of("url", "ftp://example.org"));
    assertEquals(400, bad.status());
    assertEquals("url", bad.body().get("errors").get(0).get("field").asText());
    assertEquals(404, get("/api/v1/webhook", user("erin")).status(), "globex has none");
  }

  private static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of()
        .formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
