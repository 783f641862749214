package io.portolan.infrastructure.web;

import java.util.List;

/**
 * A failure the caller can act on, carried to the problem+json mapper. Unchecked because every
 * layer may raise one and none can recover from it: the request ends with its status.
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String slug;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(
      int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ProblemException badRequest(String field, String message) {
    return new ProblemException(
        400,
        ProblemTypes.VALIDATION,
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(
        404, ProblemTypes.NOT_FOUND, "Not found", what + " '" + id + "' does not exist", List.of());
  }

  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(409, slug, "Conflict", detail, List.of());
  }

  public static ProblemException forbidden(String slug, String detail) {
    return new ProblemException(403, slug, "Forbidden", detail, List.of());
  }

  public static ProblemException unavailable(String slug, String detail) {
    return new ProblemException(503, slug, "Service unavailable", detail, List.of());
  }

  public Problem toProblem() {
    return new Problem(Problem.type(slug), title, status, getMessage(), null, errors);
  }

  public int status() {
    return status;
  }
}
