package io.portolan.spend;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices the tenant's models from LiteLLM's model price map ({@code
 * model_prices_and_context_window.json}: {@code {"gpt-4o": {"input_cost_per_token": 2.5e-06,
 * "output_cost_per_token": 1e-05, "litellm_provider": "openai", ...}, ...}}, in USD). A model
 * matches the entry named by its id, or else the entries named {@code provider/<id>}; of several,
 * the one whose provider is the model's vendor. A changed price starts at {@code validFrom}; an
 * unchanged one is left alone.
 */
@ApplicationScoped
@Transactional
public class LiteLlmPriceImport {
  static final String SOURCE = "litellm";
  private static final String CURRENCY = "USD";
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal MAX_PER_MILLION = MILLION;

  @Inject PriceService prices;
  @PersistenceContext EntityManager em;

  /** What an import did, model by model. */
  public record Result(
      int entries,
      List<Imported> imported,
      List<String> unchanged,
      List<String> unmatched,
      List<Ambiguous> ambiguous) {}

  public record Imported(String model, String entry, Price price) {}

  public record Ambiguous(String model, List<String> entries) {}

  /** One priced entry of the map. */
  record Entry(
      String name, String provider, BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

  public Result importMap(TenantId tenant, JsonNode map, Instant validFrom) {
    if (map == null || !map.isObject()) {
      throw ProblemException.badRequest(
          "body", "must be LiteLLM's model price map: an object of model names to prices");
    }
    List<Entry> entries = entries(map);
    Instant from = (validFrom != null ? validFrom : Instant.now()).truncatedTo(ChronoUnit.MICROS);
    List<Imported> imported = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    List<Ambiguous> ambiguous = new ArrayList<>();
    for (Map.Entry<String, String> model : modelVendors(tenant).entrySet()) {
      List<Entry> candidates = candidates(entries, model.getKey(), model.getValue());
      if (candidates.isEmpty()) {
        unmatched.add(model.getKey());
      } else if (candidates.size() > 1) {
        ambiguous.add(new Ambiguous(model.getKey(), candidates.stream().map(Entry::name).toList()));
      } else {
        Entry entry = candidates.get(0);
        PriceInput input =
            new PriceInput(
                model.getKey(), CURRENCY, entry.inputPerMillion(), entry.outputPerMillion(), from);
        Price current =
            prices.list(tenant, model.getKey()).stream()
                .filter(p -> p.deployment() == null && p.validAt(from))
                .findFirst()
                .orElse(null);
        if (current != null
            && current.currency().equals(CURRENCY)
            && current.inputPerMillion().compareTo(entry.inputPerMillion()) == 0
            && current.outputPerMillion().compareTo(entry.outputPerMillion()) == 0) {
          unchanged.add(model.getKey());
        } else {
          imported.add(
              new Imported(model.getKey(), entry.name(), prices.create(tenant, input, SOURCE)));
        }
      }
    }
    return new Result(entries.size(), imported, unchanged, unmatched, ambiguous);
  }

  /**
   * The entries with a price per input and per output token; others (images, audio, the sample
   * spec) are skipped.
   */
  static List<Entry> entries(JsonNode map) {
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      BigDecimal input = perMillion(value.get("input_cost_per_token"));
      BigDecimal output = perMillion(value.get("output_cost_per_token"));
      if (input != null && output != null) {
        JsonNode provider = value.get("litellm_provider");
        entries.add(
            new Entry(
                field.getKey(),
                provider != null && provider.isTextual() ? provider.asText() : null,
                input,
                output));
      }
    }
    return entries;
  }

  /**
   * The entry named by the model's id; else those named provider/id, narrowed to the vendor's when
   * several.
   */
  static List<Entry> candidates(List<Entry> entries, String model, String vendor) {
    String id = model.toLowerCase(Locale.ROOT);
    List<Entry> exact =
        entries.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).equals(id)).toList();
    if (!exact.isEmpty()) {
      return exact.subList(0, 1);
    }
    List<Entry> prefixed =
        entries.stream().filter(e -> e.name().toLowerCase(Locale.ROOT).endsWith("/" + id)).toList();
    if (prefixed.size() <= 1) {
      return prefixed;
    }
    List<Entry> vendors =
        prefixed.stream()
            .filter(
                e ->
                    vendor.equalsIgnoreCase(e.provider())
                        || e.name()
                            .toLowerCase(Locale.ROOT)
                            .startsWith(vendor.toLowerCase(Locale.ROOT) + "/"))
            .toList();
    if (vendors.size() == 1) {
      return vendors;
    }
    List<Entry> among = vendors.isEmpty() ? prefixed : vendors;
    boolean samePrice =
        among.stream()
            .allMatch(
                e ->
                    e.inputPerMillion().compareTo(among.get(0).inputPerMillion()) == 0
                        && e.outputPerMillion().compareTo(among.get(0).outputPerMillion()) == 0);
    return samePrice ? among.subList(0, 1) : among;
  }

  private static BigDecimal perMillion(JsonNode perToken) {
    if (perToken == null || !perToken.isNumber() || !Double.isFinite(perToken.doubleValue())) {
      return null;
    }
    BigDecimal amount = perToken.decimalValue().multiply(MILLION);
    if (amount.signum() < 0 || amount.compareTo(MAX_PER_MILLION) > 0) {
      return null; // checked before rounding: rounding 1e999999 to 6 decimals would not end
    }
    BigDecimal stripped = amount.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private Map<String, String> modelVendors(TenantId tenant) {
    TenantScope.enter(em, tenant);
    Map<String, String> vendors = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery("select id, vendor_id from model where tenant_id = ?1 order by id")
            .setParameter(1, tenant.value())
            .getResultList()) {
      vendors.put((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]);
    }
    return vendors;
  }
}
