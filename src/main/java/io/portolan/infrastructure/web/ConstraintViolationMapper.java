package io.portolan.infrastructure.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become 400 problems naming each field as the client wrote it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return Problems.response(
        new Problem(
            Problem.type(ProblemTypes.VALIDATION), "Invalid request", 400, detail, null, errors));
  }

  /** Drops the method and parameter nodes (create.arg0.name) and keeps the body's own path. */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PROPERTY, CONTAINER_ELEMENT -> {
          if (node.getName() == null || node.getName().startsWith("<")) {
            if (node.getIndex() != null) {
              field.append('[').append(node.getIndex()).append(']');
            }
            continue;
          }
          if (!field.isEmpty()) {
            field.append('.');
          }
          field.append(node.getName());
          if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          }
        }
        case PARAMETER -> field.setLength(0);
        default -> {}
      }
    }
    if (field.isEmpty()) {
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          field.append(node.getName());
        }
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
