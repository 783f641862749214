package io.portolan.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Portolan (or the token endpoint) refused the request: bad input, a missing or wrong credential, a
 * missing role. Carries the RFC 9457 problem document; {@code errors} names the offending fields.
 * Retrying the same request will not help.
 */
public class PortolanProblemException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<FieldError> errors;

  /** One invalid field, such as {@code dataClassification}, and what is wrong with it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FieldError(String field, String message) {}

  public PortolanProblemException(
      int status, String type, String title, String detail, List<FieldError> errors) {
    super(status + " " + title + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
