package io.portolan.it;

import static io.portolan.it.Stack.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot or should not store (NUL, an unpaired surrogate, a control character) in
 * every string field of every request body and in every parameter that {@code /openapi} documents,
 * sent as every kind of caller: each answer is a 400 problem that names the field (or a 403 where
 * the caller's role may not send that body at all), never a 5xx, and the database is unchanged.
 */
class HostileTextIT {
  /** Every kind of caller the demo realm has. */
  private static final Map<String, String> CALLERS = new LinkedHashMap<>();

  static {
    for (String user : List.of("alice", "dave", "carol", "bob", "root")) {
      CALLERS.put(user, Stack.user(user));
    }
    CALLERS.put("acme-gateway", Stack.gateway("acme"));
  }

  /** As JSON escapes, so that the bytes sent are exactly these (a Java string cannot hold some). */
  private static final List<String> JSON_VALUES =
      List.of("a\\u0000b", "a\\ud800b", "\\udc00", "a\\u001bb");

  /** As percent-encoded query and path text; a newline is refused in a single-line value. */
  private static final List<String> URL_VALUES = List.of("a%00b", "a%1Bb", "a%0Ab", "%7F");

  /** Raw header bytes (Java's HTTP client refuses to send them, so these go over a socket). */
  private static final List<String> HEADER_VALUES = List.of("a\u001bb", "a\u007fb");

  private static final String PLACEHOLDER = "@@hostile@@";

  /**
   * Background delivery updates its attempts, replicas their heartbeats, whatever the test does.
   */
  private static final List<String> NOT_COMPARED =
      List.of("flyway_schema_history", "webhook_delivery", "replica");

  private final JsonNode document = openApi();
  private final List<String> failures = new ArrayList<>();

  /** What the walk covered, written to target/hostile-text-coverage.txt for review. */
  private final List<String> covered = new ArrayList<>();

  @Test
  void everyDocumentedStringIsCheckedForEveryCallerAndNothingIsStored() throws Exception {
    Map<String, String> before = fingerprint();
    int bodyFields = 0;
    int parameters = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase();
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          continue;
        }
        parameters += checkParameters(method, path.getKey(), op.getValue());
        bodyFields += checkBody(method, path.getKey(), op.getValue());
      }
    }
    System.out.printf(
        "[HostileTextIT] %d body fields and %d parameters, %d callers each%n",
        bodyFields, parameters, CALLERS.size());
    Files.write(Path.of("target", "hostile-text-coverage.txt"), covered);
    assertTrue(
        bodyFields > 30 && parameters > 80,
        "the walk found too little: " + bodyFields + "/" + parameters);
    assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
    assertEquals(before, fingerprint(), "the database changed");
  }

  /**
   * An OPA sidecar's upload with unstorable text in a filed field skips that event (counted) and
   * files the rest; the same text in a field that is not filed (a prompt) does not matter.
   */
  @Test
  void aSidecarUploadSkipsAnEventItCannotStore() throws Exception {
    Map<String, String> before = fingerprint();
    String event =
        "{\"decision_id\":\"%s\",\"path\":\"portolan/decision\",\"timestamp\":\"2026-12-07T02:48:41Z\","
            + "\"input\":{\"tenant\":\"acme\",\"team\":\"research\",\"model\":\"gpt-4o\",\"purpose\":\"chat\","
            + "\"dataClassification\":\"internal\",\"region\":\"eu\"},"
            + "\"result\":{\"allow\":false,\"revision\":\"r\\u0000\",\"reasons\":[]}}";
    String events = "[" + String.format(event, java.util.UUID.randomUUID()) + "]";
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(events.getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> reply =
        Stack.exchange(
            HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/opa/decision-logs"))
                .header("Authorization", "Bearer " + CALLERS.get("acme-gateway"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()))
                .build());
    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals(0, JSON.readTree(reply.body()).get("filed").asInt(), reply.body());
    assertEquals(1, JSON.readTree(reply.body()).get("skipped").asInt(), reply.body());
    assertEquals(before, fingerprint());
  }

  /**
   * Usage reports are read as a JSON tree (one report or an array), which the document cannot
   * describe.
   */
  @Test
  void aUsageReportNamesItsField() throws Exception {
    Map<String, String> before = fingerprint();
    String one =
        "{\"decisionId\":\"00000000-0000-0000-0000-000000000001\",\"model\":\"gpt\\u0000\",\"inputTokens\":1}";
    for (String body : List.of(one, "[" + one + "]")) {
      Stack.Reply reply =
          Stack.send(
              "POST", "/api/v1/usage", CALLERS.get("acme-gateway"), body, "application/json");
      assertEquals(400, reply.status(), reply.raw().body());
      assertEquals(
          body.startsWith("[") ? "[0].model" : "model",
          reply.body().at("/errors/0/field").asText());
    }
    assertEquals(before, fingerprint());
  }

  /** Query, path and header parameters: refused before authorization, so 400 for every caller. */
  private int checkParameters(String method, String template, JsonNode operation) throws Exception {
    int count = 0;
    for (JsonNode parameter : resolvedParameters(operation)) {
      String in = parameter.path("in").asText();
      String name = parameter.path("name").asText();
      if (in.equals("query") || in.equals("path")) {
        count++;
        covered.add(method + " " + template + " " + in + " " + name);
        for (String value : URL_VALUES) {
          String url =
              in.equals("path")
                  ? fill(template, name, value)
                  : fill(template, null, null) + "?" + name + "=" + value;
          for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            Stack.Reply reply =
                Stack.send(method, url, caller.getValue(), null, "application/json");
            // Grizzly itself refuses an encoded NUL in the path ("400 Invalid URI", no body).
            boolean refusedByServer =
                in.equals("path") && value.contains("%00") && reply.status() == 400;
            if (!refusedByServer) {
              expect(
                  reply.status(),
                  reply.body(),
                  name,
                  false,
                  method + " " + url + " as " + caller.getKey());
            }
          }
        }
      } else if (in.equals("header")
          && !name.equalsIgnoreCase("Accept")
          && !name.equalsIgnoreCase("Content-Encoding")) {
        count++;
        covered.add(method + " " + template + " header " + name);
        for (String value : HEADER_VALUES) {
          for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            String what = method + " " + template + " header " + name + " as " + caller.getKey();
            int status =
                rawRequest(method, fill(template, null, null), caller.getValue(), name, value);
            if (status != 400) {
              failures.add(what + ": " + status + " (want 400)");
            }
          }
        }
      }
    }
    return count;
  }

  /**
   * Each string field of the JSON body alone: 400 naming it, or 403 for a role that may not send
   * it.
   */
  private int checkBody(String method, String template, JsonNode operation) throws Exception {
    JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
    if (schema.isMissingNode()) {
      return 0;
    }
    List<Field> fields = new ArrayList<>();
    stringFields(resolve(schema), new ArrayList<>(), fields, 0);
    fields.add(new Field(List.of("unexpected" + PLACEHOLDER), "key")); // a hostile field name too
    String url = fill(template, null, null);
    for (Field field : fields) {
      covered.add(method + " " + template + " body " + field.name());
      boolean namedBySomeone = false;
      for (String value : JSON_VALUES) {
        String body = JSON.writeValueAsString(field.body()).replace(PLACEHOLDER, value);
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
          Stack.Reply reply = Stack.send(method, url, caller.getValue(), body, "application/json");
          String expected = field.kind().equals("key") ? null : field.name();
          namedBySomeone |=
              expect(
                  reply.status(),
                  reply.body(),
                  expected,
                  true,
                  method + " " + url + " " + field.name() + "=" + value + " as " + caller.getKey());
        }
      }
      if (!namedBySomeone) {
        failures.add(
            method + " " + template + ": no caller got the field " + field.name() + " named");
      }
    }
    return fields.size() - 1;
  }

  /**
   * True when the answer is the 400 naming the field; records a failure for anything unexpected.
   */
  private boolean expect(
      int status, JsonNode body, String field, boolean forbiddenAllowed, String what) {
    if (status == 403 && forbiddenAllowed) {
      return false;
    }
    String named = body == null ? null : body.at("/errors/0/field").asText(null);
    if (status != 400 || (field != null && !field.equals(named))) {
      failures.add(what + ": " + status + " " + body);
      return false;
    }
    return true;
  }

  /** A string field at some depth, and the smallest body that holds the hostile value there. */
  private record Field(List<Object> path, String kind) {
    String name() {
      StringBuilder name = new StringBuilder();
      for (Object step : path) {
        if (step instanceof Integer i) {
          name.append('[').append(i).append(']');
        } else {
          name.append(name.isEmpty() ? "" : ".").append(step);
        }
      }
      return name.toString();
    }

    JsonNode body() {
      JsonNode value = JSON.getNodeFactory().textNode(PLACEHOLDER);
      if (kind.equals("key")) {
        return JSON.createObjectNode().put((String) path.get(0), 1);
      }
      for (int i = path.size() - 1; i >= 0; i--) {
        if (path.get(i) instanceof Integer) {
          ArrayNode array = JSON.createArrayNode();
          value = array.add(value);
        } else {
          ObjectNode object = JSON.createObjectNode();
          object.set((String) path.get(i), value);
          value = object;
        }
      }
      return value;
    }
  }

  private void stringFields(JsonNode schema, List<Object> path, List<Field> into, int depth) {
    if (depth > 6) {
      return;
    }
    for (JsonNode part : schema.path("allOf")) {
      stringFields(resolve(part), path, into, depth + 1);
    }
    String type = schema.path("type").asText("");
    if (type.equals("string") && !path.isEmpty()) {
      into.add(new Field(List.copyOf(path), "value"));
    } else if (type.equals("array")) {
      stringFields(resolve(schema.path("items")), append(path, 0), into, depth + 1);
    }
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      stringFields(resolve(property.getValue()), append(path, property.getKey()), into, depth + 1);
    }
    if (schema.path("additionalProperties").isObject()) {
      stringFields(
          resolve(schema.path("additionalProperties")), append(path, "key"), into, depth + 1);
    }
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/") ? resolve(document.at(ref.substring(1))) : schema;
  }

  private List<JsonNode> resolvedParameters(JsonNode operation) {
    List<JsonNode> parameters = new ArrayList<>();
    operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
    return parameters;
  }

  /** The path with every parameter filled: the hostile one with its value, the rest harmlessly. */
  private static String fill(String template, String hostile, String value) {
    Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String name = parameter.group(1);
      parameter.appendReplacement(
          path,
          Matcher.quoteReplacement(
              name.equals(hostile) ? value : "00000000-0000-0000-0000-000000000001"));
    }
    return parameter.appendTail(path).toString();
  }

  /** A request with a header value Java's client will not send; returns the status. */
  private static int rawRequest(
      String method, String path, String token, String header, String value) throws IOException {
    URI base = URI.create(Stack.BASE);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: "
              + base.getAuthority()
              + "\r\n"
              + "Authorization: Bearer "
              + token
              + "\r\n"
              + header
              + ": "
              + value
              + "\r\n"
              + "Content-Length: 0\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  private static JsonNode openApi() {
    try {
      HttpResponse<String> reply =
          Stack.exchange(
              HttpRequest.newBuilder(URI.create(Stack.BASE + "/openapi"))
                  .header("Accept", "application/json")
                  .build());
      return JSON.readTree(reply.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("no /openapi", e);
    }
  }

  /** Each table's row count and a hash of its rows, as the superuser sees them. */
  static Map<String, String> fingerprint() throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    try (Connection db = Stack.superuser();
        Statement statement = db.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        if (NOT_COMPARED.contains(name)) {
          continue;
        }
        try (ResultSet rows =
            statement.executeQuery(
                "select count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))),"
                    + " '') from "
                    + name
                    + " t")) {
          rows.next();
          tables.put(name, rows.getLong(1) + " " + rows.getString(2));
        }
      }
    }
    return tables;
  }
}
