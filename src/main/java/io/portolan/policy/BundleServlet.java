package io.portolan.policy;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantClaims;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The OPA bundle protocol: {@code GET /bundles/{tenant}} serves the tenant's current policy and
 * data as a signed bundle, with the revision as ETag and 304 for an unchanged one. Only the
 * tenant's own gateways may fetch it. Checked here rather than by a security constraint, so that a
 * missing token is a 401 problem like everywhere else.
 */
@WebServlet("/bundles/*")
@DeclareRoles(Roles.GATEWAY)
public class BundleServlet extends HttpServlet {
  @Inject PolicyBundles bundles;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    // The principal of this request; a servlet is shared, so never an injected token.
    if (!(request.getUserPrincipal() instanceof JsonWebToken token)) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!request.isUserInRole(Roles.GATEWAY)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    TenantId caller;
    try {
      caller = TenantClaims.resolve(token.getClaim("tenant"), token.getClaim("organization"));
    } catch (RuntimeException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (!path.equals(caller.value())) {
      // The same answer whether the tenant exists or not: no oracle for other tenants' names.
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    // The revision alone is cheap while the tenant's data is unchanged: a 304 builds nothing.
    String etag = "\"" + bundles.revision(caller) + "\"";
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setHeader("ETag", etag);
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    PolicyBundles.Bundle bundle = bundles.current(caller);
    response.setHeader("ETag", "\"" + bundle.revision() + "\"");
    response.setContentType("application/gzip");
    response.setContentLength(bundle.bytes().length);
    response.getOutputStream().write(bundle.bytes());
  }
}
