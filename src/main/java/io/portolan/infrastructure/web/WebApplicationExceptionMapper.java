package io.portolan.infrastructure.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method, media type, missing login) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
      return new JsonErrorMapper().toResponse(json);
    }
    if (e.getCause() instanceof jakarta.ws.rs.core.NoContentException) {
      return invalid("body", "a JSON body is required");
    }
    String parameter = failedQueryParameter(e);
    if (parameter != null) {
      return invalid(parameter, "must be a value of the right type, such as a whole number");
    }
    return switch (status) {
      case 401 ->
          Problems.response(
              401, ProblemTypes.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.");
      case 403 ->
          Problems.response(
              403, ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this request.");
      case 404 -> Problems.response(404, ProblemTypes.NOT_FOUND, "Not found", "No such resource.");
      case 405 ->
          Problems.response(
              405,
              ProblemTypes.METHOD_NOT_ALLOWED,
              "Method not allowed",
              "This resource does not accept that method.");
      case 406 ->
          Problems.response(
              406,
              ProblemTypes.NOT_ACCEPTABLE,
              "Not acceptable",
              "This resource answers application/json.");
      case 413 ->
          e.getResponse().hasEntity()
              ? e.getResponse()
              : BodySizeLimit.tooLarge(BodySizeLimit.MAX_BYTES);
      case 415 ->
          Problems.response(
              415,
              ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
              "Unsupported media type",
              "Send the body as application/json.");
      default ->
          status >= 500
              ? Problems.response(
                  500,
                  ProblemTypes.INTERNAL,
                  "Internal error",
                  "The server failed; the error is logged.")
              : Problems.response(status, "bad-request", "Bad request", e.getMessage());
    };
  }

  private static Response invalid(String field, String message) {
    return Problems.response(ProblemException.badRequest(field, message).toProblem());
  }

  /**
   * A query parameter Jersey could not convert (page=x): the JAX-RS spec makes that a 404, which
   * tells the client the resource is missing; it is bad input. Read by name: jersey-server is
   * Payara's, not on our compile path.
   */
  private static String failedQueryParameter(WebApplicationException e) {
    if (!e.getClass().getName().endsWith("ParamException$QueryParamException")) {
      return null;
    }
    try {
      return String.valueOf(e.getClass().getMethod("getParameterName").invoke(e));
    } catch (ReflectiveOperationException unexpected) {
      return "query";
    }
  }
}
