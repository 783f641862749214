/** Portolan's API as the UI calls it: bearer token on every call, problem+json errors as ApiError. */
import { readWithProgress, type Progress } from "./stream";

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(formatProblem(status, problem));
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

/** One sentence a person can read, whatever the server sent. */
export function formatProblem(status: number, problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field} ${e.message}`);
  // With field errors the detail repeats them in a terser form: the title leads instead.
  if (fields.length > 0) return `${problem.title?.trim() || "Invalid request"}: ${fields.join("; ")}.`;
  return problem.detail?.trim() || problem.title?.trim() || statusText(status);
}

function statusText(status: number): string {
  if (status === 0) return "Portolan cannot be reached; check your connection and try again.";
  if (status === 401) return "Your session has ended; sign in again.";
  if (status === 403) return "Your role does not allow this.";
  if (status === 404) return "Not found.";
  if (status >= 500) return `Portolan failed (HTTP ${status}); try again later.`;
  return `The request was refused (HTTP ${status}).`;
}

/** Any thrown value as a message for an alert. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Field name → message, for showing server validation errors beside the inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/\[\d+\]$/, ""); // hostingRegions[1] → hostingRegions
    result[field] = result[field] ? `${result[field]}; ${e.message}` : e.message;
  }
  return result;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type TokenSource = () => Promise<string>;

export class Api {
  constructor(
    private readonly token: TokenSource,
    private readonly baseUrl = "",
  ) {}

  get<T>(path: string): Promise<T> {
    return this.json<T>("GET", path);
  }
  /** `signal` cancels a long call (impact analysis) from the screen. */
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.json<T>("POST", path, body, signal);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>("PUT", path, body);
  }
  delete(path: string): Promise<void> {
    return this.json<void>("DELETE", path);
  }

  /**
   * A streamed export as a file, read chunk by chunk so `onProgress` sees bytes and lines arrive;
   * the server's error when it refuses. Aborting the signal stops the transfer.
   */
  async download(
    path: string,
    accept: string,
    onProgress: (progress: Progress) => void,
    signal?: AbortSignal,
  ): Promise<Blob> {
    const response = await this.send("GET", path, undefined, accept, signal);
    const type = response.headers.get("Content-Type") ?? accept;
    if (!response.body) return response.blob();
    return new Blob(await readWithProgress(response.body, onProgress), { type });
  }

  private async json<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.send(method, path, body, "application/json", signal);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${await this.token()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error; // cancelled by the user, not a network failure
      throw new ApiError(0, {});
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return response;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Problem;
    return body && typeof body === "object" ? body : {};
  } catch {
    return {}; // not JSON (a proxy's HTML page): the status explains it
  }
}

/** Every item of a paged list, a page of 500 at a time (inventories are small; the cap bounds a runaway). */
export async function loadAll<T>(api: Api, path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes("?") ? "&" : "?";
  for (let page = 0; page < maxPages; page++) {
    const batch = await api.get<Page<T>>(`${path}${separator}size=500&page=${page}`);
    items.push(...batch.items);
    if (items.length >= batch.total || batch.items.length === 0) break;
  }
  return items;
}
