package io.portolan.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portolan.infrastructure.web.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");

  private static Price price(String input, String output, Instant from, Instant to) {
    return new Price(
        "p",
        "m",
        null,
        "USD",
        new BigDecimal(input),
        new BigDecimal(output),
        from,
        to,
        "manual",
        from);
  }

  @Test
  void aCallCostsItsTokensTimesThePricePerMillionInMicros() {
    assertEquals(7_500, price("2.5", "10", JAN, null).costMicros(1000, 500));
    assertEquals(
        1, price("0.15", "0.6", JAN, null).costMicros(3, 1), "0.45 + 0.6 rounds half up to 1");
    assertEquals(100_000_000_000_000L, price("1000000", "0", JAN, null).costMicros(100_000_000, 0));
  }

  @Test
  void aPriceIsValidFromItsStartUntilBeforeItsEnd() {
    Price january = price("1", "1", JAN, FEB);
    assertTrue(january.validAt(JAN));
    assertFalse(january.validAt(FEB));
    assertFalse(january.validAt(JAN.minusSeconds(1)));
    assertTrue(price("1", "1", JAN, null).validAt(Instant.parse("2099-01-01T00:00:00Z")));
  }

  @Test
  void liteLlmEntriesArePerTokenInDollarsAndOnlyTokenPricedOnesCount() throws Exception {
    JsonNode map =
        new ObjectMapper()
            .readTree(
                """
                {"sample_spec": {"input_cost_per_token": 0, "output_cost_per_token": 0, "litellm_provider": "one of"},
                 "gpt-4o": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "litellm_provider": "openai"},
                 "dall-e-3": {"input_cost_per_pixel": 4e-08, "litellm_provider": "openai"},
                 "huge": {"input_cost_per_token": 1e308, "output_cost_per_token": 1, "litellm_provider": "x"},
                 "negative": {"input_cost_per_token": -1e-06, "output_cost_per_token": 1e-06, "litellm_provider": "x"},
                 "tiny": {"input_cost_per_token": 1e-300, "output_cost_per_token": "0.1", "litellm_provider": "x"}}
                """);
    List<LiteLlmPriceImport.Entry> entries = LiteLlmPriceImport.entries(map);
    assertEquals(
        List.of("sample_spec", "gpt-4o"),
        entries.stream().map(LiteLlmPriceImport.Entry::name).toList());
    assertEquals(new BigDecimal("2.5"), entries.get(1).inputPerMillion());
    assertEquals(new BigDecimal("10"), entries.get(1).outputPerMillion());
  }

  @Test
  void aModelMatchesItsOwnEntryFirstThenItsVendorsPrefixedOne() {
    var own = new LiteLlmPriceImport.Entry("gpt-4o", "openai", BigDecimal.ONE, BigDecimal.ONE);
    var azure =
        new LiteLlmPriceImport.Entry("azure/gpt-4o", "azure", BigDecimal.TEN, BigDecimal.TEN);
    var mistral =
        new LiteLlmPriceImport.Entry(
            "mistral/mistral-large", "mistral", BigDecimal.ONE, BigDecimal.ONE);
    var bedrock =
        new LiteLlmPriceImport.Entry(
            "bedrock/mistral-large", "bedrock", BigDecimal.TEN, BigDecimal.TEN);
    var other =
        new LiteLlmPriceImport.Entry(
            "other/mistral-large", "other", BigDecimal.TEN, BigDecimal.TEN);
    List<LiteLlmPriceImport.Entry> all = List.of(own, azure, mistral, bedrock);
    assertEquals(List.of(own), LiteLlmPriceImport.candidates(all, "GPT-4o", "openai"));
    assertEquals(List.of(mistral), LiteLlmPriceImport.candidates(all, "mistral-large", "mistral"));
    assertEquals(
        List.of(mistral, bedrock),
        LiteLlmPriceImport.candidates(all, "mistral-large", "acme-ai"),
        "two prices and neither the vendor's: ambiguous");
    assertEquals(
        List.of(bedrock),
        LiteLlmPriceImport.candidates(List.of(bedrock, other), "mistral-large", "acme-ai"),
        "two entries with one price: either will do");
    assertEquals(List.of(), LiteLlmPriceImport.candidates(all, "llama-3", "meta"));
  }

  @Test
  void aSpendWindowDefaultsToThisMonthAndRefusesWhatCannotBeAnswered() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    SpendQuery query = new SpendQuery();
    assertEquals(
        new SpendQuery.Window(
            java.time.LocalDate.parse("2026-12-01"), java.time.LocalDate.parse("2026-12-07")),
        query.window(clock));
    query.from = "2026-12-08";
    assertEquals("from", field(() -> query.window(clock)));
    query.from = "2016-01-01";
    query.to = "2026-01-01";
    assertEquals("from", field(() -> query.window(clock)));
    query.from = "2024-12-01";
    query.interval = "day";
    assertEquals("interval", field(() -> query.window(clock)));
    query.interval = "month";
    assertEquals(java.time.LocalDate.parse("2024-12-01"), query.window(clock).from());
    query.from = "+999999999-01-01";
    assertEquals("from", field(() -> query.window(clock)));
  }

  private static String field(Runnable call) {
    return assertThrows(ProblemException.class, call::run).toProblem().errors().get(0).field();
  }
}
