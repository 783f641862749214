package io.portolan.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A request's log lines, as JSON: one object per line with the request id, tenant and decision id.
 */
class JsonLogFormatterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The loggers under this name write only to the test's capture. */
  private static final String CAPTURED = "portolan.test.logs";

  private static final String GATEWAY_REQUEST_ID = "litellm-7f3a9c";
  private static final String TOKEN =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhY21lLWdhdGV3YXkifQ.c2lnbmF0dXJlLWJ5dGVz";

  @Test
  void aLineWrittenWhileServingARequestCarriesItsIdsAndParses() throws Exception {
    Map<String, String> answered = new HashMap<>();
    List<String> lines =
        serve(
            GATEWAY_REQUEST_ID,
            answered,
            () -> {
              LogContext.tenant("acme");
              LogContext.decision("0193e0c4-5b7a-7c1e-9a41-3f0f9d3b2a10");
              Logger.getLogger(CAPTURED + ".decision.DecisionService")
                  .warning("decision refused, OPA unavailable");
            });
    assertEquals(1, lines.size());
    assertTrue(
        lines.get(0).endsWith("\n") && lines.get(0).indexOf('\n') == lines.get(0).length() - 1,
        "one line");
    JsonNode line = JSON.readTree(lines.get(0));
    assertEquals(GATEWAY_REQUEST_ID, line.get("requestId").asText());
    assertEquals(
        GATEWAY_REQUEST_ID, answered.get(RequestIds.HEADER), "the id is answered to the caller");
    assertEquals("acme", line.get("tenant").asText());
    assertEquals("0193e0c4-5b7a-7c1e-9a41-3f0f9d3b2a10", line.get("decisionId").asText());
    assertEquals("WARNING", line.get("level").asText());
    assertEquals(CAPTURED + ".decision.DecisionService", line.get("logger").asText());
    assertEquals("decision refused, OPA unavailable", line.get("message").asText());
    assertTrue(line.get("time").asText().endsWith("Z"));
  }

  @Test
  void aHostileRequestIdIsReplacedAndTheNextRequestStartsClean() throws Exception {
    Map<String, String> answered = new HashMap<>();
    List<String> lines =
        serve(
            "a\"b\nforged: line", answered, () -> Logger.getLogger(CAPTURED + ".t").info("hello"));
    JsonNode line = JSON.readTree(lines.get(0));
    assertNotEquals("a\"b\nforged: line", line.get("requestId").asText());
    assertTrue(line.get("requestId").asText().matches("[0-9a-f]{16}"), line.toString());
    assertFalse(line.has("tenant"), "nothing left over from an earlier request");
  }

  @Test
  void tokensNeverReachTheLog() throws Exception {
    List<String> lines =
        serve(
            GATEWAY_REQUEST_ID,
            new HashMap<>(),
            () ->
                Logger.getLogger(CAPTURED + ".t")
                    .log(
                        Level.WARNING,
                        "refused Authorization: Bearer " + TOKEN + " and " + TOKEN,
                        new IllegalStateException("token " + TOKEN)));
    assertFalse(lines.get(0).contains("eyJ"), lines.get(0));
    assertTrue(JSON.readTree(lines.get(0)).get("message").asText().contains("Bearer [token]"));
  }

  /**
   * Runs {@code work} inside the RequestIds filter, as a request with that header; the lines it
   * logged.
   */
  private static List<String> serve(String requestId, Map<String, String> answered, Runnable work)
      throws Exception {
    List<String> lines = new ArrayList<>();
    JsonLogFormatter formatter = new JsonLogFormatter();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(formatter.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger(CAPTURED);
    root.setUseParentHandlers(false); // the test's console never sees the token either
    root.addHandler(capture);
    try {
      HttpServletRequest request =
          (HttpServletRequest)
              Proxy.newProxyInstance(
                  getLoader(),
                  new Class<?>[] {HttpServletRequest.class},
                  (p, m, a) ->
                      "getHeader".equals(m.getName()) && RequestIds.HEADER.equals(a[0])
                          ? requestId
                          : null);
      HttpServletResponse response =
          (HttpServletResponse)
              Proxy.newProxyInstance(
                  getLoader(),
                  new Class<?>[] {HttpServletResponse.class},
                  (p, m, a) -> {
                    if ("setHeader".equals(m.getName())) {
                      answered.put((String) a[0], (String) a[1]);
                    }
                    return null;
                  });
      new RequestIds().doFilter(request, response, (req, res) -> work.run());
    } finally {
      root.removeHandler(capture);
    }
    return lines;
  }

  private static ClassLoader getLoader() {
    return JsonLogFormatterTest.class.getClassLoader();
  }
}
