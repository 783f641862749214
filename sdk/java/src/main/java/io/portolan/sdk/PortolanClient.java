package io.portolan.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * A client of Portolan's decision API for gateways and applications.
 *
 * <pre>{@code
 * try (PortolanClient portolan = PortolanClient.builder()
 *     .portolanUrl("http://localhost:8080")
 *     .tokenUrl("http://localhost:8180/realms/portolan/protocol/openid-connect/token")
 *     .clientId("acme-gateway").clientSecret("acme-gateway-secret").build()) {
 *   Decision decision = portolan.decide("research", "gpt-4o", "chat", "internal", "eu");
 * }
 * }</pre>
 *
 * Thread-safe. Answers are cached until their {@code expiresAt}; when Portolan cannot answer,
 * {@link #decide} fails closed (allow=false, reason {@code portolan_unavailable}) unless built with
 * {@code failOpen(true)}. Usage reports are sent in the background; {@link #close} flushes them.
 * Every request to Portolan carries the caller's W3C trace context: the current OpenTelemetry
 * span's when the OpenTelemetry API is on the classpath, or what {@link Builder#traceHeaders}
 * supplies.
 */
public final class PortolanClient implements AutoCloseable {
  private final Transport transport;
  private final TokenSource tokens;
  private final DecisionCache cache;
  private final UsageReporter usage;
  private final boolean failOpen;
  private final Clock clock;
  private final TraceContext trace;

  private PortolanClient(Builder b) {
    URI portolanUrl = URI.create(b.portolanUrl.endsWith("/") ? b.portolanUrl : b.portolanUrl + "/");
    // HTTP/1.1: Java's default asks Payara for an h2c upgrade, and about 1 in 100 upgraded answers
    // with a large body (measured on /openapi) arrived as an HTTP/2 protocol error.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.timeout)
            .build();
    this.clock = b.clock;
    this.tokens =
        new TokenSource(http, URI.create(b.tokenUrl), b.clientId, b.clientSecret, b.timeout, clock);
    this.transport = new Transport(http, portolanUrl, tokens, b.timeout, b.retries);
    this.cache = new DecisionCache(clock);
    this.failOpen = b.failOpen;
    this.trace = new TraceContext(b.traceHeaders);
    this.usage = new UsageReporter(this::sendUsage, trace);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Decision decide(
      String team, String model, String purpose, String dataClassification, String region) {
    return decide(new DecisionRequest(team, model, purpose, dataClassification, region, null));
  }

  public Decision decide(
      String team,
      String model,
      String purpose,
      String dataClassification,
      String region,
      String taskTier) {
    return decide(new DecisionRequest(team, model, purpose, dataClassification, region, taskTier));
  }

  /**
   * Decided on {@code deployment}, one of the model's deployments, alone (null: the answer's route
   * names the best compliant one); {@code taskTier} may be null for the team's default.
   */
  public Decision decide(
      String team,
      String model,
      String purpose,
      String dataClassification,
      String region,
      String taskTier,
      String deployment) {
    return decide(
        new DecisionRequest(
            team, model, purpose, dataClassification, region, taskTier, deployment));
  }

  /**
   * Portolan's answer, or the cached one while it has not expired. Never throws because Portolan is
   * unreachable; throws {@link PortolanProblemException} when it refuses the request (4xx).
   */
  public Decision decide(DecisionRequest request) {
    Decision cached = cache.get(request);
    if (cached != null) {
      return cached;
    }
    try {
      // A decision only reads policy, so retrying it is safe.
      JsonNode answer =
          transport.call("POST", "api/v1/decisions", request, null, true, trace.get());
      Decision fresh = Json.MAPPER.treeToValue(answer, Decision.class);
      if (fresh == null) {
        return Decision.unavailable("Portolan sent an empty answer", failOpen, clock.instant());
      }
      cache.put(request, fresh);
      return fresh;
    } catch (PortolanUnavailableException e) {
      return Decision.unavailable(e.getMessage(), failOpen, clock.instant());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Decision.unavailable(
          "unreadable answer from Portolan: " + e.getMessage(), failOpen, clock.instant());
    }
  }

  public List<AllowedModel> allowedModels(
      String team, String purpose, String dataClassification, String region) {
    return allowedModels(team, purpose, dataClassification, region, null);
  }

  /**
   * Every model the team may use now for this purpose, data classification, region and task tier
   * (null parameters are left out; Portolan requires all but taskTier). Throws {@link
   * PortolanUnavailableException} when Portolan cannot answer.
   */
  public List<AllowedModel> allowedModels(
      String team, String purpose, String dataClassification, String region, String taskTier) {
    Objects.requireNonNull(team, "team");
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    addParameter(query, "purpose", purpose);
    addParameter(query, "dataClassification", dataClassification);
    addParameter(query, "region", region);
    addParameter(query, "taskTier", taskTier);
    JsonNode answer =
        transport.call(
            "GET",
            "api/v1/teams/" + encode(team) + "/models" + query,
            null,
            null,
            true,
            trace.get());
    if (answer == null || !answer.path("models").isArray()) {
      throw new PortolanUnavailableException("Portolan's model list has no models array");
    }
    return Json.MAPPER.convertValue(
        answer.get("models"),
        Json.MAPPER.getTypeFactory().constructCollectionType(List.class, AllowedModel.class));
  }

  /** Queues a usage report; a background thread sends it within a second (see {@link #flush}). */
  public void reportUsage(UsageReport report) {
    usage.add(Objects.requireNonNull(report, "report"));
  }

  /**
   * Sends every queued usage report now and waits; true when all were delivered (or refused for
   * good).
   */
  public boolean flush() {
    return usage.flush();
  }

  /** Flushes usage reports and stops the background thread. */
  @Override
  public void close() {
    usage.close();
  }

  /** How many tokens this client fetched (one is reused until shortly before it expires). */
  int tokenFetches() {
    return tokens.fetches();
  }

  TokenSource tokens() {
    return tokens;
  }

  DecisionCache cache() {
    return cache;
  }

  /** One batch as an array body; the batch's key makes a retry of it a no-op on the server. */
  void sendUsage(UsageReporter.Batch batch, Map<String, String> traceHeaders) {
    transport.call(
        "POST", "api/v1/usage", batch.reports(), batch.idempotencyKey(), true, traceHeaders);
  }

  private static void addParameter(StringJoiner query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + encode(value));
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Settings; portolanUrl, tokenUrl, clientId and clientSecret are required. */
  public static final class Builder {
    private String portolanUrl;
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private Duration timeout = Duration.ofSeconds(2);
    private int retries = 2;
    private boolean failOpen;
    private Clock clock = Clock.systemUTC();
    private Supplier<Map<String, String>> traceHeaders;

    private Builder() {}

    /** Where Portolan answers, e.g. {@code http://localhost:8080}. */
    public Builder portolanUrl(String url) {
      this.portolanUrl = url;
      return this;
    }

    /**
     * Keycloak's token endpoint, e.g. {@code
     * http://localhost:8180/realms/portolan/protocol/openid-connect/token}.
     */
    public Builder tokenUrl(String url) {
      this.tokenUrl = url;
      return this;
    }

    public Builder clientId(String id) {
      this.clientId = id;
      return this;
    }

    public Builder clientSecret(String secret) {
      this.clientSecret = secret;
      return this;
    }

    /** How long one HTTP call may take (connect and answer); default 2 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How often a failed idempotent call is tried again; default 2. */
    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    /**
     * Answer allow (with a portolan_unavailable obligation) when Portolan cannot answer; default
     * false.
     */
    public Builder failOpen(boolean failOpen) {
      this.failOpen = failOpen;
      return this;
    }

    /**
     * The caller's W3C trace context for each request to Portolan, for callers without
     * OpenTelemetry (with the OpenTelemetry API on the classpath the current span's is sent by
     * itself). Called in the calling thread before each request; only {@code traceparent} and
     * {@code tracestate} are taken from the map, and they win over OpenTelemetry's when they
     * include a traceparent. Default: none.
     */
    public Builder traceHeaders(Supplier<Map<String, String>> traceHeaders) {
      this.traceHeaders = traceHeaders;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public PortolanClient build() {
      Objects.requireNonNull(portolanUrl, "portolanUrl");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(timeout, "timeout");
      if (retries < 0) {
        throw new IllegalArgumentException("retries must be 0 or more");
      }
      return new PortolanClient(this);
    }
  }
}
