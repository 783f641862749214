package io.portolan.sdk;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The only class that names the OpenTelemetry API (an optional dependency): loaded only once {@link
 * TraceContext} has found the API on the classpath, so without it the SDK never touches it.
 */
final class OpenTelemetryTrace {
  private OpenTelemetryTrace() {}

  /** What the application's propagators inject for the current context; empty outside a span. */
  static Map<String, String> current() {
    Context context = Context.current();
    // Outside a valid span there is nothing to continue. Checking first also keeps the SDK from
    // calling GlobalOpenTelemetry.get() before the application registers its OpenTelemetry: that
    // would fix the global to a no-op one and make the application's later set() fail.
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return Map.of();
    }
    Map<String, String> carrier = new HashMap<>();
    GlobalOpenTelemetry.getPropagators()
        .getTextMapPropagator()
        .inject(
            context,
            carrier,
            (into, key, value) -> {
              if (into != null) {
                into.put(key, value);
              }
            });
    return carrier;
  }
}
