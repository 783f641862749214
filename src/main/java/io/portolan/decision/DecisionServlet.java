package io.portolan.decision;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.telemetry.Tracing;
import io.portolan.infrastructure.web.BodySizeLimit;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.Problems;
import io.portolan.infrastructure.web.UnexpectedErrorMapper;
import io.portolan.tenancy.RateLimitFilter;
import io.portolan.tenancy.RateLimiter;
import io.portolan.tenancy.TenantContext;
import io.portolan.tenancy.TokenBucket;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /api/v1/decisions}, the call on every gateway's hot path, answered without JAX-RS.
 * Jersey's request processing, with its two Bean Validation passes, took about half of the CPU time
 * of a decision (a JFR profile under load; bench/README.md), against 2% for deciding itself.
 *
 * <p>This servlet answers the requests a gateway normally sends: a verified gateway token, a JSON
 * body of known length that binds and passes {@link DecisionRequest}'s constraints. It charges the
 * caller's rate limit, asks {@link DecisionService} as {@link DecisionResource} does, and writes
 * the same answer. Anything else (another method, media type or role, an unreadable or invalid
 * body, a refused rate limit, a token without a tenant) is handed to {@link DecisionResource}
 * unchanged, so every refusal is the one the API has always given and the one OpenAPI documents.
 */
@WebServlet("/api/v1/decisions")
public class DecisionServlet extends HttpServlet {
  private static final String API_MAPPING = "/api/v1/*";

  @Inject TenantContext caller;
  @Inject DecisionService decisions;
  @Inject RateLimiter limiter;
  @Inject Tracing tracing;

  private String jaxRsServlet;

  @Override
  public void init() throws ServletException {
    jaxRsServlet =
        getServletContext().getServletRegistrations().values().stream()
            .filter(r -> r.getMappings().contains(API_MAPPING))
            .map(ServletRegistration::getName)
            .findFirst()
            .orElseThrow(() -> new ServletException("no servlet is mapped to " + API_MAPPING));
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!isPlainGatewayCall(request)) {
      handOver(request, response, null); // JAX-RS traces it
      return;
    }
    Span span = tracing.serverSpan("POST /api/v1/decisions", request);
    try (Scope ignored = span.makeCurrent()) {
      answerPlain(request, response);
    } finally {
      Tracing.end(span, response.getStatus());
    }
  }

  private void answerPlain(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    TokenBucket.Outcome charge = limiter.admit((JsonWebToken) request.getUserPrincipal());
    request.setAttribute(RateLimitFilter.OUTCOME, charge);
    int length = (int) request.getContentLengthLong();
    byte[] body = request.getInputStream().readNBytes(length);
    DecisionRequest question = charge.admitted() && body.length == length ? bind(body) : null;
    TenantId tenant = question == null ? null : tenantOrNull();
    if (tenant == null) {
      handOver(request, response, body);
      return;
    }
    response.setHeader("RateLimit-Policy", RateLimitFilter.policy(charge));
    response.setHeader("RateLimit", RateLimitFilter.state(charge));
    answer(response, tenant, question);
  }

  /** POST of JSON with a declared, allowed length, by a verified gateway that accepts JSON. */
  private boolean isPlainGatewayCall(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    return "POST".equals(request.getMethod())
        && isJson(request.getContentType())
        && acceptsJson(request.getHeaders("Accept"))
        && length > 0
        && length <= BodySizeLimit.MAX_BYTES
        && request.getUserPrincipal() instanceof JsonWebToken
        && caller.isGateway();
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.equals("application/json;charset=utf-8");
  }

  /** One {@code Accept} header at most, which {@link #acceptsJson(String)} allows. */
  private static boolean acceptsJson(Enumeration<String> accept) {
    if (accept == null || !accept.hasMoreElements()) {
      return true;
    }
    String first = accept.nextElement();
    return !accept.hasMoreElements() && acceptsJson(first);
  }

  /**
   * Whether the answer may be JSON, as the SDKs ask ({@code application/json,
   * application/problem+json}) or as HTTP clients do by default. Ranges with parameters (quality
   * values among them) are left to JAX-RS content negotiation.
   */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    if (accept.indexOf(';') >= 0) {
      return false;
    }
    for (String range : accept.split(",")) {
      String type = range.trim().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  /** The request, or null when it does not bind or validate: the resource then names the fault. */
  private static DecisionRequest bind(byte[] body) {
    try {
      DecisionRequest question = JacksonConfig.INPUT.readValue(body, DecisionRequest.class);
      return question != null && question.passesConstraints() ? question : null;
    } catch (IOException unreadable) {
      return null;
    }
  }

  /**
   * Null when the token names no single tenant, or the tenant's first registration failed (the
   * database away): the resource then refuses it in its own words.
   */
  private TenantId tenantOrNull() {
    try {
      return caller.tenant();
    } catch (RuntimeException refused) {
      return null;
    }
  }

  private void answer(HttpServletResponse response, TenantId tenant, DecisionRequest question)
      throws IOException {
    DecisionResponse decision;
    try {
      decision = decisions.decide(tenant, caller.clientId(), question);
    } catch (ProblemException e) {
      Problems.write(response, e.toProblem());
      return;
    } catch (RuntimeException | Error e) { // as the JAX-RS resource's last-resort mapper does
      Problems.write(response, UnexpectedErrorMapper.problemFor(e));
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    JacksonConfig.MAPPER.writeValue(response.getOutputStream(), decision);
  }

  /** To {@link DecisionResource} through the JAX-RS servlet, with the body as it came. */
  private void handOver(HttpServletRequest request, HttpServletResponse response, byte[] body)
      throws IOException, ServletException {
    RequestDispatcher resource = getServletContext().getNamedDispatcher(jaxRsServlet);
    resource.forward(new ResourceRequest(request, body), response);
  }
}
