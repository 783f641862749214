package io.portolan.infrastructure.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses path and query parameters and the headers Portolan reads as data ({@code X-Portolan-*},
 * {@code Idempotency-Key}) when they hold text {@link StorableText} refuses: 400 naming the
 * parameter, before authorization, so every caller gets the same answer. Bodies are checked as they
 * are parsed ({@link StorableTextJson}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class StorableTextFilter implements ContainerRequestFilter {
  private static final String DATA_HEADER_PREFIX = "x-portolan-";
  private static final String IDEMPOTENCY_KEY = "idempotency-key";

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> path;
    MultivaluedMap<String, String> query;
    try {
      path = request.getUriInfo().getPathParameters(true);
      query = request.getUriInfo().getQueryParameters(true);
    } catch (IllegalArgumentException malformed) {
      throw ProblemException.badRequest("uri", "is not valid percent-encoded UTF-8");
    }
    check(path, "");
    check(query, "");
    check(dataHeaders(request.getHeaders()), "header ");
  }

  private static MultivaluedMap<String, String> dataHeaders(
      MultivaluedMap<String, String> headers) {
    MultivaluedMap<String, String> data = new MultivaluedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(DATA_HEADER_PREFIX) || name.equals(IDEMPOTENCY_KEY)) {
        data.put(header.getKey(), header.getValue());
      }
    }
    return data;
  }

  private static void check(MultivaluedMap<String, String> parameters, String kind) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String nameProblem = StorableText.problemIn(parameter.getKey(), StorableText.Lines.SINGLE);
      if (nameProblem != null) {
        throw ProblemException.badRequest(kind + "name", nameProblem);
      }
      for (String value : parameter.getValue()) {
        String problem = StorableText.problemIn(value, StorableText.Lines.SINGLE);
        if (problem != null) {
          throw ProblemException.badRequest(kind + parameter.getKey(), problem);
        }
      }
    }
  }
}
