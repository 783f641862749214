package io.portolan.infrastructure.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, answered in {@code X-Request-Id} and written with every log line the
 * request causes. A gateway's own {@code X-Request-Id} is kept when it is a plain token, so one id
 * follows a call from the gateway's log into Portolan's; anything else is replaced, never logged.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIds extends HttpFilter {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String given = request.getHeader(HEADER);
    String id = given != null && PLAIN.matcher(given).matches() ? given : newId();
    response.setHeader(HEADER, id);
    LogContext.begin(id);
    try {
      chain.doFilter(request, response);
    } finally {
      LogContext.end();
    }
  }

  /** 64 random bits in hex: unique enough to find a request, cheap enough for every decision. */
  private static String newId() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }
}
