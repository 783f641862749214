package io.portolan.tenancy;

/** The realm roles of the Keycloak realm; MicroProfile JWT reads them from the groups claim. */
public final class Roles {
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String COMPLIANCE_OFFICER = "compliance-officer";
  public static final String REQUESTER = "requester";
  public static final String AUDITOR = "auditor";
  public static final String GATEWAY = "gateway";

  private Roles() {}
}
