/** The real stack the specs run against, and API calls that prepare data as a script would. */
export const PORTOLAN_URL = (process.env.PORTOLAN_URL ?? "http://localhost:28080").replace(/\/$/, "");
export const KEYCLOAK_URL = (process.env.KEYCLOAK_URL ?? "http://localhost:28180").replace(/\/$/, "");
const TOKEN_URL = `${KEYCLOAK_URL}/realms/portolan/protocol/openid-connect/token`;

/** A short id no earlier run used, so specs never collide with old data or each other. */
export const RUN_ID = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function token(form: Record<string, string>): Promise<string> {
  const response = await fetch(TOKEN_URL, { method: "POST", body: new URLSearchParams(form) });
  if (!response.ok)
    throw new Error(`token for ${form.username ?? form.client_id}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const userToken = (user: string) =>
  token({
    grant_type: "password",
    client_id: "portolan-cli",
    username: user,
    password: user,
    scope: "openid organization",
  });

export const gatewayToken = (tenant: string) =>
  token({
    grant_type: "client_credentials",
    client_id: `${tenant}-gateway`,
    client_secret: `${tenant}-gateway-secret`,
  });

export async function api<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${PORTOLAN_URL}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** PUT that tolerates an existing resource of the same id: specs share the stack with other runs. */
export async function ensure(bearer: string, path: string, id: string, body: unknown): Promise<void> {
  const response = await fetch(`${PORTOLAN_URL}/api/v1${path}/${id}`, {
    headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json" },
  });
  if (response.ok) return;
  await api(bearer, "POST", path, body);
}
