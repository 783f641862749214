package io.portolan.infrastructure.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The decision policy compiled to WebAssembly ({@code bin/policy-wasm.sh}), run inside the JVM by
 * Chicory: no HTTP round trip to OPA per decision. An instance is not thread-safe, so a few are
 * kept in a pool, each holding the tenants' data as of the version it last loaded; a borrowed
 * instance with older data reloads it first. When no instance is free in time, or one fails, the
 * caller is told to ask the OPA server instead.
 */
@ApplicationScoped
public class EmbeddedOpa {
  private static final Logger LOG = Logger.getLogger(EmbeddedOpa.class.getName());
  static final String POLICY = "/opa/decision.wasm";
  private static final long BORROW_MILLIS = 20;

  @Inject OpaConfig config;

  private final Map<String, JsonNode> tenants = new ConcurrentHashMap<>();
  private final Map<String, TenantData> tenantVersions = new ConcurrentHashMap<>();
  private final AtomicLong dataVersion = new AtomicLong();
  private volatile Snapshot snapshot = new Snapshot(0, "{\"tenants\":{}}");
  private BlockingQueue<Instance> pool;

  /** One more instance, kept apart for long replays (impact analysis) so decisions keep theirs. */
  private final BlockingQueue<Instance> spare = new ArrayBlockingQueue<>(1);

  private volatile boolean closed;
  private volatile boolean compiled;
  private ClassLoader loader;
  @Inject EngineMetrics metrics;
  private final java.util.concurrent.atomic.AtomicInteger instances =
      new java.util.concurrent.atomic.AtomicInteger();

  private record Snapshot(long version, String json) {}

  /**
   * A tenant's data document and the version that put it here (a later put has a higher one), and
   * the tenant's data version in the database it was read at ({@code dataVersion} in the document).
   */
  public record TenantData(
      long version, long storedVersion, JsonNode document, long loadedAtMillis) {
    public TenantData(long version, long storedVersion, JsonNode document) {
      this(version, storedVersion, document, System.currentTimeMillis());
    }
  }

  private static final class Instance {
    final WasmPolicy policy;
    long version = -1;

    Instance(WasmPolicy policy) {
      this.policy = policy;
    }
  }

  @PostConstruct
  void start() {
    int size =
        config.embeddedInstances() > 0
            ? config.embeddedInstances()
            : Runtime.getRuntime().availableProcessors();
    pool = new ArrayBlockingQueue<>(size);
    metrics.watch(this);
    if (!enabled()) {
      return;
    }
    // Compiling takes a few seconds per instance: in the background, decisions go to OPA meanwhile.
    Thread compiler =
        new Thread(
            () -> {
              compile(size);
              compileSpare();
            },
            "embedded-opa-compiler");
    compiler.setDaemon(true);
    compiler.start();
  }

  @PreDestroy
  void stop() {
    closed = true;
  }

  public boolean enabled() {
    return "embedded".equals(config.engine());
  }

  /** Whether the engine can decide without OPA: on, and at least one instance compiled. */
  public boolean canDecide() {
    return enabled() && compiled && !closed;
  }

  /** How many compiled instances are ready. */
  public int ready() {
    return pool.size();
  }

  /** How many instances are evaluating now. */
  public int busy() {
    return Math.max(0, instances.get() - pool.size());
  }

  /** Every tenant's data as this replica's engine holds it. */
  public Map<String, TenantData> tenantData() {
    return java.util.Collections.unmodifiableMap(tenantVersions);
  }

  /** Records a tenant's policy data, as pushed to OPA; instances load it on their next use. */
  public void putTenantData(String tenant, JsonNode document) {
    long stored = document.path("dataVersion").asLong(-1);
    tenantVersions.compute(
        tenant,
        (t, known) -> {
          if (known != null && known.storedVersion() > stored) {
            return known; // a reload that read older data finished late: keep the newer
          }
          tenants.put(tenant, document);
          return new TenantData(dataVersion.incrementAndGet(), stored, document);
        });
    metrics.tenantSeen(tenant);
  }

  /**
   * The tenant's data as last put. An evaluation that starts after this call uses this version or a
   * later one, so what it answers may be remembered under this version.
   */
  public Optional<TenantData> tenantData(String tenant) {
    return Optional.ofNullable(tenantVersions.get(tenant));
  }

  /**
   * The decision document for the input ({@code allow, revision, reasons, obligations,
   * alternatives}), an empty object when the tenant has no data, or nothing when the embedded
   * engine cannot answer now (ask OPA).
   */
  public Optional<JsonNode> evaluate(JsonNode input) {
    return evaluate(input, BORROW_MILLIS);
  }

