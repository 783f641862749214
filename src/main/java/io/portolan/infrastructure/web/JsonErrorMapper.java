package io.portolan.infrastructure.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Malformed JSON, unknown fields and wrong types become 400 problems that name the field. */
@Provider
@Priority(1)
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.ws.rs.WebApplicationException w) {
        return w.getResponse(); // the body size limit tripped while parsing
      }
      if (t instanceof StorableTextJson.UnstorableTextException unstorable) {
        return Problems.response(unstorable.toProblemException().toProblem());
      }
    }
    if (e instanceof JsonParseException) {
      return Problems.response(
          400,
          ProblemTypes.MALFORMED_JSON,
          "Malformed JSON",
          "The body is not valid JSON: " + shortOf(e));
    }
    String field = e instanceof JsonMappingException m ? pathOf(m) : "body";
    String message = messageOf(e);
    return Problems.response(ProblemException.badRequest(field, message).toProblem());
  }

  public static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String messageOf(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown field; this request does not accept it";
    }
    if (e instanceof InvalidNullException) {
      return "must not be null; leave the field out instead";
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(f.getTargetType().getEnumConstants())
              .map(c -> c.toString())
              .collect(Collectors.joining(", "));
      return "'" + f.getValue() + "' is not one of: " + allowed;
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + describe(m.getTargetType());
    }
    return "invalid value";
  }

  private static String describe(Class<?> type) {
    if (type == String.class) return "a string";
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
    if (type.isEnum()) return "one of the listed values";
    if (type == java.time.LocalDate.class) return "a date such as 2026-01-31";
    // Instant, OffsetDateTime and the like: without this they were reported as "a JSON object".
    if (java.time.temporal.Temporal.class.isAssignableFrom(type))
      return "an ISO 8601 instant such as 2026-01-31T12:00:00Z";
    return "a JSON object";
  }

  private static String shortOf(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    return original == null ? "unreadable" : original.split("\n")[0];
  }
}
