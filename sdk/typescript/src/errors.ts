/** A field Portolan found invalid: a JSON path such as `dataClassification` and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Portolan (or the token endpoint) refused the request with a 4xx: bad input, a bad credential, the
 * wrong role. Carries the RFC 9457 problem document. Retrying the same request will not help.
 */
export class PortolanProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: FieldError[];

  constructor(problem: {
    status: number;
    type?: string;
    title?: string;
    detail?: string;
    instance?: string;
    errors?: FieldError[];
  }) {
    const title = problem.title ?? `HTTP ${problem.status}`;
    super(problem.detail ? `${problem.status} ${title}: ${problem.detail}` : `${problem.status} ${title}`);
    this.name = "PortolanProblemError";
    this.status = problem.status;
    this.type = problem.type ?? "about:blank";
    this.title = title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
  }

  /** Builds the error from a response body, whatever shape it has (problem+json, OAuth error, text). */
  static fromBody(status: number, body: unknown): PortolanProblemError {
    if (body && typeof body === "object") {
      const b = body as Record<string, unknown>;
      const errors = Array.isArray(b.errors)
        ? b.errors.filter(isObject).map((e) => ({ field: String(e.field ?? ""), message: String(e.message ?? "") }))
        : [];
      return new PortolanProblemError({
        status,
        type: stringOr(b.type),
        // Keycloak answers OAuth errors ({error, error_description}), not problem documents.
        title: stringOr(b.title) ?? stringOr(b.error),
        detail: stringOr(b.detail) ?? stringOr(b.error_description),
        instance: stringOr(b.instance),
        errors,
      });
    }
    return new PortolanProblemError({
      status,
      detail: typeof body === "string" && body ? body.slice(0, 500) : undefined,
    });
  }
}

/** Portolan could not be reached or kept failing (timeouts, refused connections, 5xx) after the retries. */
export class PortolanUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortolanUnavailableError";
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
