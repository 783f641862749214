// Shared settings for the tests: the real test stack (Portolan + Keycloak) and the golden file.
import { readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { PortolanClient, type PortolanClientOptions } from "../dist/index.js";

export const PORTOLAN_URL = process.env.PORTOLAN_URL ?? "http://127.0.0.1:28080";
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? "http://127.0.0.1:28180";
export const TOKEN_URL = `${KEYCLOAK_URL}/realms/portolan/protocol/openid-connect/token`;

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface GoldenCase {
  name: string;
  request: {
    team: string;
    model: string;
    purpose: string;
    dataClassification: string;
    region: string;
    taskTier?: string;
  };
  expect: { allow: boolean; reasons: string[]; obligations: string[]; alternatives: string[] };
}

export interface GoldenFile {
  models: { id: string }[];
  approvals: { team: string; model: string; purpose: string }[];
  cases: GoldenCase[];
}

export const golden: GoldenFile = JSON.parse(
  readFileSync(`${repoRoot}src/test/resources/decisions/sovereignty.json`, "utf8"),
);

/** A client for tenant initech's gateway, where seed-golden.sh loaded the golden file. */
export function initechClient(options: Partial<PortolanClientOptions> = {}): PortolanClient {
  return new PortolanClient({
    portolanUrl: PORTOLAN_URL,
    tokenUrl: TOKEN_URL,
    clientId: "initech-gateway",
    clientSecret: "initech-gateway-secret",
    ...options,
  });
}

/** A user's token (password grant through portolan-cli; password = user name). */
export async function userToken(user: string): Promise<string> {
  const response = await fetch(TOKEN_URL, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "portolan-cli", username: user, password: user }),
  });
  if (!response.ok) throw new Error(`token for ${user}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One call to Portolan's API as a user of tenant initech: the status and the parsed body (null when empty). */
export async function api<B = unknown>(
  method: string,
  path: string,
  user: string,
  body?: unknown,
): Promise<{ status: number; body: B }> {
  const response = await fetch(`${PORTOLAN_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await userToken(user)}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as B };
}

/** A recorded call made through a spying fetch. */
export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body?: string;
}

/** Wraps the real fetch and records every call, so tests can see what the SDK sent. */
export function spyingFetch(): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const spy: typeof fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    });
    return fetch(input, init);
  };
  return { fetch: spy, calls };
}

/** A port nothing listens on: bound once by us, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never answers: Portolan hanging. */
export async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      server.close(() => resolve());
    });
  return { port: (server.address() as { port: number }).port, close };
}
