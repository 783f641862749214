package io.portolan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.it.TenantIsolationHttp.Answer;
import io.portolan.it.TenantIsolationHttp.Call;
import io.portolan.it.TenantIsolationProbes.Probe;
import io.portolan.it.TenantIsolationProbes.Request;
import io.portolan.it.TenantIsolationProbes.Rule;
import io.portolan.it.TenantIsolationProbes.View;
import io.portolan.it.TenantIsolationWorld.Kind;
import io.portolan.it.TenantIsolationWorld.Tenant;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: thousands of requests over every operation of the OpenAPI document, with the tokens of
 * every demo user and gateway of acme and globex, naming ids that belong to the other tenant. No
 * answer may show the other tenant's data; an id of the other tenant must be answered exactly as an
 * id that exists nowhere (no existence oracle), and never with a 2xx when it addresses an object;
 * nothing answers 5xx; errors are problem+json; and afterwards the database shows both tenants'
 * objects unchanged and no row of one tenant naming the other's.
 *
 * <p>Every probe is first sent once by every caller; then probes and callers are drawn at random
 * until {@code -Dit.fuzz.requests=N} requests are sent (default 2000). {@code -Dit.fuzz.seed=N}
 * replays a run's choices (the ids themselves are fresh each run).
 */
class TenantIsolationFuzzIT {
  private static final long SEED = Long.getLong("it.fuzz.seed", new SecureRandom().nextLong());
  private static final int REQUESTS = Integer.getInteger("it.fuzz.requests", 2000);

  /**
   * Operations whose answers may quote the caller's own logs, where ids its callers sent are
   * recorded.
   */
  private static final List<String> LOG_READERS =
      List.of("/api/v1/audit/", "/api/v1/policy/impact");

  /**
   * Operations that record the ids they are sent in the caller's own logs (when not a plain read).
   */
  private static final List<String> LOG_WRITERS =
      List.of(
          "/api/v1/decisions",
          "/api/v1/opa/decision-logs",
          "/api/v1/vendors",
          "/api/v1/models",
          "/api/v1/deployments",
          "/api/v1/teams",
          "/api/v1/gateways");

  private final TenantIsolationHttp http = new TenantIsolationHttp();
  private final TenantIsolationWorld world = new TenantIsolationWorld(http);
  private final Map<String, List<String>> violations = new TreeMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  /** Per tenant, the other tenant's ids its callers have sent to an operation that logs them. */
  private final Map<Tenant, Set<String>> logged = new HashMap<>();

  /**
   * Per tenant, answers that showed its own markers: proof the leak scan reads real data, not empty
   * pages.
   */
  private final Map<Tenant, Integer> ownMarkersSeen = new HashMap<>();

  private final Set<String> exercised = new TreeSet<>();

  /** Milliseconds spent per operation, to name the slow ones in the report. */
  private final Map<String, Long> millis = new HashMap<>();

  private int sent;
  private int pairs;
  private int cleanups;

  @Test
  void everyOperationHasProbes() throws Exception {
    world.start = Instant.now();
    assertEquals(
        documentedOperations(),
        new TreeSet<>(new TenantIsolationProbes(world).table().keySet()),
        "the fuzz's probe table and the OpenAPI document disagree: give every operation its"
            + " probes");
  }

  @Test
  void theOtherTenantsIdsNeitherLeakNorChangeAnythingNorAnswerDifferently() throws Exception {
    long began = System.nanoTime();
    System.out.printf(
        "TenantIsolationFuzzIT: seed %d (-Dit.fuzz.seed=%d), %d requests%n", SEED, SEED, REQUESTS);
    Set<String> documented = documentedOperations(); // also waits for Portolan to be up
    try {
      world.setUp();
      run(began, documented);
    } finally {
      world.tearDown();
    }
  }

