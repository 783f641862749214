/** The policy OPA evaluates: the Rego shipped in the WAR and each tenant's data, kept in OPA. */
package io.portolan.policy;
