package io.portolan.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request to Portolan carries the caller's W3C trace context: from the builder's traceHeaders
 * supplier, or the current OpenTelemetry span. Against a local stub that plays Keycloak's token
 * endpoint and Portolan and records the headers it is sent; no test stack needed.
 */
class TraceContextTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String TRACESTATE = "vendor=opaque";

  /** One request the stub received: method, path and the headers asked about. */
  record Seen(
      String method,
      String path,
      String traceparent,
      String tracestate,
      String authorization,
      Map<String, List<String>> headers) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer stub;

  @BeforeEach
  void startStub() throws IOException {
    GlobalOpenTelemetry.resetForTest();
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", this::answer);
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
    GlobalOpenTelemetry.resetForTest();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      var headers = exchange.getRequestHeaders();
      String path = exchange.getRequestURI().getPath();
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              path,
              headers.getFirst("traceparent"),
              headers.getFirst("tracestate"),
              headers.getFirst("Authorization"),
              Map.copyOf(headers)));
      String body;
      int status = 200;
      if (path.equals("/token")) {
        body = "{\"access_token\":\"t\",\"expires_in\":300}";
      } else if (path.equals("/api/v1/decisions")) {
        body =
            "{\"decisionId\":\"d1\",\"allow\":true,\"policyRevision\":\"1-abc\",\"evaluatedAt\":\""
                + Instant.now()
                + "\",\"expiresAt\":\""
                + Instant.now().plusSeconds(60)
                + "\"}";
      } else if (path.endsWith("/models")) {
        body = "{\"models\":[]}";
      } else {
        status = 201;
        body = "{}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + stub.getAddress().getPort();
  }

  private PortolanClient client(Supplier<Map<String, String>> traceHeaders) {
    return PortolanClient.builder()
        .portolanUrl(url())
        .tokenUrl(url() + "/token")
        .clientId("id")
        .clientSecret("secret")
        .timeout(Duration.ofSeconds(5))
        .retries(0)
        .traceHeaders(traceHeaders)
        .build();
  }

  private List<Seen> apiCalls() {
    return seen.stream().filter(s -> s.path().startsWith("/api/")).toList();
  }

  /** One of each request the SDK makes to Portolan, usage flushed by the caller. */
  private static void exercise(PortolanClient client) {
    assertTrue(client.decide("g-research", "g-gpt", "chat", "internal", "us").allow());
    client.allowedModels("g-research", "chat", "internal", "us");
    client.reportUsage(new UsageReport("d1", "g-gpt", 1, 1, 1));
    assertTrue(client.flush());
  }

  @Test
  void theSuppliersTraceContextGoesWithEveryRequestToPortolanAndNothingElseOfIt() {
    Map<String, String> supplied = new LinkedHashMap<>();
    supplied.put("Traceparent", TRACEPARENT);
    supplied.put("tracestate", TRACESTATE);
    supplied.put("Authorization", "Bearer stolen");
    supplied.put("baggage", "user=alice");
    try (PortolanClient client = client(() -> supplied)) {
      exercise(client);
    }
    List<Seen> calls = apiCalls();
    assertEquals(
        List.of(
            "POST /api/v1/decisions", "GET /api/v1/teams/g-research/models", "POST /api/v1/usage"),
        calls.stream().map(s -> s.method() + " " + s.path()).toList());
    for (Seen call : calls) {
      assertEquals(TRACEPARENT, call.traceparent(), call.path());
      assertEquals(TRACESTATE, call.tracestate(), call.path());
      assertEquals("Bearer t", call.authorization(), "the supplier never replaces the token");
      assertFalse(call.headers().containsKey("Baggage"), call.headers().toString());
    }
    Seen token = seen.stream().filter(s -> s.path().equals("/token")).findFirst().orElseThrow();
    assertNull(token.traceparent(), "Keycloak is not Portolan");
  }

  @Test
  void aCachedDecisionMakesNoRequestSoSendsNothing() {
    try (PortolanClient client = client(() -> Map.of("traceparent", TRACEPARENT))) {
      Decision first = client.decide("g-research", "g-gpt", "chat", "internal", "us");
      Decision second = client.decide("g-research", "g-gpt", "chat", "internal", "us");
      assertFalse(first.fromCache());
      assertTrue(second.fromCache());
      assertEquals("d1", second.decisionId());
    }
    assertEquals(1, apiCalls().size());
  }

  @Test
  void withoutATraceContextNoneIsSentAndABrokenSupplierCostsOnlyTheTrace() {
    List<Supplier<Map<String, String>>> suppliers = new ArrayList<>();
    suppliers.add(null);
    suppliers.add(Map::of);
    suppliers.add(
        () -> {
          throw new IllegalStateException("no span here");
        });
    suppliers.add(() -> Map.of("traceparent", "bad\r\nX-Injected: 1"));
    for (Supplier<Map<String, String>> supplier : suppliers) {
      seen.clear();
      try (PortolanClient client = client(supplier)) {
        assertTrue(client.decide("g-research", "g-gpt", "chat", "internal", "us").allow());
      }
      Seen call = apiCalls().get(0);
      assertNull(call.traceparent());
      assertFalse(call.headers().containsKey("X-injected"));
    }
  }

  @Test
  void usageSentByTheTimerBelongsToNoCallersTrace() throws Exception {
    try (PortolanClient client = client(() -> Map.of("traceparent", TRACEPARENT))) {
      client.reportUsage(new UsageReport("d1", "g-gpt", 1, 1, 1));
      long deadline = System.currentTimeMillis() + 5_000; // the timer ticks every second
      while (apiCalls().isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertEquals("/api/v1/usage", apiCalls().get(0).path());
      assertNull(apiCalls().get(0).traceparent());
    }
  }

  @Test
  void theCurrentOpenTelemetrySpanIsContinued() {
    assertTrue(TraceContext.OPEN_TELEMETRY_PRESENT);
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .buildAndRegisterGlobal();
    SpanContext context;
    try (PortolanClient client = client(null)) {
      Span span = otel.getTracer("portolan-sdk-test").spanBuilder("gateway call").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        exercise(client);
      } finally {
        span.end();
      }
      context = span.getSpanContext();
      client.decide("g-research", "g-gpt", "chat", "internal", "us"); // cached: no request
    }
    List<Seen> calls = apiCalls();
    assertEquals(3, calls.size());
    for (Seen call : calls) {
      assertEquals(
          "00-" + context.getTraceId() + "-" + context.getSpanId() + "-01",
          call.traceparent(),
          call.path());
    }
  }

  @Test
  void theSupplierWinsOverOpenTelemetryAndOutsideASpanNothingIsSent() {
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .buildAndRegisterGlobal();
    try (PortolanClient plain = client(null);
        PortolanClient supplied = client(() -> Map.of("traceparent", TRACEPARENT))) {
      plain.decide("g-research", "g-gpt", "chat", "internal", "us");
      assertNull(apiCalls().get(0).traceparent(), "no span, nothing to continue");
      Span span = otel.getTracer("portolan-sdk-test").spanBuilder("gateway call").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        supplied.decide("g-research", "g-gpt", "chat", "internal", "us");
      } finally {
        span.end();
      }
      assertEquals(TRACEPARENT, apiCalls().get(1).traceparent());
    }
  }

  @Test
  void outsideASpanTheSdkLeavesGlobalOpenTelemetryUnsetForTheApplication() {
    try (PortolanClient client = client(null)) {
      client.decide("g-research", "g-gpt", "chat", "internal", "us");
    }
    // Had the SDK called GlobalOpenTelemetry.get(), the global would now be a no-op and this would
    // throw.
    OpenTelemetrySdk.builder().buildAndRegisterGlobal();
  }

  @Test
  void withoutTheOpenTelemetryApiOnTheClassPathTheSdkWorks() throws Exception {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    URL[] withoutOpenTelemetry =
        Stream.of(classPath.split(File.pathSeparator))
            .filter(entry -> !entry.contains("opentelemetry"))
            .map(
                entry -> {
                  try {
                    return new File(entry).toURI().toURL();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toArray(URL[]::new);
    try (URLClassLoader loader =
        new URLClassLoader(withoutOpenTelemetry, ClassLoader.getPlatformClassLoader())) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("io.opentelemetry.context.Context", false, loader));
      Class<?> clientClass = Class.forName(PortolanClient.class.getName(), true, loader);
      var present =
          Class.forName(TraceContext.class.getName(), true, loader)
              .getDeclaredField("OPEN_TELEMETRY_PRESENT");
      present.setAccessible(true); // package-private, and another runtime package in this loader
      assertFalse((boolean) present.get(null));
      Object builder = clientClass.getMethod("builder").invoke(null);
      Class<?> builderClass = builder.getClass();
      builderClass.getMethod("portolanUrl", String.class).invoke(builder, url());
      builderClass.getMethod("tokenUrl", String.class).invoke(builder, url() + "/token");
      builderClass.getMethod("clientId", String.class).invoke(builder, "id");
      builderClass.getMethod("clientSecret", String.class).invoke(builder, "secret");
      Supplier<Map<String, String>> supplier = () -> Map.of("traceparent", TRACEPARENT);
      builderClass.getMethod("traceHeaders", Supplier.class).invoke(builder, supplier);
      try (AutoCloseable client = (AutoCloseable) builderClass.getMethod("build").invoke(builder)) {
        Method decide =
            clientClass.getMethod(
                "decide", String.class, String.class, String.class, String.class, String.class);
        Object decision = decide.invoke(client, "g-research", "g-gpt", "chat", "internal", "us");
        assertEquals(true, decision.getClass().getMethod("allow").invoke(decision));
      }
    }
    assertEquals(TRACEPARENT, apiCalls().get(0).traceparent());
  }
}
