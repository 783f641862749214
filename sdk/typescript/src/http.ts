import { PortolanProblemError, PortolanUnavailableError } from "./errors.js";
import { loadOpenTelemetry, type TraceHeaders, traceContext } from "./trace.js";

/** Statuses worth another attempt: the server may answer differently in a moment. */
const TRANSIENT_STATUSES = new Set([408, 425, 429]);
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 2000;

/** A failure that another attempt may cure (network error, timeout, 5xx). */
export class TransientError extends Error {}

export interface HttpResult {
  status: number;
  body: unknown;
}

/** Reads a response body as JSON when it says so, else as text. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (text && type.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** One line saying why a fetch failed: timeouts and refused connections hide in error causes. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return `timed out after ${timeoutMs} ms`;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.message)
      return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
    return error.message;
  }
  return String(error);
}

/** Exponential backoff with jitter: about 100, 200, 400 ms ..., each between half and all of its step. */
export function backoffMs(attempt: number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  fetch: typeof fetch;
  /** A bearer token; `stale` names one Portolan just refused, so a new one is fetched. */
  token: (stale?: string) => Promise<string>;
  /** The caller's trace context, when it has one without OpenTelemetry (see trace.ts). */
  traceHeaders?: TraceHeaders;
}

/**
 * Calls Portolan with a bearer token, a timeout per attempt and retries with backoff. Every call the
 * SDK makes is idempotent (GETs, decisions, usage under an Idempotency-Key), so all are retried.
 * A 401 fetches a fresh token once; other 4xx answers throw PortolanProblemError at once; what is
 * still failing after the retries throws PortolanUnavailableError. Each call carries the caller's
 * W3C trace context (traceparent, tracestate) unless `traced` is false.
 */
export class Transport {
  constructor(private readonly options: TransportOptions) {
    void loadOpenTelemetry(); // ready before the first call
  }

  async call(
    method: string,
    path: string,
    request: { json?: unknown; headers?: Record<string, string>; traced?: boolean } = {},
  ): Promise<HttpResult> {
    const { baseUrl, timeoutMs, retries } = this.options;
    const url = baseUrl.replace(/\/+$/, "") + path;
    // Taken once, in the caller's async context: every attempt belongs to the caller's current span.
    const trace = request.traced === false ? {} : traceContext(this.options.traceHeaders, await loadOpenTelemetry());
    let lastFailure = "";
    let staleToken: string | undefined;
    let tokenRefreshed = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const token = await this.options.token(staleToken);
        staleToken = undefined;
        const response = await this.options.fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: "application/json, application/problem+json",
            ...(request.json === undefined ? {} : { "Content-Type": "application/json" }),
            ...request.headers,
            ...trace,
          },
          body: request.json === undefined ? undefined : JSON.stringify(request.json),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = await readBody(response);
        if (response.ok) return { status: response.status, body };
        if (response.status === 401 && !tokenRefreshed) {
          // The token expired early or the realm rotated its keys: one more try with a fresh token.
          tokenRefreshed = true;
          staleToken = token;
          attempt--;
          continue;
        }
        if (response.status >= 500 || TRANSIENT_STATUSES.has(response.status)) {
          throw new TransientError(`${method} ${url} answered ${response.status}${problemTitle(body)}`);
        }
        if (typeof body !== "object" || body === null) {
          // Portolan answers every error with a problem document; an HTML 404 comes from a server
          // whose Portolan is not deployed (yet, while it restarts): unavailable, not a bad request.
          throw new TransientError(`${method} ${url} answered ${response.status} without a problem document`);
        }
        throw PortolanProblemError.fromBody(response.status, body);
      } catch (error) {
        if (error instanceof PortolanProblemError) throw error;
        lastFailure =
          error instanceof TransientError ? error.message : `${method} ${url}: ${describeFailure(error, timeoutMs)}`;
      }
      if (attempt >= retries) {
        throw new PortolanUnavailableError(`Portolan unavailable after ${attempt + 1} attempt(s): ${lastFailure}`);
      }
      await sleep(backoffMs(attempt));
    }
  }
}

function problemTitle(body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as { title?: unknown; detail?: unknown };
    const text = typeof b.detail === "string" ? b.detail : typeof b.title === "string" ? b.title : "";
    return text ? ` (${text})` : "";
  }
  return "";
}
