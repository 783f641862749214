/** The admin screens' shapes and pure helpers; Vitest covers the helpers. */

export interface TeamView {
  id: string;
  name: string;
  defaultTaskTier: string;
  createdAt: string;
  updatedAt: string;
}

export interface Gateway {
  id: string;
  clientId: string;
  description: string;
  createdAt: string | null;
  createdBy: string | null;
}

/** A gateway credential as issued or rotated: the only answer that carries the secret. */
export interface GatewayCredential {
  gateway: Gateway;
  clientSecret: string;
  tokenUrl: string;
}

export interface Tenant {
  id: string;
  createdAt: string;
}

export const TASK_TIERS = ["routine", "standard", "critical"] as const;

/** How the gateway gets its tokens: the command to hand to whoever configures it. */
export function tokenCommand(credential: GatewayCredential): string {
  return [
    `curl -s -X POST '${credential.tokenUrl}'`,
    "  -d grant_type=client_credentials",
    `  -d client_id='${credential.gateway.clientId}'`,
    `  -d client_secret='${credential.clientSecret}'`,
  ].join(" \\\n");
}

/** A team as the API takes it: the tier only when chosen, so the server's default applies otherwise. */
export function teamBody(form: { id: string; name: string; defaultTaskTier: string }): Record<string, string> {
  return {
    id: form.id.trim(),
    name: form.name,
    ...(form.defaultTaskTier ? { defaultTaskTier: form.defaultTaskTier } : {}),
  };
}
