package io.portolan.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.keycloak.KeycloakAdmin;
import io.portolan.infrastructure.keycloak.KeycloakConfig;
import io.portolan.infrastructure.keycloak.KeycloakException;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Gateway credentials: Keycloak clients with a service account holding the {@code gateway} role and
 * a hardcoded {@code tenant} claim, so their tokens act for this tenant alone. Keycloak keeps the
 * secret; Portolan shows it once, when issued or rotated, and records each change (without the
 * secret) in the audit trail, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class GatewayService {
  static final String TENANT = "portolan.tenant";
  static final String GATEWAY = "portolan.gateway";
  static final String CREATED_BY = "portolan.created-by";
  static final String CREATED_AT = "portolan.created-at";

  @Inject KeycloakAdmin keycloak;
  @Inject Event<TenantChange> audit;

  @Inject KeycloakConfig tokens;

  public List<GatewayView> list(TenantId tenant) {
    List<GatewayView> views = new ArrayList<>();
    for (JsonNode client : call(() -> keycloak.clientsMatching(clientId(tenant, "")))) {
      if (tenant
          .value()
          .equals(attributes(client).path(TENANT).asText())) { // the search matches substrings
        views.add(view(client));
      }
    }
    views.sort(Comparator.comparing(GatewayView::id));
    return views;
  }

  public GatewayCredential create(TenantId tenant, GatewayInput input, String actor) {
    String clientId = clientId(tenant, input.id());
    GatewayView view =
        new GatewayView(
            input.id(),
            clientId,
            input.description(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            actor);
    audit.fire(new TenantChange(tenant, "gateway.created", "gateway", input.id(), null, view));
    String uuid = call(() -> keycloak.createClient(representation(tenant, view)));
    try {
      run(() -> keycloak.grantRealmRole(uuid, Roles.GATEWAY));
      return new GatewayCredential(view, call(() -> keycloak.clientSecret(uuid)), tokenUrl());
    } catch (RuntimeException e) {
      keycloak.deleteClient(uuid); // no half-made gateway: without its role it could never decide
      throw e;
    }
  }

  public GatewayCredential rotate(TenantId tenant, String id) {
    JsonNode client = find(tenant, id);
    GatewayView view = view(client);
    audit.fire(new TenantChange(tenant, "gateway.secret-rotated", "gateway", id, view, view));
    String secret = call(() -> keycloak.regenerateSecret(client.get("id").asText()));
    return new GatewayCredential(view, secret, tokenUrl());
  }

  public void delete(TenantId tenant, String id) {
    JsonNode client = find(tenant, id);
    audit.fire(new TenantChange(tenant, "gateway.deleted", "gateway", id, view(client), null));
    run(() -> keycloak.deleteClient(client.get("id").asText()));
  }

  private JsonNode find(TenantId tenant, String id) {
    JsonNode client = call(() -> keycloak.clientByClientId(clientId(tenant, id))).orElse(null);
    // Only gateways Portolan issued for this tenant: never a realm's other clients.
    if (client == null || !tenant.value().equals(attributes(client).path(TENANT).asText())) {
      throw ProblemException.notFound("gateway", id);
    }
    return client;
  }

  /** Dots appear in neither tenant aliases nor gateway ids, so no two tenants' names can meet. */
  static String clientId(TenantId tenant, String id) {
    return "gw." + tenant.value() + "." + id;
  }

  private ObjectNode representation(TenantId tenant, GatewayView view) {
    ObjectNode client = JacksonConfig.MAPPER.createObjectNode();
    client
        .put("clientId", view.clientId())
        .put("name", tenant.value() + " gateway " + view.id())
        .put("description", view.description())
        .put("enabled", true)
        .put("protocol", "openid-connect")
        .put("publicClient", false)
        .put("clientAuthenticatorType", "client-secret")
        .put("standardFlowEnabled", false)
        .put("implicitFlowEnabled", false)
        .put("directAccessGrantsEnabled", false)
        .put("serviceAccountsEnabled", true);
    client
        .putObject("attributes")
        .put(TENANT, tenant.value())
        .put(GATEWAY, view.id())
        .put(CREATED_BY, view.createdBy() == null ? "" : view.createdBy())
        .put(CREATED_AT, view.createdAt().toString());
    client.putArray("defaultClientScopes").add("basic").add("roles").add("service_account");
    ArrayNode mappers = client.putArray("protocolMappers");
    mappers.add(
        mapper(
            "audience " + tokens.audiences(),
            "oidc-audience-mapper",
            Map.of(
                "included.custom.audience",
                tokens.audiences(),
                "introspection.token.claim",
                "true")));
    mappers.add(
        mapper(
            "realm roles as groups",
            "oidc-usermodel-realm-role-mapper",
            Map.of("claim.name", "groups", "multivalued", "true", "jsonType.label", "String")));
    mappers.add(
        mapper(
            "tenant",
            "oidc-hardcoded-claim-mapper",
            Map.of(
                "claim.name",
                "tenant",
                "claim.value",
                tenant.value(),
                "jsonType.label",
                "String")));
    return client;
  }

  /** A protocol mapper whose claim goes into access tokens only. */
  private static ObjectNode mapper(String name, String type, Map<String, String> settings) {
    ObjectNode mapper = JacksonConfig.MAPPER.createObjectNode();
    mapper.put("name", name).put("protocol", "openid-connect").put("protocolMapper", type);
    ObjectNode config = mapper.putObject("config");
    config
        .put("access.token.claim", "true")
        .put("id.token.claim", "false")
        .put("userinfo.token.claim", "false");
    settings.forEach(config::put);
    return mapper;
  }

  private static GatewayView view(JsonNode client) {
    JsonNode attributes = attributes(client);
    String createdAt = attributes.path(CREATED_AT).asText("");
    return new GatewayView(
        attributes.path(GATEWAY).asText(),
        client.path("clientId").asText(),
        client.path("description").asText(""),
        createdAt.isEmpty() ? null : Instant.parse(createdAt),
        attributes.path(CREATED_BY).asText(null));
  }

  private static JsonNode attributes(JsonNode client) {
    return client.path("attributes");
  }

  private String tokenUrl() {
    return tokens.issuer() + "/protocol/openid-connect/token";
  }

  private static void run(Runnable action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  /** Keycloak's refusals become problems the caller can read; nothing of its answer is echoed. */
  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (KeycloakException e) {
      if (e.status() == 409) {
        throw ProblemException.conflict(ProblemTypes.DUPLICATE, e.getMessage());
      }
      throw new ProblemException(
          e.status(),
          "identity-provider-unavailable",
          "Identity provider unavailable",
          "Keycloak could not complete the change: " + e.getMessage(),
          List.of());
    }
  }
}
