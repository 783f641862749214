package io.portolan.infrastructure.metrics;

import io.micrometer.core.instrument.Counter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers on the public port by status class (2xx..5xx): the 5xx rate is what a gateway sees
 * failing. One array read and one increment per request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpResponseMetrics extends HttpFilter {
  @Inject Metrics metrics;

  private volatile Counter[] byClass;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      counters()[status >= 100 && status < 600 ? status / 100 : 5].increment();
    }
  }

  private Counter[] counters() {
    Counter[] known = byClass;
    if (known == null) {
      known = new Counter[6];
      for (int c = 1; c <= 5; c++) {
        known[c] =
            Counter.builder("portolan.http.responses")
                .description("Answers on the public port by status class")
                .tag("class", c + "xx")
                .register(metrics.registry());
      }
      known[0] = known[5];
      byClass = known;
    }
    return known;
  }
}
