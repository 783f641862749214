package io.portolan.it;

import static io.portolan.it.Fixtures.decision;
import static io.portolan.it.Stack.gateway;
import static io.portolan.it.Stack.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus metrics on their own listener: Prometheus's own parser (the pinned promtool)
 * accepts them, and decisions, refusals and the log writer move the series they should.
 */
class MetricsIT {
  /** The test profile puts the metrics listener 500 above the public port (bin/stack.sh). */
  static final String METRICS =
      System.getProperty(
          "it.metrics-url",
          "http://127.0.0.1:" + (URI.create(Stack.BASE).getPort() + 500) + "/metrics");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void prometheusOwnParserAcceptsTheOutput() throws Exception {
    post(
        "/api/v1/decisions",
        gateway("acme"),
        decision("research", "gpt-4o")); // at least one of each series
    String text = scrape();
    Path promtool = promtool();
    Process check =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    check.getOutputStream().close();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, check.exitValue(), "promtool check metrics: " + said);
    for (String name :
        new String[] {
          "portolan_decisions_total",
          "portolan_decision_duration_seconds_bucket",
          "portolan_decision_log_batch_size_bucket",
          "portolan_decision_log_commit_seconds_bucket",
          "portolan_decision_log_wait_seconds_bucket",
          "portolan_decision_log_refusals_total",
          "portolan_engine_instances_busy",
          "portolan_engine_wait_seconds_bucket",
          "portolan_engine_reloads_total",
          "portolan_tenant_data_version",
          "portolan_tenant_data_age_seconds",
          "portolan_tenant_data_check_age_seconds",
          "portolan_opa_pushes_total",
          "portolan_opa_sync_age_seconds",
          "portolan_webhook_backlog",
          "portolan_token_verifications_total",
          "portolan_http_responses_total",
          "jvm_memory_used_bytes"
        }) {
      assertTrue(text.contains("\n" + name), name + " is exposed");
    }
  }

  @Test
  void aDecisionMovesItsTenantsCountersHistogramAndTheLogWriter() throws Exception {
    Map<String, String> acmeAllowed = Map.of("tenant", "acme", "outcome", "allow");
    Map<String, String> acme = Map.of("tenant", "acme");
    String before = scrape();
    var reply = post("/api/v1/decisions", gateway("acme"), decision("research", "gpt-4o"));
    assertEquals(200, reply.status(), reply.raw().body());
    assertTrue(reply.body().get("allow").asBoolean());
    var denied = post("/api/v1/decisions", gateway("acme"), decision("research", "gpt-17"));
    assertFalse(denied.body().get("allow").asBoolean());
    String after = scrape();

    assertEquals(
        1,
        sum(after, "portolan_decisions_total", acmeAllowed)
            - sum(before, "portolan_decisions_total", acmeAllowed));
    Map<String, String> acmeDenied = Map.of("tenant", "acme", "outcome", "deny");
    assertEquals(
        1,
        sum(after, "portolan_decisions_total", acmeDenied)
            - sum(before, "portolan_decisions_total", acmeDenied));
    assertEquals(
        2,
        sum(after, "portolan_decision_duration_seconds_count", acme)
            - sum(before, "portolan_decision_duration_seconds_count", acme));
    // Two decisions were committed: at least one batch, at least two decisions in batches.
    assertTrue(
        sum(after, "portolan_decision_log_batch_size_sum", Map.of())
                - sum(before, "portolan_decision_log_batch_size_sum", Map.of())
            >= 2);
    assertTrue(
        sum(after, "portolan_decision_log_commit_seconds_count", Map.of())
            > sum(before, "portolan_decision_log_commit_seconds_count", Map.of()));
    assertTrue(
        sum(after, "portolan_tenant_data_version", acme) > 0, "acme's data version is shown");
  }

  @Test
  void aCallerOverItsBudgetIsCountedByName() throws Exception {
    String noisy = Stack.client("initech-noisy-gateway", "initech-noisy-gateway-secret");
    Map<String, String> caller = Map.of("caller", "initech-noisy-gateway", "tenant", "initech");
    double before = sum(scrape(), "portolan_rate_limited_total", caller);
    int refused = 0;
    // In parallel, as RateLimitIT floods: one request after another may not outrun 20 a second on a
    // busy machine.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 5 && refused == 0; round++) {
        List<java.util.concurrent.Future<Integer>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 160; i++) {
          flood.add(
              pool.submit(
                  () -> post("/api/v1/decisions", noisy, decision("lab", "gpt-4o")).status()));
        }
        for (java.util.concurrent.Future<Integer> status : flood) {
          refused += status.get() == 429 ? 1 : 0;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(refused > 0, "the flood was refused at least once");
    assertEquals(refused, sum(scrape(), "portolan_rate_limited_total", caller) - before);
  }

  @Test
  void theMetricsAreNotOnThePublicPort() throws Exception {
    HttpResponse<String> onPublic =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.BASE + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertFalse(
        onPublic.body().contains("portolan_decisions_total"),
        "public /metrics: " + onPublic.statusCode());
  }

  static String scrape() throws IOException, InterruptedException {
    HttpResponse<String> reply =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(METRICS)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode());
    assertTrue(
        reply
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("text/plain; version=0.0.4"));
    return reply.body();
  }

  /** The sum of every sample of {@code name} whose labels include {@code labels}. */
  static double sum(String text, String name, Map<String, String> labels) {
    double total = 0;
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
      Map<String, String> found = new java.util.HashMap<>();
      while (label.find()) {
        found.put(label.group(1), label.group(2));
      }
      if (found.entrySet().containsAll(labels.entrySet())) {
        double value = Double.parseDouble(sample.group(4));
        total += Double.isNaN(value) ? 0 : value;
      }
    }
    return total;
  }

  /** The promtool bin/tools.sh installed, at the version bin/versions.sh pins. */
  static Path promtool() throws IOException {
    Matcher version =
        Pattern.compile("(?m)^PROMTOOL_VERSION=(\\S+)")
            .matcher(Files.readString(Stack.REPO.resolve("bin/versions.sh")));
    assertTrue(version.find(), "PROMTOOL_VERSION in bin/versions.sh");
    Path promtool = Stack.REPO.resolve(".tools/promtool-" + version.group(1) + "/promtool");
    assertTrue(Files.isExecutable(promtool), promtool + " (bin/tools.sh promtool installs it)");
    return promtool;
  }
}
