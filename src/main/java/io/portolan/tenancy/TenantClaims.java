package io.portolan.tenancy;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the tenant from token claims. Gateways carry a hardcoded {@code tenant} claim (Keycloak
 * gives service accounts no organization claim); users carry {@code organization}, a list of
 * aliases or a map keyed by alias. Exactly one tenant is required: none or several is refused.
 */
public final class TenantClaims {
  private TenantClaims() {}

  /**
   * @param tenantClaim the {@code tenant} claim or null; @param organizationClaim likewise
   */
  public static TenantId resolve(Object tenantClaim, Object organizationClaim) {
    List<String> candidates = new ArrayList<>();
    if (tenantClaim != null) {
      candidates.addAll(values(tenantClaim));
    } else if (organizationClaim != null) {
      candidates.addAll(values(organizationClaim));
    }
    if (candidates.isEmpty()) {
      throw ProblemException.forbidden(
          ProblemTypes.NO_TENANT,
          "The token names no tenant (organization); ask for one organization.");
    }
    if (candidates.size() > 1) {
      throw ProblemException.forbidden(
          ProblemTypes.AMBIGUOUS_TENANT,
          "The token names "
              + candidates.size()
              + " organizations; a request acts for exactly one.");
    }
    String alias = candidates.get(0);
    if (!TenantId.isValid(alias)) {
      throw ProblemException.forbidden(
          ProblemTypes.NO_TENANT, "The token's organization is not a tenant alias.");
    }
    return new TenantId(alias);
  }

  private static List<String> values(Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof JsonString s) {
      out.add(s.getString());
    } else if (claim instanceof String s) {
      out.add(s);
    } else if (claim instanceof JsonArray array) {
      for (JsonValue v : array) {
        out.addAll(values(v));
      }
    } else if (claim instanceof JsonObject object) {
      out.addAll(object.keySet());
    } else if (claim instanceof Map<?, ?> map) {
      map.keySet().forEach(k -> out.add(String.valueOf(k)));
    } else if (claim instanceof Collection<?> collection) {
      collection.forEach(v -> out.addAll(values(v)));
    }
    return out;
  }
}