  /** As {@link #evaluate(JsonNode)}, waiting up to {@code waitMillis} for a free instance. */
  public Optional<JsonNode> evaluate(JsonNode input, long waitMillis) {
    long asked = System.nanoTime();
    Instance instance = borrow(pool, waitMillis);
    if (enabled()) {
      metrics.waited(System.nanoTime() - asked, instance != null);
    }
    if (instance == null) {
      return Optional.empty();
    }
    try {
      Snapshot data = current();
      if (instance.version != data.version()) {
        metrics.reloaded();
        instance.policy.data(data.json());
        instance.version = data.version();
      }
      JsonNode result = answer(instance, input);
      pool.offer(instance);
      return Optional.of(result);
    } catch (IOException | RuntimeException e) {
      // The instance may be left in any state: drop it and compile a fresh one.
      LOG.log(Level.WARNING, "embedded policy evaluation failed, asking OPA", e);
      instances.decrementAndGet();
      metrics.failed();
      replaceLater();
      return Optional.empty();
    }
  }

  /** A free instance of {@code from}, or null when the engine is off or none is free in time. */
  private Instance borrow(BlockingQueue<Instance> from, long waitMillis) {
    if (!enabled()) {
      return null;
    }
    try {
      return from.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The decision document the instance gives for the input; an empty object when it has none. */
  private static JsonNode answer(Instance instance, JsonNode input) throws IOException {
    JsonNode answer =
        JacksonConfig.MAPPER.readTree(
            instance.policy.evaluate(JacksonConfig.MAPPER.writeValueAsString(input)));
    JsonNode result = answer.path(0).path("result");
    return result.isObject() ? result : JacksonConfig.MAPPER.createObjectNode();
  }

  /** The data document of every tenant, serialised once per version. */
  private Snapshot current() {
    long version = dataVersion.get();
    Snapshot known = snapshot;
    if (known.version() == version) {
      return known;
    }
    synchronized (this) {
      if (snapshot.version() != version) {
        ObjectNode document = JacksonConfig.MAPPER.createObjectNode();
        document.putObject("tenants").setAll(tenants);
        try {
          snapshot = new Snapshot(version, JacksonConfig.MAPPER.writeValueAsString(document));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return snapshot;
    }
  }

  /**
   * A policy instance of its own that holds only {@code document} as the tenant's data, for
   * replaying many requests against a draft; nothing when none is free within {@code waitMillis}
   * (another replay holds it, or it is not compiled yet). Close it to give the instance back.
   */
  public Optional<Replay> replay(String tenant, JsonNode document, long waitMillis) {
    Instance instance = borrow(spare, waitMillis);
    if (instance == null) {
      return Optional.empty();
    }
    try {
      ObjectNode data = JacksonConfig.MAPPER.createObjectNode();
      data.putObject("tenants").set(tenant, document);
      instance.policy.data(JacksonConfig.MAPPER.writeValueAsString(data));
      return Optional.of(new Replay(instance));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "embedded policy engine could not load a replay's data", e);
      replaceSpareLater();
      return Optional.empty();
    }
  }

  /** Evaluations against one document on a borrowed instance; not thread-safe. */
  public final class Replay implements AutoCloseable {
    private Instance instance;

    private Replay(Instance instance) {
      this.instance = instance;
    }

    /** The decision document for the input, as {@link EmbeddedOpa#evaluate(JsonNode)} gives it. */
    public JsonNode evaluate(JsonNode input) {
      try {
        return answer(instance, input);
      } catch (IOException | RuntimeException e) {
        instance = null; // left in any state: never handed out again
        replaceSpareLater();
        throw new IllegalStateException("embedded policy evaluation failed", e);
      }
    }

    @Override
    public void close() {
      if (instance != null) {
        spare.offer(instance);
        instance = null;
      }
    }
  }

  private void compile(int count) {
    for (int i = 0; i < count && !closed; i++) {
      try {
        pool.offer(new Instance(load()));
        instances.incrementAndGet();
        compiled = true;
      } catch (RuntimeException | IOException | LinkageError e) {
        LOG.log(Level.WARNING, "embedded policy engine unavailable, decisions go to OPA", e);
        return;
      }
    }
    LOG.info("embedded policy engine ready with " + pool.size() + " instances");
  }

  private void compileSpare() {
    try {
      spare.offer(new Instance(load()));
    } catch (RuntimeException | IOException | LinkageError e) {
      LOG.log(
          Level.WARNING, "embedded policy engine has no instance for replays, they go to OPA", e);
    }
  }

  private void replaceSpareLater() {
    Thread compiler = new Thread(this::compileSpare, "embedded-opa-compiler");
    compiler.setDaemon(true);
    compiler.start();
  }

  private void replaceLater() {
    Thread compiler = new Thread(() -> compile(1), "embedded-opa-compiler");
    compiler.setDaemon(true);
    compiler.start();
  }

  private WasmPolicy load() throws IOException {
    try (InputStream wasm = EmbeddedOpa.class.getResourceAsStream(POLICY)) {
      if (wasm == null) {
        throw new IOException(POLICY + " is not in the build: run bin/policy-wasm.sh");
      }
      return WasmPolicy.compile(loader(), wasm.readAllBytes());
    }
  }

  private synchronized ClassLoader loader() throws IOException {
    if (loader == null) {
      loader = new IsolatedWasmLoader(EmbeddedOpa.class.getClassLoader());
    }
    return loader;
  }
}
