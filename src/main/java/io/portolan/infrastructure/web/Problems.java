package io.portolan.infrastructure.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** Builds problem+json responses. */
public final class Problems {
  static final int RETRY_AFTER_SECONDS = 2;

  private Problems() {}

  public static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"portolan\"");
    }
    if (problem.status() == 503) {
      // Outages here are a restart or a reconnect away: tell clients when to come back.
      builder.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    return builder.build();
  }

  /** The same answer written by a servlet, for requests served outside JAX-RS. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"portolan\"");
    }
    if (problem.status() == 503) {
      response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    JacksonConfig.MAPPER.writeValue(response.getOutputStream(), problem);
  }

  public static Response response(int status, String slug, String title, String detail) {
    return response(new Problem(Problem.type(slug), title, status, detail, null, null));
  }
}
