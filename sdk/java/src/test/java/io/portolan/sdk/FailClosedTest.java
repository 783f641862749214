package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What decide() answers when Portolan cannot: the stack cannot be made unreachable on demand, so
 * these point the client at a closed port, a port that never answers, or a local stub answering
 * 503. The token comes from the real Keycloak unless the token endpoint is the dead one too.
 */
class FailClosedTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final int RETRIES = 2;
  // Every attempt may take the timeout; the backoffs add at most 150 + 300 ms.
  private static final long BUDGET_MILLIS = TIMEOUT.toMillis() * (RETRIES + 1) + 450 + 1_000;

  @Test
  void aClosedPortFailsClosedWithinTimeoutAndRetries() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort();
    try (PortolanClient client = client(dead, Stack.TOKEN_URL, false)) {
      long started = System.nanoTime();
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertEquals(false, decision.allow());
      assertNull(decision.decisionId());
      assertEquals(1, decision.reasons().size());
      Decision.Reason reason = decision.reasons().get(0);
      assertEquals("portolan_unavailable", reason.code());
      assertEquals("sdk", reason.rule());
      assertTrue(reason.message().contains("cannot connect"), reason.message());
      assertTrue(tookMillis < BUDGET_MILLIS, "took " + tookMillis + " ms");
    }
  }

  @Test
  void anUnreachableTokenEndpointFailsClosedToo() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort();
    try (PortolanClient client = client(dead, dead + "/token", false)) {
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      assertEquals(false, decision.allow());
      assertEquals("portolan_unavailable", decision.reasons().get(0).code());
      assertTrue(
          decision.reasons().get(0).message().contains("cannot get a token"),
          decision.reasons().get(0).message());
    }
  }

  @Test
  void failOpenAllowsAndSaysWhy() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort();
    try (PortolanClient client = client(dead, Stack.TOKEN_URL, true)) {
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      assertEquals(true, decision.allow());
      assertNull(decision.decisionId());
      assertEquals(List.of(), decision.reasons());
      assertEquals("portolan_unavailable", decision.obligations().get(0).code());
    }
  }

  @Test
  void aPortThatNeverAnswersTimesOutAndFailsClosed() throws Exception {
    // The kernel completes the connection (backlog) but nobody reads or answers.
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        PortolanClient client =
            client("http://127.0.0.1:" + silent.getLocalPort(), Stack.TOKEN_URL, false)) {
      long started = System.nanoTime();
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertEquals(false, decision.allow());
      assertTrue(
          decision.reasons().get(0).message().contains("within 500 ms"),
          decision.reasons().get(0).message());
      assertTrue(tookMillis >= TIMEOUT.toMillis(), "took " + tookMillis + " ms");
      assertTrue(tookMillis < BUDGET_MILLIS, "took " + tookMillis + " ms");
    }
  }

  @Test
  void a503IsRetriedExactlyRetriesTimesThenFailsClosed() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    HttpServer stub =
        stub(
            503,
            "application/problem+json",
            "{\"type\":\"https://portolan.dev/problems/policy-engine-unavailable\",\"status\":503}",
            attempts);
    try (PortolanClient client = client(url(stub), Stack.TOKEN_URL, false)) {
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      assertEquals(false, decision.allow());
      assertTrue(
          decision.reasons().get(0).message().contains("503"), decision.reasons().get(0).message());
      assertEquals(1 + RETRIES, attempts.get());
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void aNotFoundPageThatIsNotPortolansFailsClosedRatherThanThrowing() throws Exception {
    // Payara answers an HTML 404 while Portolan is being redeployed; Portolan itself answers
    // problem+json.
    HttpServer stub =
        stub(404, "text/html", "<html>No application deployed</html>", new AtomicInteger());
    try (PortolanClient client = client(url(stub), Stack.TOKEN_URL, false)) {
      Decision decision = client.decide("research", "gpt-4o", "chat", "internal", "eu");
      assertEquals(false, decision.allow());
      assertEquals("portolan_unavailable", decision.reasons().get(0).code());
    } finally {
      stub.stop(0);
    }
  }

  private static HttpServer stub(
      int status, String contentType, String body, AtomicInteger attempts) throws Exception {
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          attempts.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    stub.start();
    return stub;
  }

  private static String url(HttpServer stub) {
    return "http://127.0.0.1:" + stub.getAddress().getPort();
  }

  private static PortolanClient client(String portolanUrl, String tokenUrl, boolean failOpen) {
    return PortolanClient.builder()
        .portolanUrl(portolanUrl)
        .tokenUrl(tokenUrl)
        .clientId("initech-gateway")
        .clientSecret("initech-gateway-secret")
        .timeout(TIMEOUT)
        .retries(RETRIES)
        .failOpen(failOpen)
        .build();
  }

  /** A port nothing listens on: bind one, then let it go. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
