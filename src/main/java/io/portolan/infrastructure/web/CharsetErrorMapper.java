package io.portolan.infrastructure.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.CharConversionException;

/**
 * Bytes that are not text in any Unicode encoding JSON allows: Jackson guesses UTF-32 from NUL
 * bytes and fails before any JSON is read (found by RequestBodyFuzzTest). A 400, not a 500.
 */
@Provider
@Priority(1)
public class CharsetErrorMapper implements ExceptionMapper<CharConversionException> {
  @Override
  public Response toResponse(CharConversionException e) {
    return Problems.response(
        400,
        ProblemTypes.MALFORMED_JSON,
        "Malformed JSON",
        "The body is not JSON text in UTF-8, UTF-16 or UTF-32: " + e.getMessage());
  }
}
