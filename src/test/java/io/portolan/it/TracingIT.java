package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry traces (issue 21): the test stack's Portolan exports them over OTLP, configured by
 * the standard OTEL_* variables only (bin/stack.sh), to a real Jaeger; a gateway's {@code
 * traceparent} is continued, the spans name the tenant and the decision.
 */
class TracingIT {
  private static final String JAEGER =
      System.getProperty("it.jaeger-url", "http://127.0.0.1:28686");

  /** A span as Jaeger's API v3 gives it (OTLP JSON). */
  record Span(String name, String spanId, String parentSpanId, Map<String, String> attributes) {}

  @Test
  void aDecisionContinuesTheGatewaysTraceWithSpansForItsCacheEvaluationAndLogWrite()
      throws Exception {
    String traceId = hex(16);
    String gatewaySpan = hex(8);
    // A purpose of its own: no earlier answer is remembered, so the engine evaluates it.
    Map<String, Object> question =
        Fixtures.with(Fixtures.decision("research", "gpt-4o"), "purpose", Stack.unique("trace"));
    HttpResponse<String> answered =
        Stack.exchange(
            HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/decisions"))
                .header("Authorization", "Bearer " + Stack.gateway("acme"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(question)))
                .build());
    assertEquals(200, answered.statusCode(), answered.body());
    String decisionId = Stack.JSON.readTree(answered.body()).get("decisionId").asText();

    // The server span ends last, so it may reach Jaeger in a later batch than its children.
    List<Span> spans =
        spansOf(
            traceId,
            found ->
                found.stream().anyMatch(s -> s.name().equals("decision.log"))
                    && found.stream().anyMatch(s -> s.name().equals("POST /api/v1/decisions")));
    Span server = named(spans, "POST /api/v1/decisions");
    assertEquals(gatewaySpan, server.parentSpanId(), "the gateway's span is the parent: " + spans);
    assertEquals("acme", server.attributes().get("portolan.tenant"));
    assertEquals(decisionId, server.attributes().get("portolan.decision_id"));
    assertEquals("200", server.attributes().get("http.response.status_code"));
    for (String step : List.of("decision.cache", "decision.evaluate", "decision.log")) {
      assertEquals(
          server.spanId(),
          named(spans, step).parentSpanId(),
          step + " under the request's span: " + spans);
    }
    assertEquals("embedded", named(spans, "decision.evaluate").attributes().get("portolan.engine"));
  }

  @Test
  void theAdminApiIsTracedWithItsCallsToOpa() throws Exception {
    String traceId = hex(16);
    HttpResponse<String> answered =
        Stack.exchange(
            HttpRequest.newBuilder(
                    URI.create(
                        Stack.BASE
                            + "/api/v1/teams/research/models?dataClassification=internal&region=eu&purpose=chat"))
                .header("Authorization", "Bearer " + Stack.user("alice"))
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .GET()
                .build());
    assertEquals(200, answered.statusCode(), answered.body());

    // The request's span ends after the OPA call's, so wait for the call's parent too.
    List<Span> spans =
        spansOf(
            traceId,
            found ->
                found.stream()
                    .filter(s -> s.name().equals("opa POST"))
                    .anyMatch(
                        call ->
                            found.stream().anyMatch(s -> s.spanId().equals(call.parentSpanId()))));
    Span opa = named(spans, "opa POST");
    assertTrue(
        opa.attributes().get("url.full").endsWith("/v1/data/portolan/catalog"), opa.toString());
    Span parent =
        spans.stream()
            .filter(s -> s.spanId().equals(opa.parentSpanId()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the OPA call is inside the request's trace: " + spans));
    assertEquals(
        "acme",
        parent.attributes().get("portolan.tenant"),
        "the API request's span names its tenant: " + spans);
  }

  /**
   * The trace's spans once {@code complete} holds (the exporter sends in batches), at most 20 s.
   */
  private static List<Span> spansOf(String traceId, Predicate<List<Span>> complete)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Span> spans = List.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> reply =
          Stack.exchange(
              HttpRequest.newBuilder(URI.create(JAEGER + "/api/v3/traces/" + traceId))
                  .GET()
                  .build());
      if (reply.statusCode() == 200) {
        spans = parse(Stack.JSON.readTree(reply.body()));
        if (complete.test(spans)) {
          return spans;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("trace " + traceId + " incomplete in Jaeger after 20 s: " + spans);
  }

  private static List<Span> parse(JsonNode trace) {
    List<Span> spans = new ArrayList<>();
    for (JsonNode resource : trace.path("result").path("resourceSpans")) {
      for (JsonNode scope : resource.path("scopeSpans")) {
        for (JsonNode span : scope.path("spans")) {
          Map<String, String> attributes = new java.util.TreeMap<>();
          span.path("attributes")
              .forEach(a -> attributes.put(a.get("key").asText(), value(a.get("value"))));
          spans.add(
              new Span(
                  span.path("name").asText(),
                  span.path("spanId").asText(),
                  span.path("parentSpanId").asText(),
                  attributes));
        }
      }
    }
    return spans;
  }

  private static String value(JsonNode value) {
    var field = value.fields();
    return field.hasNext() ? field.next().getValue().asText() : "";
  }

  private static Span named(List<Span> spans, String name) {
    List<Span> found = spans.stream().filter(s -> s.name().equals(name)).toList();
    assertFalse(found.isEmpty(), "no span " + name + " in " + spans);
    return found.get(0);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zeros, which W3C trace context refuses
    return HexFormat.of().formatHex(random);
  }
}
