package io.portolan.sdk;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The caller's W3C trace context ({@code traceparent}, {@code tracestate}) for a request to
 * Portolan, so Portolan's spans join the caller's trace: the builder's {@code traceHeaders}
 * supplier's when it gives a traceparent, else the current OpenTelemetry span's when the
 * OpenTelemetry API is on the classpath (an optional dependency), else none. Taken in the calling
 * thread; never throws, as a broken supplier or propagator must cost the trace, not the request.
 */
final class TraceContext implements Supplier<Map<String, String>> {
  private static final System.Logger LOG = System.getLogger(TraceContext.class.getName());

  /**
   * Checked once without loading OpenTelemetryTrace, which is the only class that names the API.
   */
  static final boolean OPEN_TELEMETRY_PRESENT =
      present("io.opentelemetry.api.GlobalOpenTelemetry")
          && present("io.opentelemetry.context.Context");

  private final Supplier<Map<String, String>> hook;
  private final boolean openTelemetry;

  TraceContext(Supplier<Map<String, String>> hook) {
    this(hook, OPEN_TELEMETRY_PRESENT);
  }

  TraceContext(Supplier<Map<String, String>> hook, boolean openTelemetry) {
    this.hook = hook;
    this.openTelemetry = openTelemetry;
  }

  @Override
  public Map<String, String> get() {
    if (hook != null) {
      try {
        Map<String, String> found = pick(hook.get());
        if (found.containsKey("traceparent")) {
          return found;
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.DEBUG, "traceHeaders supplier failed; no trace context sent: {0}", e.toString());
      }
    }
    if (openTelemetry) {
      try {
        Map<String, String> found = pick(OpenTelemetryTrace.current());
        if (found.containsKey("traceparent")) {
          return found;
        }
      } catch (RuntimeException
          | LinkageError e) { // LinkageError: an OpenTelemetry API too old or broken
        LOG.log(Level.DEBUG, "OpenTelemetry context not injected: {0}", e.toString());
      }
    }
    return Map.of();
  }

  /**
   * traceparent and tracestate out of {@code carrier} (any letter case), when a header can carry
   * them (printable ASCII); everything else is dropped, so it can never replace Authorization & co.
   */
  static Map<String, String> pick(Map<String, String> carrier) {
    Map<String, String> found = new LinkedHashMap<>();
    if (carrier == null) {
      return found;
    }
    for (Map.Entry<String, String> entry : carrier.entrySet()) {
      String name = entry.getKey() == null ? "" : entry.getKey().toLowerCase(Locale.ROOT);
      String value = entry.getValue() == null ? "" : entry.getValue().strip();
      if ((name.equals("traceparent") || name.equals("tracestate"))
          && !value.isEmpty()
          && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
        found.put(name, value);
      }
    }
    return found;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, TraceContext.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
