package io.portolan.it;

import static io.portolan.it.Stack.gateway;
import static io.portolan.it.Stack.get;
import static io.portolan.it.Stack.send;
import static io.portolan.it.Stack.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets a 4xx problem+json, never a 500; the API describes itself. */
class ErrorsIT {
  private static final String BIG = "{\"team\":\"" + "a".repeat(70 * 1024) + "\"}";

  @Test
  void anEmptyBodyIsNamedNotAServerError() {
    for (String path :
        new String[] {"/api/v1/vendors", "/api/v1/approval-requests", "/api/v1/policy/impact"}) {
      var reply = send("POST", path, user("alice"), "", "application/json");
      assertEquals(400, reply.status(), path + ": " + reply.raw().body());
      assertEquals("body", reply.body().get("errors").get(0).get("field").asText(), path);
    }
  }

  @Test
  void oversizedBodiesAreRefusedWith413() throws Exception {
    var declared = send("POST", "/api/v1/decisions", gateway("acme"), BIG, "application/json");
    assertProblem(declared, 413, "payload-too-large");

    // Without a declared length (chunked), the limit is counted while reading.
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(Stack.BASE + "/api/v1/decisions"))
            .header("Authorization", "Bearer " + gateway("acme"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(BIG.getBytes())))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(chunked, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
  }

  @Test
  void traceIsRefusedAndItsBodyIsNeverReadAsAnotherRequest() throws Exception {
    URI base = URI.create(Stack.BASE);
    byte[] smuggled =
        "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("TRACE /api/v1/vendors HTTP/1.1\r\nHost: x\r\nContent-Length: "
                  + smuggled.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(smuggled);
      out.flush();
      String answer = readUntilQuiet(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 405"), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertEquals(
          1,
          answer.split("HTTP/1\\.1 ").length - 1,
          "one answer, not one for the body too: " + answer);
    }
  }

  @Test
  void aGetWithABodyIsAnsweredAsAGet() {
    var reply =
        send(
            "GET", "/api/v1/vendors", user("alice"), "{\"tenant\":\"globex\"}", "application/json");
    assertEquals(200, reply.status(), reply.raw().body());
  }

  private static String readUntilQuiet(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException quiet) {
      // nothing more came within the timeout: the connection had nothing else to say
    }
    return read.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void malformedAndMistypedBodiesAreBadRequests() {
    String token = user("alice");
    assertProblem(
        send("POST", "/api/v1/vendors", token, "{\"id\":", "application/json"),
        400,
        "malformed-json");
    // NUL bytes first make Jackson read UTF-32, which these bytes are not (found by
    // RequestBodyFuzzTest).
    assertProblem(
        send("POST", "/api/v1/vendors", token, "\u0000\u0000\u0000{\"id\":1}", "application/json"),
        400,
        "malformed-json");
    assertProblem(
        send("POST", "/api/v1/vendors", token, "[1,2]", "application/json"), 400, "validation");
    assertProblem(
        send("POST", "/api/v1/vendors", token, "", "application/json"), 400, "validation");
    assertProblem(
        send("POST", "/api/v1/vendors", token, "id=x", "application/x-www-form-urlencoded"),
        415,
        "unsupported-media-type");
    assertProblem(
        Stack.post("/api/v1/models", token, Map.of("id", "m", "openWeights", "maybe")),
        400,
        "validation");
  }

  @Test
  void aMistypedInstantIsNamedAsOne() {
    var reply = Stack.post("/api/v1/policy/impact", user("alice"), Map.of("from", "last tuesday"));
    assertProblem(reply, 400, "validation");
    JsonNode error = reply.body().get("errors").get(0);
    assertEquals("from", error.get("field").asText());
    assertTrue(error.get("message").asText().contains("ISO 8601 instant"), error.toString());
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    assertProblem(get("/api/v1/no-such-thing", user("alice")), 404, "not-found");
    assertProblem(
        send("PATCH", "/api/v1/vendors", user("alice"), "{}", "application/json"),
        405,
        "method-not-allowed");
    assertProblem(get("/api/v1/vendors/Not%20A%20Slug", user("alice")), 400, "validation");
  }

  @Test
  void openApiDescribesEveryEndpoint() throws Exception {
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(Stack.BASE + "/openapi"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    JsonNode paths = Stack.JSON.readTree(response.body()).get("paths");
    for (String path :
        new String[] {
          "/api/v1/vendors",
          "/api/v1/vendors/{id}",
          "/api/v1/models",
          "/api/v1/models/{id}",
          "/api/v1/teams",
          "/api/v1/teams/{id}",
          "/api/v1/decisions",
          "/api/v1/tenants"
        }) {
      assertTrue(paths.has(path), "OpenAPI lacks " + path);
    }
    // The filters and paging of @BeanParam classes are declared too, with their constraints.
    JsonNode size = parameter(paths.at("/~1api~1v1~1vendors/get/parameters"), "size");
    assertEquals(500, size.at("/schema/maximum").asInt(), size.toString());
    JsonNode outcome =
        parameter(paths.at("/~1api~1v1~1audit~1decisions/get/parameters"), "outcome");
    assertEquals("^(allow|deny)$", outcome.at("/schema/pattern").asText(), outcome.toString());
  }

  private static JsonNode parameter(JsonNode parameters, String name) {
    for (JsonNode parameter : parameters) {
      if (parameter.path("name").asText().equals(name)) {
        return parameter;
      }
    }
    throw new AssertionError("no query parameter " + name + " in " + parameters);
  }

  @Test
  void healthIsReadyWhenDatabaseAndOpaAnswer() {
    var ready = get("/health/ready", null);
    assertEquals(200, ready.status());
    assertEquals("UP", ready.body().get("status").asText());
    assertEquals(200, get("/health/live", null).status());
  }

  static void assertProblem(Stack.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.raw().body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertEquals("https://portolan.dev/problems/" + type, reply.body().get("type").asText());
    assertEquals(status, reply.body().get("status").asInt());
    assertTrue(reply.body().hasNonNull("detail"));
  }
}
