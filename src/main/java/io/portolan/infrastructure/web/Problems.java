package io.portolan.infrastructure.web;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {
  private Problems() {}

  public static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"portolan\"");
    }
    return builder.build();
  }

  public static Response response(int status, String slug, String title, String detail) {
    return response(new Problem(Problem.type(slug), title, status, detail, null, null));
  }
}
