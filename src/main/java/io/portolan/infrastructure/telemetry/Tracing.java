package io.portolan.infrastructure.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

/**
 * Portolan's spans. With telemetry off (the default) every span is OpenTelemetry's no-op one, so
 * the decision path pays a few calls and no allocation worth measuring (bench/README.md).
 */
@ApplicationScoped
public class Tracing {
  public static final AttributeKey<String> TENANT = AttributeKey.stringKey("portolan.tenant");
  public static final AttributeKey<String> DECISION_ID =
      AttributeKey.stringKey("portolan.decision_id");
  public static final AttributeKey<String> ENGINE = AttributeKey.stringKey("portolan.engine");
  public static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("portolan.batch_size");
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  private static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
  private static final AttributeKey<String> HTTP_METHOD =
      AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final AttributeKey<Long> HTTP_STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> PEER = AttributeKey.stringKey("peer.service");

  /** A request's headers, as the propagator reads them. */
  private static final TextMapGetter<HttpServletRequest> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
          return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String key) {
          return request == null ? null : request.getHeader(key);
        }
      };

  /** Work done inside a span; its exception, if any, is recorded on the span and passed on. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  @Inject Instance<OpenTelemetry> provided;

  private OpenTelemetry telemetry;
  private Tracer tracer;

  /** Untraced, for code run outside the server (tests of a component alone). */
  public static Tracing off() {
    Tracing tracing = new Tracing();
    tracing.use(OpenTelemetry.noop());
    return tracing;
  }

  @PostConstruct
  void init() {
    // Payara provides OpenTelemetry (a no-op one while OTEL_SDK_DISABLED is not false); a server
    // without MicroProfile Telemetry still runs, untraced.
    use(provided.isResolvable() ? provided.get() : OpenTelemetry.noop());
  }

  private void use(OpenTelemetry chosen) {
    telemetry = chosen;
    tracer = telemetry.getTracer("io.portolan");
  }

  /**
   * The server span of a request Portolan answers outside JAX-RS (the decision servlet), child of
   * the caller's {@code traceparent} when it sends one. The caller ends it.
   */
  public Span serverSpan(String name, HttpServletRequest request) {
    Context parent =
        telemetry.getPropagators().getTextMapPropagator().extract(Context.root(), request, HEADERS);
    return tracer
        .spanBuilder(name)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute(HTTP_METHOD, request.getMethod())
        .setAttribute(URL_PATH, request.getRequestURI())
        .startSpan();
  }

  /** Ends a server span with the status the response got. */
  public static void end(Span span, int status) {
    span.setAttribute(HTTP_STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** Runs work in an internal span of the current trace. */
  public <T, E extends Exception> T inSpan(String name, Work<T, E> work) throws E {
    return inSpan(tracer.spanBuilder(name).startSpan(), work);
  }

  /** Runs a PostgreSQL round trip in a client span of the current trace. */
  public <T, E extends Exception> T database(String operation, Work<T, E> work) throws E {
    Span span =
        tracer
            .spanBuilder("postgresql " + operation)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(DB_SYSTEM, "postgresql")
            .setAttribute(DB_OPERATION, operation)
            .startSpan();
    return inSpan(span, work);
  }

  /**
   * Sends an HTTP request to a peer (opa, keycloak) in a client span, with the trace context in its
   * headers so a traced peer (OPA with distributed tracing on) continues it.
   */
  public <T> HttpResponse<T> send(
      String peer, HttpClient http, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    HttpRequest plain = request.build();
    Span span =
        tracer
            .spanBuilder(peer + " " + plain.method())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(PEER, peer)
            .setAttribute(HTTP_METHOD, plain.method())
            .setAttribute(
                URL_FULL,
                plain.uri().getScheme()
                    + "://"
                    + plain.uri().getAuthority()
                    + plain.uri().getPath())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      if (!span.getSpanContext().isValid()) {
        return http.send(plain, body);
      }
      telemetry
          .getPropagators()
          .getTextMapPropagator()
          .inject(Context.current(), request, HttpRequest.Builder::header);
      HttpResponse<T> response = http.send(request.build(), body);
      span.setAttribute(HTTP_STATUS, (long) response.statusCode());
      if (response.statusCode() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      return response;
    } catch (IOException | InterruptedException | RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  /** Names the tenant (and decision) of the span in progress: the server span of the request. */
  public static void tenant(String tenant) {
    Span.current().setAttribute(TENANT, tenant);
  }

  public static void decision(String decisionId) {
    Span.current().setAttribute(DECISION_ID, decisionId);
  }

  private static <T, E extends Exception> T inSpan(Span span, Work<T, E> work) throws E {
    try (Scope ignored = span.makeCurrent()) {
      return work.run();
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}
