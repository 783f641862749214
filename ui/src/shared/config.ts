/** Where the browser logs in: Portolan serves /ui-config.json from the issuer it verifies tokens against. */
export interface UiConfig {
  issuer: string;
  clientId: string;
}

export interface KeycloakLocation {
  url: string;
  realm: string;
}

/** Splits an issuer such as http://localhost:8180/realms/portolan into Keycloak's URL and realm. */
export function keycloakLocation(issuer: string): KeycloakLocation {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer.trim());
  if (!match) throw new Error(`not a Keycloak realm issuer: ${issuer}`);
  return { url: match[1], realm: decodeURIComponent(match[2]) };
}

export async function loadUiConfig(): Promise<UiConfig> {
  const response = await fetch("/ui-config.json", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`Portolan did not give its login settings (HTTP ${response.status})`);
  return (await response.json()) as UiConfig;
}
