package io.portolan.alias;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.persistence.TenantScope;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.policy.ImpactAnalysis;
import io.portolan.policy.SuspensionImpact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an alias resolves to, under its published candidates and its draft, asked as the teams ask:
 * the distinct questions logged for the alias lately (its impact: whose calls would move, to what),
 * and each team, purpose and data classification the candidates are approved for (its resolution).
 * Answered by the decision policy itself over the tenant's published data, the draft swapped in.
 */
@ApplicationScoped
public class AliasImpact {
  static final Duration WINDOW = Duration.ofDays(7);
  private static final List<String> CLASSIFICATIONS =
      List.of("public", "internal", "confidential", "restricted");

  /** Distinct logged questions replayed at most: a busy alias repeats the same few. */
  private static final int MAX_QUESTIONS = 2_000;

  @PersistenceContext EntityManager em;
  @Inject AliasService aliases;
  @Inject SuspensionImpact documents;
  @Inject ImpactAnalysis analysis;

  /**
   * Where a call goes: the model and its deployment (null: the policy routes nowhere); the whole
   * null when denied.
   */
  public record Resolution(
      String model, @JsonInclude(JsonInclude.Include.NON_NULL) String deployment) {}

  /**
   * One question, how often it was asked in the window, and its resolution under the published
   * candidates and the draft's (each left out when the question would be denied; draft also when
   * there is none).
   */
  public record Question(
      String team,
      String purpose,
      String dataClassification,
      String region,
      @JsonInclude(JsonInclude.Include.NON_NULL) String taskTier,
      long calls,
      @JsonInclude(JsonInclude.Include.NON_NULL) Resolution published,
      @JsonInclude(JsonInclude.Include.NON_NULL) Resolution draft,
      boolean moves) {}

  /** The draft's impact: the calls of the window that would go elsewhere, and whose. */
  public record Impact(
      String alias,
      Instant from,
      Instant to,
      long calls,
      long movedCalls,
      List<String> teamsMoved,
      List<Question> questions) {}

  /**
   * Per team, purpose and classification in one region: where the alias resolves (and would, under
   * the draft).
   */
  public record ResolutionTable(
      String alias, String region, boolean hasDraft, List<Question> rows) {}

  @Transactional
  public Impact impact(TenantId tenant, String id) {
    Alias alias = aliases.requireDraft(tenant, id);
    Instant to = Instant.now();
    Instant from = to.minus(WINDOW);
    List<Question> asked = logged(tenant, id, from, to);
    List<Question> answered = answer(tenant, alias, asked);
    long calls = answered.stream().mapToLong(Question::calls).sum();
    long moved = answered.stream().filter(Question::moves).mapToLong(Question::calls).sum();
    List<String> teams =
        List.copyOf(
            new TreeSet<>(answered.stream().filter(Question::moves).map(Question::team).toList()));
    return new Impact(id, from, to, calls, moved, teams, answered);
  }

  @Transactional
  public ResolutionTable resolution(TenantId tenant, String id, String region) {
    Alias alias = aliases.get(tenant, id);
    ObjectNode published = documents.published(tenant);
    TreeSet<String> models = new TreeSet<>();
    alias.candidates().forEach(c -> models.add(c.model()));
    if (alias.draft() != null) {
      alias.draft().candidates().forEach(c -> models.add(c.model()));
    }
    List<Question> grid = new ArrayList<>();
    published
        .path("approvals")
        .fields()
        .forEachRemaining(
            team -> {
              TreeSet<String> purposes = new TreeSet<>();
              team.getValue()
                  .fields()
                  .forEachRemaining(
                      model -> {
                        if (models.contains(model.getKey())) {
                          model
                              .getValue()
                              .forEach(approval -> purposes.add(approval.path("purpose").asText()));
                        }
                      });
              for (String purpose : purposes) {
                for (String classification : CLASSIFICATIONS) {
                  grid.add(
                      new Question(
                          team.getKey(),
                          purpose,
                          classification,
                          region,
                          null,
                          0,
                          null,
                          null,
                          false));
                }
              }
            });
    return new ResolutionTable(
        id, region, alias.draft() != null, answer(tenant, alias, grid, published));
  }

  private List<Question> answer(TenantId tenant, Alias alias, List<Question> questions) {
    return answer(tenant, alias, questions, documents.published(tenant));
  }

  private List<Question> answer(
      TenantId tenant, Alias alias, List<Question> questions, ObjectNode published) {
    if (questions.isEmpty()) {
      return List.of();
    }
    List<JsonNode> before =
        analysis.answers(
            tenant,
            withCandidates(published, alias.id(), alias.candidates()),
            asked(alias.id(), questions));
    List<JsonNode> after =
        alias.draft() == null
            ? null
            : analysis.answers(
                tenant,
                withCandidates(published, alias.id(), alias.draft().candidates()),
                asked(alias.id(), questions));
    List<Question> answered = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      Resolution now = resolution(before.get(i));
      Resolution then = after == null ? null : resolution(after.get(i));
      answered.add(
          new Question(
              q.team(),
              q.purpose(),
              q.dataClassification(),
              q.region(),
              q.taskTier(),
              q.calls(),
              now,
              then,
              after != null && !Objects.equals(now, then)));
    }
    return answered;
  }

  /**
   * The tenant's published document with the alias's candidates as given (it need not be stored
   * yet).
   */
  private static ObjectNode withCandidates(
      ObjectNode published, String id, List<AliasCandidate> candidates) {
    ObjectNode document = published.deepCopy();
    ObjectNode all =
        document.has("aliases")
            ? (ObjectNode) document.get("aliases")
            : document.putObject("aliases");
    all.putObject(id).set("candidates", JacksonConfig.MAPPER.valueToTree(candidates));
    return document;
  }

  private static List<ObjectNode> asked(String alias, List<Question> questions) {
    return questions.stream()
        .map(
            q -> {
              ObjectNode question =
                  JacksonConfig.MAPPER
                      .createObjectNode()
                      .put("team", q.team())
                      .put("model", alias)
                      .put("purpose", q.purpose())
                      .put("dataClassification", q.dataClassification())
                      .put("region", q.region());
              if (q.taskTier() != null) {
                question.put("taskTier", q.taskTier());
              }
              return question;
            })
        .toList();
  }

  private static Resolution resolution(JsonNode answer) {
    if (!answer.path("allow").asBoolean()) {
      return null;
    }
    JsonNode route = answer.path("route");
    return new Resolution(
        answer.path("alias").path("model").asText(),
        route.path("deployment").isTextual() ? route.path("deployment").asText() : null);
  }

  private List<Question> logged(TenantId tenant, String alias, Instant from, Instant to) {
    TenantScope.enter(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "select team, purpose, data_classification, region, task_tier, count(*) from"
                    + " decision_log where tenant_id = ?1 and alias = ?2 and evaluated_at >= ?3 and"
                    + " evaluated_at < ?4 group by team, purpose, data_classification, region,"
                    + " task_tier order by count(*) desc, team, purpose limit "
                    + MAX_QUESTIONS)
            .setParameter(1, tenant.value())
            .setParameter(2, alias)
            .setParameter(3, from)
            .setParameter(4, to)
            .getResultList();
    List<Question> questions = new ArrayList<>();
    for (Object r : rows) {
      Object[] row = (Object[]) r;
      questions.add(
          new Question(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              (String) row[4],
              ((Number) row[5]).longValue(),
              null,
              null,
              false));
    }
    return questions;
  }
}
