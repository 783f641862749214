package io.portolan.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses TRACE everywhere with a problem, and closes the connection. Payara's own refusal kept the
 * connection open although it never reads a TRACE's body, so that body was read as the next request
 * (smuggling). The listener now lets TRACE through to here ({@code deploy/payara/preboot.asadmin});
 * it never reaches a servlet that would echo the request's headers.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TraceRefusal extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"TRACE".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    // Grizzly never counts a TRACE's body as its content: close the connection so that it is not
    // read as a request.
    response.setHeader("Connection", "close");
    Problem problem =
        new Problem(
            Problem.type(ProblemTypes.METHOD_NOT_ALLOWED),
            "Method not allowed",
            405,
            "TRACE is not supported.",
            null,
            null);
    response.setStatus(405);
    response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    JacksonConfig.MAPPER.writeValue(response.getOutputStream(), problem);
  }
}
