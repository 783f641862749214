package io.portolan.tenancy;

import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.infrastructure.web.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Charges every authenticated API request to its caller's budget: over it, 429 with {@code
 * Retry-After}; every answer tells the caller where it stands with the {@code RateLimit} and {@code
 * RateLimit-Policy} headers (IETF httpapi draft). Unauthenticated requests are refused with 401
 * before they cost anything.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /**
   * The request attribute holding the charge; the decision servlet sets it before handing a request
   * over.
   */
  public static final String OUTCOME = RateLimitFilter.class.getName() + ".outcome";

  @Inject RateLimiter limiter;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    TokenBucket.Outcome outcome =
        request.getProperty(OUTCOME) instanceof TokenBucket.Outcome charged
            ? charged
            : limiter.admit(jwt);
    request.setProperty(OUTCOME, outcome);
    if (!outcome.admitted()) {
      request.abortWith(tooMany(outcome));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(OUTCOME) instanceof TokenBucket.Outcome outcome) {
      response.getHeaders().putSingle("RateLimit-Policy", policy(outcome));
      response.getHeaders().putSingle("RateLimit", state(outcome));
    }
  }

  private static Response tooMany(TokenBucket.Outcome outcome) {
    Response problem =
        Problems.response(
            429,
            ProblemTypes.RATE_LIMITED,
            "Too many requests",
            "This caller (or its tenant) sent more requests than its budget allows; retry after "
                + outcome.resetSeconds()
                + " s.");
    return Response.fromResponse(problem).header("Retry-After", outcome.resetSeconds()).build();
  }

  public static String policy(TokenBucket.Outcome outcome) {
    return "\"caller\";q=" + outcome.limit() + ";w=1";
  }

  public static String state(TokenBucket.Outcome outcome) {
    return "\"caller\";r=" + outcome.remaining() + ";t=" + outcome.resetSeconds();
  }
}
