import { PortolanProblemError } from "./errors.js";
import { describeFailure, readBody, TransientError } from "./http.js";

/** Refresh this long before expiry, or at 80 % of a token's life when that is shorter. */
const REFRESH_MARGIN_SECONDS = 30;

/**
 * Client-credentials tokens from Keycloak, cached until shortly before they expire. Concurrent
 * callers share one request for a new token.
 */
export class TokenProvider {
  /** How many tokens were fetched, for monitoring (and tests). */
  fetchCount = 0;
  private cached?: { value: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly options: {
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      timeoutMs: number;
      fetch: typeof fetch;
    },
  ) {}

  /** A valid token; `stale` is one Portolan refused (401), which is then not handed out again. */
  async get(stale?: string): Promise<string> {
    if (stale && this.cached?.value === stale) this.cached = undefined;
    if (this.cached && Date.now() < this.cached.refreshAt) return this.cached.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, timeoutMs } = this.options;
    let response: Response;
    try {
      response = await this.options.fetch(tokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new TransientError(`token endpoint ${tokenUrl}: ${describeFailure(error, timeoutMs)}`);
    }
    const body = await readBody(response);
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      // A wrong client id or secret: no retry will fix it.
      throw PortolanProblemError.fromBody(response.status, body);
    }
    const token = body && typeof body === "object" ? (body as { access_token?: unknown; expires_in?: unknown }) : {};
    if (!response.ok || typeof token.access_token !== "string") {
      throw new TransientError(`token endpoint ${tokenUrl} answered ${response.status}`);
    }
    const lifetime = Number(token.expires_in) > 0 ? Number(token.expires_in) : 60;
    const margin = Math.min(REFRESH_MARGIN_SECONDS, lifetime * 0.2);
    this.cached = { value: token.access_token, refreshAt: Date.now() + (lifetime - margin) * 1000 };
    this.fetchCount++;
    return token.access_token;
  }
}