  private void run(long began, Set<String> documented) throws Exception {
    Map<String, List<String>> acmeBefore = world.snapshot(world.acme);
    Map<String, List<String>> globexBefore = world.snapshot(world.globex);
    long setUp = System.nanoTime();

    Map<String, List<Probe>> table = new TenantIsolationProbes(world).table();
    List<String> operations = new ArrayList<>(documented);
    operations.retainAll(table.keySet());
    Random random = new Random(SEED);
    // First every probe once with every caller, whatever the seed (ids, order and case still drawn
    // from it); then probes and callers at random until the budget is spent.
    for (String operation : operations) {
      for (Probe probe : table.get(operation)) {
        world.callers().stream()
            .filter(c -> !probe.neverBy().contains(c))
            .forEach(caller -> fuzz(probe, caller, random));
      }
    }
    int swept = sent;
    while (sent < REQUESTS) {
      List<Probe> probes = table.get(operations.get(random.nextInt(operations.size())));
      Probe probe = probes.get(random.nextInt(probes.size()));
      List<String> callers = new ArrayList<>(world.callers());
      callers.removeAll(probe.neverBy());
      fuzz(probe, callers.get(random.nextInt(callers.size())), random);
    }
    long fuzzed = System.nanoTime();

    unchanged(world.acme, acmeBefore, world.snapshot(world.acme));
    unchanged(world.globex, globexBefore, world.snapshot(world.globex));
    for (Tenant tenant : List.of(world.acme, world.globex)) {
      world
          .markersElsewhere(tenant)
          .forEach(
              row ->
                  violate(
                      "database: another tenant's row holds " + tenant.name + "'s marker", row));
      world
          .referencesElsewhere(tenant)
          .forEach(row -> violate("database: a row names the other tenant's object", row));
    }
    TenantIsolationWorld.usageAcrossTenants()
        .forEach(row -> violate("database: usage filed against another tenant's decision", row));

    for (Tenant tenant : List.of(world.acme, world.globex)) {
      if (ownMarkersSeen.getOrDefault(tenant, 0) == 0) {
        violate(
            "sanity: no answer to " + tenant.name + "'s callers showed its own data",
            "the leak scan saw nothing to compare");
      }
    }
    report(began, setUp, fuzzed, swept);
    assertTrue(
        violations.isEmpty(),
        "tenant isolation violated (seed " + SEED + "), first of each kind:\n" + firstOfEach());
  }

  /**
   * One probe: alone when it names nothing foreign, else as twins: the other tenant's id, and one
   * that exists nowhere.
   */
  private void fuzz(Probe probe, String caller, Random random) {
    Tenant own = world.of(caller);
    Tenant foe = world.other(own);
    String freshId = world.nowhere("new");
    String freshUuid = UUID.randomUUID().toString();
    if (probe.rule() == Rule.AMBIENT) {
      exchange(
          probe, own, probe.builder().build(new Request(caller, own, null, freshId, freshUuid)));
      return;
    }
    String nowhere = nowhere(probe.kind(), random);
    List<String> foreign = foe.ids.get(probe.kind());
    if (foreign
        .isEmpty()) { // no such object in the other tenant (a revision number, a gateway): the
      // nowhere id alone
      Call alone = probe.builder().build(new Request(caller, own, nowhere, freshId, freshUuid));
      singleObjectRule(probe, exchange(probe, own, alone), alone);
      return;
    }
    String theirs = foreign.get(random.nextInt(foreign.size()));
    if (Set.of(
                Kind.REQUEST,
                Kind.APPROVAL,
                Kind.DECISION,
                Kind.IMPACT_ANALYSIS,
                Kind.PRICE,
                Kind.BUDGET)
            .contains(probe.kind())
        && random.nextInt(4) == 0) {
      theirs = theirs.toUpperCase(Locale.ROOT); // UUIDs are accepted in either case
      nowhere = nowhere.toUpperCase(Locale.ROOT);
    }
    Call foreignCall = probe.builder().build(new Request(caller, own, theirs, freshId, freshUuid));
    Call nowhereCall = probe.builder().build(new Request(caller, own, nowhere, freshId, freshUuid));
    Answer foreignAnswer;
    Answer nowhereAnswer;
    if (random.nextBoolean()) {
      foreignAnswer = exchange(probe, own, foreignCall);
      nowhereAnswer = exchange(probe, own, nowhereCall);
    } else {
      nowhereAnswer = exchange(probe, own, nowhereCall);
      foreignAnswer = exchange(probe, own, foreignCall);
    }
    pairs++;
    String twins =
        "\n    other tenant's id: "
            + foreignCall.describe()
            + "\n      -> "
            + foreignAnswer.describe()
            + "\n    id that exists nowhere: "
            + nowhereCall.describe()
            + "\n      -> "
            + nowhereAnswer.describe();
    if (!view(probe.view(), foreignAnswer, theirs)
        .equals(view(probe.view(), nowhereAnswer, nowhere))) {
      violate(
          "oracle: "
              + probe.operation()
              + " ("
              + probe.name()
              + ") answers the other tenant's id differently",
          twins);
    }
    singleObjectRule(probe, foreignAnswer, foreignCall);
  }

