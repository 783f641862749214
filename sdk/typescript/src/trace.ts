// The caller's W3C trace context (traceparent, tracestate) for each request to Portolan, so Portolan's
// spans join the caller's trace. OpenTelemetry is an optional peer dependency: used when the
// application has @opentelemetry/api, never required.

/** Returns the trace context headers to send; only `traceparent` and `tracestate` are taken. */
export type TraceHeaders = () => Record<string, string>;

/** The two calls of @opentelemetry/api the SDK uses; its types are not needed to build or use the SDK. */
export interface OpenTelemetryApi {
  context: { active(): unknown };
  propagation: { inject(context: unknown, carrier: Record<string, string>): void };
}

const TRACE_CONTEXT = ["traceparent", "tracestate"] as const;
// A variable, not a literal: neither TypeScript nor a bundler should require the package to exist.
const OPENTELEMETRY_API: string = "@opentelemetry/api";
let openTelemetry: Promise<OpenTelemetryApi | undefined> | undefined;

/** @opentelemetry/api when the application can load it, else undefined; loaded once. */
export function loadOpenTelemetry(): Promise<OpenTelemetryApi | undefined> {
  openTelemetry ??= import(OPENTELEMETRY_API).then(
    (module: Record<string, unknown>) => asApi(module) ?? asApi(module.default),
    () => undefined,
  );
  return openTelemetry;
}

function asApi(module: unknown): OpenTelemetryApi | undefined {
  const api = module as Partial<OpenTelemetryApi> | undefined;
  return typeof api?.context?.active === "function" && typeof api?.propagation?.inject === "function"
    ? (api as OpenTelemetryApi)
    : undefined;
}

/**
 * traceparent and tracestate out of `carrier` (any letter case), when they are values a header can
 * carry (printable ASCII); anything else is dropped, so it can never replace Authorization & co.
 */
export function pickTraceContext(carrier: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (typeof carrier !== "object" || carrier === null) return found;
  for (const [key, value] of Object.entries(carrier)) {
    const name = key.toLowerCase();
    if (!(TRACE_CONTEXT as readonly string[]).includes(name) || typeof value !== "string") continue;
    const trimmed = value.trim();
    if (trimmed && /^[\x20-\x7e]+$/.test(trimmed)) found[name] = trimmed;
  }
  return found;
}

/**
 * The trace context to send: the hook's when it gives a traceparent, else the active OpenTelemetry
 * context's (when `openTelemetry` is given), else none. Never throws: a broken hook or propagator
 * costs the trace, not the request.
 */
export function traceContext(
  hook: TraceHeaders | undefined,
  openTelemetry: OpenTelemetryApi | undefined,
): Record<string, string> {
  if (hook) {
    try {
      const found = pickTraceContext(hook());
      if (found.traceparent) return found;
    } catch {
      // the caller's code failed: send no trace context rather than fail the decision
    }
  }
  if (openTelemetry) {
    try {
      const carrier: Record<string, string> = {};
      openTelemetry.propagation.inject(openTelemetry.context.active(), carrier);
      const found = pickTraceContext(carrier);
      if (found.traceparent) return found;
    } catch {
      // a misbehaving propagator: no trace context
    }
  }
  return {};
}
