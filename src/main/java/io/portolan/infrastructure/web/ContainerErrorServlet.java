package io.portolan.infrastructure.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors raised by the servlet container before JAX-RS runs (a missing or invalid bearer token is
 * refused by MicroProfile JWT there) also answer problem+json, without details of why.
 */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    String slug;
    String title;
    String detail;
    switch (status) {
      case 401 -> {
        slug = "unauthorized";
        title = "Unauthorized";
        detail = "A valid bearer token is required.";
        response.setHeader("WWW-Authenticate", "Bearer realm=\"portolan\"");
      }
      case 403 -> {
        slug = "forbidden";
        title = "Forbidden";
        detail = "Your role does not allow this request.";
      }
      case 404 -> {
        slug = "not-found";
        title = "Not found";
        detail = "No such resource.";
      }
      case 413 -> {
        slug = "payload-too-large";
        title = "Payload too large";
        detail = "The request body is larger than 65536 bytes (64 KiB).";
      }
      default -> {
        slug = status >= 500 ? "internal" : "bad-request";
        title = status >= 500 ? "Internal error" : "Bad request";
        detail =
            status >= 500 ? "The server failed; the error is logged." : "The request was refused.";
      }
    }
    Problem problem = new Problem(Problem.type(slug), title, status, detail, null, null);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    JacksonConfig.MAPPER.writeValue(response.getOutputStream(), problem);
  }
}
