package io.portolan.infrastructure.keycloak;

/** Keycloak refused or could not be reached; {@code status} is what Portolan answers for it. */
public class KeycloakException extends RuntimeException {
  private final int status;

  public KeycloakException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
