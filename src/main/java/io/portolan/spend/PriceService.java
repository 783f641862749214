package io.portolan.spend;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.inventory.Deployment;
import io.portolan.inventory.InventoryRepository;
import io.portolan.inventory.Model;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's price list. Prices of one model (and deployment) never overlap in time; a new price
 * from a date ends the open-ended one before it on that date, so a price change is one new price.
 */
@ApplicationScoped
@Transactional
public class PriceService {
  static final String MANUAL = "manual";
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  @Inject PriceRepository prices;
  @Inject InventoryRepository inventory;
  @Inject Event<TenantChange> audit;

  /** The tenant's prices, or one model's. */
  public List<Price> list(TenantId tenant, String model) {
    return prices.ofModels(tenant, model == null ? null : List.of(model));
  }

  public Price get(TenantId tenant, String id) {
    return prices.find(tenant, id).orElseThrow(() -> ProblemException.notFound("price", id));
  }

  public Price create(TenantId tenant, PriceInput input) {
    return create(tenant, input, MANUAL);
  }

  Price create(TenantId tenant, PriceInput input, String source) {
    requireStorable("validFrom", input.validFrom());
    requireStorable("validTo", input.validTo());
    requireModel(tenant, input.model());
    requireDeployment(tenant, input.model(), input.deployment());
    Instant from =
        (input.validFrom() != null ? input.validFrom() : Instant.now())
            .truncatedTo(ChronoUnit.MICROS);
    Instant to = input.validTo() == null ? null : input.validTo().truncatedTo(ChronoUnit.MICROS);
    if (to != null && !to.isAfter(from)) {
      throw ProblemException.badRequest("validTo", "must be after validFrom (" + from + ")");
    }
    Price price =
        new Price(
            UUID.randomUUID().toString(),
            input.model(),
            input.deployment(),
            input.currency(),
            input.inputPerMillion(),
            input.outputPerMillion(),
            from,
            to,
            source,
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    prices.lockModel(tenant, input.model());
    List<Price> overlapping =
        prices.ofModels(tenant, List.of(input.model())).stream()
            .filter(
                p -> Objects.equals(p.deployment(), input.deployment()) && overlaps(p, from, to))
            .toList();
    for (Price p : overlapping) {
      if (!endsAt(p, from)) {
        throw ProblemException.conflict(
            ProblemTypes.PRICE_OVERLAP,
            "the price of '"
                + input.model()
                + "' valid from "
                + p.validFrom()
                + (p.validTo() == null ? "" : " to " + p.validTo())
                + " ("
                + p.id()
                + ") overlaps; delete it or choose dates outside it");
      }
    }
    for (Price p : overlapping) {
      prices.close(tenant, p.id(), from);
      audit.fire(
          new TenantChange(tenant, "price.updated", "price", p.id(), p, get(tenant, p.id())));
    }
    prices.insert(tenant, price);
    audit.fire(new TenantChange(tenant, "price.created", "price", price.id(), null, price));
    return price;
  }

  public void delete(TenantId tenant, String id) {
    Price price = get(tenant, id);
    prices.delete(tenant, id);
    audit.fire(new TenantChange(tenant, "price.deleted", "price", id, price, null));
  }

  /** Between 1970 and 9999: what the database and the engine's epoch milliseconds both hold. */
  private static void requireStorable(String field, Instant at) {
    if (at != null && (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST))) {
      throw ProblemException.badRequest(
          field, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
    }
  }

  private static boolean overlaps(Price p, Instant from, Instant to) {
    boolean startsBeforeItsEnd = to == null || p.validFrom().isBefore(to);
    boolean endsAfterItsStart = p.validTo() == null || p.validTo().isAfter(from);
    return startsBeforeItsEnd && endsAfterItsStart;
  }

  /** An open-ended price that began earlier: the new one takes over from its start. */
  private static boolean endsAt(Price p, Instant from) {
    return p.validTo() == null && p.validFrom().isBefore(from);
  }

  private void requireModel(TenantId tenant, String model) {
    if (inventory.find(tenant, Model.class, model).isEmpty()) {
      throw invalidReference("model", "model '" + model + "' does not exist; create it first");
    }
  }

  private void requireDeployment(TenantId tenant, String model, String deployment) {
    if (deployment == null) {
      return;
    }
    Deployment found =
        inventory
            .find(tenant, Deployment.class, deployment)
            .orElseThrow(
                () ->
                    invalidReference(
                        "deployment", "deployment '" + deployment + "' does not exist"));
    if (!found.modelId().equals(model)) {
      throw invalidReference(
          "deployment",
          "deployment '" + deployment + "' serves '" + found.modelId() + "', not '" + model + "'");
    }
  }

  private static ProblemException invalidReference(String field, String message) {
    return new ProblemException(
        422,
        ProblemTypes.INVALID_REFERENCE,
        "Invalid reference",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }
}
