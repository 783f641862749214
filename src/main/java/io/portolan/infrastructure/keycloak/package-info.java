/** Keycloak's admin API: issuing and revoking gateway credentials. */
package io.portolan.infrastructure.keycloak;
