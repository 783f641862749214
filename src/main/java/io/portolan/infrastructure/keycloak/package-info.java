/**
 * Keycloak: its admin API (issuing and revoking gateway credentials), and its bearer tokens once
 * verified (remembered until they expire, and signing decision requests in without a second look).
 */
package io.portolan.infrastructure.keycloak;