  /** An object of the other tenant is refused as if it did not exist: 403 or 404, never 2xx. */
  private void singleObjectRule(Probe probe, Answer answer, Call call) {
    if (probe.rule() == Rule.SINGLE_OBJECT && answer.status() != 403 && answer.status() != 404) {
      violate(
          "single object: "
              + probe.operation()
              + " answers "
              + answer.status()
              + ", not 403 or 404",
          call.describe() + "\n      -> " + answer.describe());
    }
  }

  /** Sends one request and checks what holds for every answer; deletes what a create made. */
  private Answer exchange(Probe probe, Tenant own, Call call) {
    long at = System.nanoTime();
    Answer answer = http.send(call);
    millis.merge(probe.operation(), (System.nanoTime() - at) / 1_000_000, Long::sum);
    sent++;
    exercised.add(probe.operation());
    statuses.merge(answer.status(), 1, Integer::sum);
    String where = call.describe() + "\n      -> " + answer.describe();
    if (answer.status() >= 500) {
      violate("5xx: " + probe.operation() + " (" + probe.name() + ")", where);
    }
    if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
      violate("not problem+json: " + probe.operation(), where);
    }
    Tenant foe = world.other(own);
    boolean readsLogs = LOG_READERS.stream().anyMatch(call.path()::startsWith);
    Set<String> ownLogs = logged.computeIfAbsent(own, t -> new HashSet<>());
    String said = call.said();
    String shown = answer.shown();
    for (String secret : foe.secrets()) {
      String token = secret.toLowerCase(Locale.ROOT);
      if (shown.contains(token)
          && !said.contains(token)
          && !(readsLogs && ownLogs.contains(token))) {
        violate("leak: " + probe.operation() + " shows " + foe.name + "'s " + token, where);
      }
    }
    if (own.markers.stream().anyMatch(shown::contains)) {
      ownMarkersSeen.merge(own, 1, Integer::sum);
    }
    boolean logs =
        !call.method().equals("GET") || call.path().startsWith("/api/v1/decisions/auth-request");
    if (logs && LOG_WRITERS.stream().anyMatch(call.path()::startsWith)) {
      foe.secrets().stream()
          .map(s -> s.toLowerCase(Locale.ROOT))
          .filter(said::contains)
          .forEach(ownLogs::add);
    }
    if (answer.status() == 201 && call.cleanup() != null) {
      Answer deleted =
          http.send(TenantIsolationHttp.call(call.caller(), "DELETE", call.cleanup(), null));
      cleanups++;
      if (deleted.status() != 204) {
        violate(
            "cleanup failed",
            "DELETE " + call.cleanup() + " as " + call.caller() + " -> " + deleted.describe());
      }
    }
    return answer;
  }

  /**
   * What of an answer must not depend on whether the id exists elsewhere, with the id itself
   * blanked out.
   */
  private static String view(View view, Answer answer, String id) {
    String status = Integer.toString(answer.status());
    JsonNode json = answer.json();
    if (answer.status() >= 400 && json != null) {
      String problem =
          status
              + " "
              + json.path("type").asText()
              + " "
              + json.path("title").asText()
              + " "
              + json.path("detail").asText()
              + " "
              + json.path("errors");
      return blank(problem, id) + (view == View.AUTH ? authHeaders(answer, id) : "");
    }
    return switch (view) {
      case STATUS -> status;
      case BODY -> status + " " + blank(answer.body(), id);
      case AUTH -> status + authHeaders(answer, id);
      case DECISION -> {
        if (json == null) yield status + " " + blank(answer.body(), id);
        Set<String> reasons = new TreeSet<>();
        json.path("reasons").forEach(r -> reasons.add(r.path("code").asText()));
        List<String> alternatives = new ArrayList<>();
        json.path("alternatives").forEach(a -> alternatives.add(a.path("model").asText()));
        yield status
            + " allow="
            + json.path("allow")
            + " reasons="
            + reasons
            + " alternatives="
            + blank(alternatives.toString(), id);
      }
    };
  }

  private static String authHeaders(Answer answer, String id) {
    return blank(
        " reasons="
            + answer.header("X-Portolan-Reasons")
            + " alternatives="
            + answer.header("X-Portolan-Alternatives"),
        id);
  }

  private static String blank(String text, String id) {
    return text.toLowerCase(Locale.ROOT).replace(id.toLowerCase(Locale.ROOT), "<id>");
  }

  private String nowhere(Kind kind, Random random) {
    return switch (kind) {
      case REQUEST, APPROVAL, DECISION, IMPACT_ANALYSIS, PRICE, BUDGET ->
          new UUID(random.nextLong(), random.nextLong()).toString();
      case REVISION -> Integer.toString(900_000 + random.nextInt(99_999));
      default -> world.nowhere(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    };
  }

  private void unchanged(
      Tenant tenant, Map<String, List<String>> before, Map<String, List<String>> after) {
    before.forEach(
        (table, rows) -> {
          if (rows.isEmpty()) {
            violate(
                "sanity: the snapshot holds no " + table + " row of " + tenant.name,
                "setup should have made some");
          }
          if (!rows.equals(after.get(table))) {
            violate(
                "database: " + tenant.name + "'s " + table + " rows changed",
                "before: " + rows + "\n    after:  " + after.get(table));
          }
        });
  }

  private void violate(String kind, String detail) {
    violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(detail);
  }

  private String firstOfEach() {
    StringBuilder text = new StringBuilder();
    violations.forEach(
        (kind, cases) ->
            text.append("  [")
                .append(cases.size())
                .append("×] ")
                .append(kind)
                .append("\n    ")
                .append(cases.get(0))
                .append('\n'));
    return text.toString();
  }

  private void report(long began, long setUp, long fuzzed, int swept) {
    System.out.printf(
        "TenantIsolationFuzzIT: seed %d; %d requests (%d in the pass of every probe with every"
            + " caller, %d at random) over %d operations, %d twin pairs compared, %d cleanup"
            + " deletes; setup %.1f s, fuzz %.1f s, database checks %.1f s%n",
        SEED,
        sent,
        swept,
        sent - swept,
        exercised.size(),
        pairs,
        cleanups,
        (setUp - began) / 1e9,
        (fuzzed - setUp) / 1e9,
        (System.nanoTime() - fuzzed) / 1e9);
    System.out.println(
        "TenantIsolationFuzzIT: statuses "
            + statuses
            + "; answers showing the caller's own markers "
            + Map.of(
                "acme",
                ownMarkersSeen.getOrDefault(world.acme, 0),
                "globex",
                ownMarkersSeen.getOrDefault(world.globex, 0)));
    System.out.println(
        "TenantIsolationFuzzIT: slowest operations (total ms) "
            + millis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .toList());
    if (violations.isEmpty()) {
      System.out.println("TenantIsolationFuzzIT: no violation");
      return;
    }
    violations.forEach(
        (kind, cases) -> {
          System.out.println("TenantIsolationFuzzIT: VIOLATION [" + cases.size() + "×] " + kind);
          cases.stream().limit(3).forEach(c -> System.out.println("    " + c));
        });
  }

  /** "METHOD path" of every operation of the OpenAPI document. */
  private Set<String> documentedOperations() throws Exception {
    Set<String> documented = new TreeSet<>();
    JsonNode paths = Stack.JSON.readTree(http.openApi()).get("paths");
    paths
        .fieldNames()
        .forEachRemaining(
            path ->
                paths
                    .get(path)
                    .fieldNames()
                    .forEachRemaining(
                        method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    return documented;
  }
}
