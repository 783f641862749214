package io.portolan.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem; {@code errors}
 * names the offending fields of a bad request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://portolan.dev/problems/";

  /** One invalid field: a JSON path such as {@code hostingRegions[1]} and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static String type(String slug) {
    return TYPE_BASE + slug;
  }
}
