import Keycloak from "keycloak-js";
import { keycloakLocation, loadUiConfig } from "./config";
import { userFromClaims, type User } from "./user";

export interface Session {
  user: User;
  /** A fresh access token, refreshed when it has under 30 s left. */
  token: () => Promise<string>;
  logout: () => void;
}

/** Logs in through Keycloak (authorization code with PKCE) before the app renders. */
export async function login(): Promise<Session> {
  const config = await loadUiConfig();
  const { url, realm } = keycloakLocation(config.issuer);
  const keycloak = new Keycloak({ url, realm, clientId: config.clientId });
  await keycloak.init({ onLoad: "login-required", pkceMethod: "S256", checkLoginIframe: false });
  return {
    user: userFromClaims(keycloak.tokenParsed ?? {}),
    token: async () => {
      try {
        await keycloak.updateToken(30);
      } catch {
        await keycloak.login(); // the refresh token expired too: sign in again
      }
      return keycloak.token ?? "";
    },
    logout: () => void keycloak.logout({ redirectUri: window.location.origin + "/" }),
  };
}
