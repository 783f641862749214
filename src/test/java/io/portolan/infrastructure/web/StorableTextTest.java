package io.portolan.infrastructure.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {
  private static final StorableText.Lines SINGLE = StorableText.Lines.SINGLE;
  private static final StorableText.Lines MULTIPLE = StorableText.Lines.MULTIPLE;

  record Conditions(List<String> regions, String note) {}

  record Request(String displayName, Conditions conditions, Map<String, Object> labels) {}

  @Test
  void printableTextAndPairedSurrogatesAreStorable() {
    assertNull(StorableText.problemIn("Mistral Large 2 — Zürich, 東京 😀", SINGLE));
    assertNull(StorableText.problemIn("tab\there", SINGLE));
  }

  @Test
  void nulIsNeverStorable() {
    assertTrue(StorableText.problemIn("a\u0000b", MULTIPLE).contains("NUL"));
  }

  @Test
  void unpairedSurrogatesAreRefusedEitherHalf() {
    assertTrue(StorableText.problemIn("x\uD83D", MULTIPLE).contains("unpaired surrogate (U+D83D)"));
    assertTrue(StorableText.problemIn("\uDE00x", MULTIPLE).contains("unpaired surrogate (U+DE00)"));
    assertTrue(StorableText.problemIn("\uD83D\uD83D\uDE00", MULTIPLE).contains("U+D83D"));
  }

  @Test
  void newlinesAreAllowedOnlyWhereAValueMaySpanLines() {
    assertNull(StorableText.problemIn("first line\r\nsecond", MULTIPLE));
    assertTrue(StorableText.problemIn("first\nsecond", SINGLE).contains("U+000A"));
  }

  @Test
  void otherControlCharactersAreRefusedEverywhere() {
    assertTrue(StorableText.problemIn("esc\u001b[31m", MULTIPLE).contains("U+001B"));
    assertTrue(StorableText.problemIn("del\u007f", MULTIPLE).contains("U+007F"));
    assertTrue(StorableText.problemIn("c1\u0085", MULTIPLE).contains("U+0085"));
  }

  @Test
  void aJsonBodyNamesTheFieldAtAnyDepth() {
    assertEquals("displayName", refusedField("{\"displayName\":\"a\\u0000\"}"));
    assertEquals(
        "conditions.regions[1]",
        refusedField("{\"conditions\":{\"regions\":[\"eu\",\"e\\u0000u\"]}}"));
    assertEquals(
        "labels.team.name", refusedField("{\"labels\":{\"team\":{\"name\":\"\\ud800\"}}}"));
    assertEquals("labels.bad\u0001key", refusedField("{\"labels\":{\"bad\\u0001key\":1}}"));
  }

  @Test
  void aJsonTreeIsCheckedToo() {
    var e =
        assertThrows(
            StorableTextJson.UnstorableTextException.class,
            () -> JacksonConfig.INPUT.readTree("[{\"input\":{\"team\":\"r\\u0000\"}}]"));
    assertTrue(e.getMessage().startsWith("[0].input.team: contains a NUL"), e.getMessage());
  }

  @Test
  void storableBodiesReadAsBefore() throws Exception {
    Request read =
        JacksonConfig.INPUT.readValue(
            "{\"displayName\":\"Zürich\\n"
                + "model\",\"conditions\":{\"regions\":[\"eu\"],\"note\":\"ok\"},\"labels\":{\"k\":[1,\"v\"]}}",
            Request.class);
    assertEquals("Zürich\nmodel", read.displayName());
    assertEquals(List.of("eu"), read.conditions().regions());
    JsonNode tree = JacksonConfig.INPUT.readTree("{\"a\":[\"x\",{\"b\":\"y\"}]}");
    assertEquals("y", tree.at("/a/1/b").asText());
  }

  private static String refusedField(String json) {
    Exception e =
        assertThrows(Exception.class, () -> JacksonConfig.INPUT.readValue(json, Request.class));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorableTextJson.UnstorableTextException unstorable) {
        return unstorable.toProblemException().toProblem().errors().get(0).field();
      }
    }
    throw new AssertionError("not refused for its text: " + e, e);
  }
}
