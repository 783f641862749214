/** Who is calling and for which tenant: roles, the tenant taken from the token, tenant records. */
package io.portolan.tenancy;
