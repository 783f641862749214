/** The signed-in user as the access token describes them. */
export interface User {
  username: string;
  tenant: string | null;
  team: string | null;
  roles: string[];
}

type Claims = Record<string, unknown>;

/** Reads the claims Portolan itself reads: roles in `groups` (or `realm_access.roles`), tenant in `organization`. */
export function userFromClaims(claims: Claims): User {
  const groups = Array.isArray(claims.groups) ? (claims.groups as string[]) : [];
  const realmAccess = claims.realm_access as { roles?: string[] } | undefined;
  const roles = [...new Set([...groups, ...(realmAccess?.roles ?? [])])];
  return {
    username: typeof claims.preferred_username === "string" ? claims.preferred_username : "unknown",
    tenant: tenantOf(claims.organization),
    team: typeof claims.team === "string" ? claims.team : null,
    roles,
  };
}

// Keycloak sends a list of aliases, or a map alias → details when the organization id is added.
function tenantOf(organization: unknown): string | null {
  if (Array.isArray(organization)) return organization.length === 1 ? String(organization[0]) : null;
  if (organization && typeof organization === "object") {
    const aliases = Object.keys(organization);
    return aliases.length === 1 ? aliases[0] : null;
  }
  return typeof organization === "string" ? organization : null;
}
