package io.portolan.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.policy.SuspensionImpactView.Alternative;
import io.portolan.policy.SuspensionImpactView.Approval;
import io.portolan.policy.SuspensionImpactView.TeamImpact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Previews a suspension over the tenant's published data: the same document decisions use, with the
 * vendor marked suspended (or the model's status set to suspended). Flips come from the impact
 * replay; alternatives from the decision policy's own ranking, asked as the affected team would ask
 * for each approval it loses.
 */
@ApplicationScoped
public class SuspensionImpact {
  private static final List<String> CLASSIFICATIONS =
      List.of("public", "internal", "confidential", "restricted");

  @Inject TenantPolicyData policyData;
  @Inject PolicyPublisher publisher;
  @Inject ImpactAnalysis analysis;

  /**
   * {@code scope}: {@code all} (the kill switch) or {@code vendor-operated} (the vendor's own
   * endpoints only).
   */
  public SuspensionImpactView ofVendor(TenantId tenant, String vendorId, String scope) {
    ObjectNode published = published(tenant);
    JsonNode vendor = published.path("vendors").get(vendorId);
    if (vendor == null) {
      throw ProblemException.notFound("vendor", vendorId);
    }
    ObjectNode changed = published.deepCopy();
    ((ObjectNode) changed.path("vendors").get(vendorId))
        .put("suspended", true)
        .put("suspensionReason", "suspension preview")
        .put("suspensionScope", scope);
    Set<String> models = new TreeSet<>();
    published
        .path("models")
        .fields()
        .forEachRemaining(
            m -> {
              if (m.getValue().path("vendor").asText().equals(vendorId)) models.add(m.getKey());
            });
    return preview(
        tenant,
        published,
        changed,
        new Subject(vendorId, null, null),
        models,
        vendor.path("suspended").asBoolean());
  }

  public SuspensionImpactView ofModel(TenantId tenant, String modelId) {
    ObjectNode published = published(tenant);
    JsonNode model = published.path("models").get(modelId);
    if (model == null) {
      throw ProblemException.notFound("model", modelId);
    }
    ObjectNode changed = published.deepCopy();
    ((ObjectNode) changed.path("models").get(modelId)).put("status", "suspended");
    return preview(
        tenant,
        published,
        changed,
        new Subject(null, modelId, null),
        Set.of(modelId),
        model.path("status").asText().equals("suspended"));
  }

  /**
   * A deployment's preview: it stops only the approved uses that no other deployment of the model
   * can serve under the published deployment rules (classifications without such rules are
   * untouched).
   */
  public SuspensionImpactView ofDeployment(TenantId tenant, String deploymentId) {
    ObjectNode published = published(tenant);
    JsonNode deployment = published.path("deployments").get(deploymentId);
    if (deployment == null) {
      throw ProblemException.notFound("deployment", deploymentId);
    }
    ObjectNode changed = published.deepCopy();
    ((ObjectNode) changed.path("deployments").get(deploymentId)).put("status", "suspended");
    return preview(
        tenant,
        published,
        changed,
        new Subject(null, null, deploymentId),
        Set.of(deployment.path("model").asText()),
        deployment.path("status").asText().equals("suspended"));
  }

  /** What is previewed: one of the three. */
  private record Subject(String vendor, String model, String deployment) {}

  private SuspensionImpactView preview(
      TenantId tenant,
      ObjectNode published,
      ObjectNode changed,
      Subject subject,
      Set<String> models,
      boolean alreadySuspended) {
    List<JsonNode> inForce = approvalsInForce(published, models);
    List<JsonNode> asked =
        analysis.answers(
            tenant,
            changed,
            inForce.stream().map(approval -> question(published, approval)).toList());
    // The approvals it stops: their widest use is denied once it is suspended (a vendor's or a
    // model's, all of them; a deployment's, those no other deployment serves).
    List<JsonNode> lost = new ArrayList<>();
    List<JsonNode> answers = new ArrayList<>();
    for (int i = 0; i < inForce.size(); i++) {
      if (!asked.get(i).path("allow").asBoolean()) {
        lost.add(inForce.get(i));
        answers.add(asked.get(i));
      }
    }
    List<Approval> approvals = new ArrayList<>();
    for (int i = 0; i < lost.size(); i++) {
      approvals.add(approval(lost.get(i), answers.get(i)));
    }
    // Only decisions about the models it takes out: others may differ from their logged outcome for
    // reasons of their own (data changed since), which are not this suspension's doing.
    ImpactReport decisions =
        analysis.replay(
            tenant,
            changed,
            analysis.window(null),
            List.copyOf(models),
            ImpactAnalysis.Progress.UNTIL_DONE);
    return new SuspensionImpactView(
        subject.vendor(),
        subject.model(),
        subject.deployment(),
        List.copyOf(models),
        alreadySuspended,
        approvals,
        teams(lost, answers),
        decisions);
  }

  /** The document decisions use now: the tenant's data under its published settings. */
  public ObjectNode published(TenantId tenant) {
    return policyData.build(tenant, publisher.policyHash());
  }

  /** A team's loss and where it can go: its ranked alternatives for its most sensitive lost use. */
  public record TeamAlternatives(String team, int approvals, List<Alternative> alternatives) {}

  /**
   * Per team that loses approvals in force ({@code lost} picks them; each is annotated with its
   * team and model), the models it may use instead under {@code changed}, best first.
   */
  public List<TeamAlternatives> alternatives(
      TenantId tenant, ObjectNode published, ObjectNode changed, Predicate<JsonNode> lost) {
    List<JsonNode> losses = approvalsInForce(published, lost);
    List<JsonNode> answers =
        analysis.answers(
            tenant, changed, losses.stream().map(a -> question(published, a)).toList());
    Map<String, Integer> count = countPerTeam(losses);
    List<TeamAlternatives> teams = new ArrayList<>();
    hardestPerTeam(losses)
        .forEach(
            (team, index) -> {
              List<Alternative> ranked = new ArrayList<>();
              answers.get(index).path("alternatives").forEach(alt -> ranked.add(alternative(alt)));
              teams.add(new TeamAlternatives(team, count.get(team), List.copyOf(ranked)));
            });
    return teams;
  }

  private static List<JsonNode> approvalsInForce(ObjectNode published, Set<String> models) {
    return approvalsInForce(
        published, approval -> models.contains(approval.path("model").asText()));
  }

  /**
   * Approvals not revoked nor expired that {@code picked} accepts; each annotated with its team and
   * model.
   */
  private static List<JsonNode> approvalsInForce(ObjectNode published, Predicate<JsonNode> picked) {
    long now = System.currentTimeMillis();
    List<JsonNode> lost = new ArrayList<>();
    published
        .path("approvals")
        .fields()
        .forEachRemaining(
            team ->
                team.getValue()
                    .fields()
                    .forEachRemaining(
                        byModel -> {
                          for (JsonNode approval : byModel.getValue()) {
                            JsonNode annotated =
                                ((ObjectNode) approval.deepCopy())
                                    .put("team", team.getKey())
                                    .put("model", byModel.getKey());
                            if (approval.path("expiresAtMs").asLong() > now
                                && picked.test(annotated)) {
                              lost.add(annotated);
                            }
                          }
                        }));
    lost.sort(
        Comparator.comparing((JsonNode a) -> a.path("team").asText())
            .thenComparing(a -> a.path("model").asText()));
    return lost;
  }

  /**
   * The question the team would ask for this approval's widest use: its top classification, in its
   * first region.
   */
  private static ObjectNode question(ObjectNode published, JsonNode approval) {
    String model = approval.path("model").asText();
    JsonNode regions = approval.path("regions");
    String region =
        regions.size() > 0
            ? regions.get(0).asText()
            : published.path("models").path(model).path("hostingRegions").path(0).asText("eu");
    ObjectNode question = JacksonConfig.MAPPER.createObjectNode();
    question.put("team", approval.path("team").asText()).put("model", model);
    question.put("purpose", approval.path("purpose").asText());
    question
        .put("dataClassification", approval.path("maxDataClassification").asText())
        .put("region", region);
    return question;
  }

  private static Approval approval(JsonNode approval, JsonNode answer) {
    List<String> regions = new ArrayList<>();
    approval.path("regions").forEach(r -> regions.add(r.asText()));
    JsonNode best = answer.path("alternatives").path(0);
    return new Approval(
        approval.path("id").asText(),
        approval.path("team").asText(),
        approval.path("model").asText(),
        approval.path("purpose").asText(),
        approval.path("maxDataClassification").asText(),
        regions,
        Instant.ofEpochMilli(approval.path("expiresAtMs").asLong()),
        best.isMissingNode() ? "none" : best.path("model").asText());
  }

  /** Per team, the best alternative for its most sensitive lost use (the hardest to replace). */
  private static List<TeamImpact> teams(List<JsonNode> lost, List<JsonNode> answers) {
    Map<String, Integer> count = countPerTeam(lost);
    List<TeamImpact> teams = new ArrayList<>();
    hardestPerTeam(lost)
        .forEach(
            (team, index) -> {
              JsonNode best = answers.get(index).path("alternatives").path(0);
              Alternative alternative = best.isMissingNode() ? null : alternative(best);
              teams.add(
                  new TeamImpact(
                      team,
                      count.get(team),
                      alternative,
                      alternative == null ? "none" : alternative.model()));
            });
    return teams;
  }

  private static Map<String, Integer> countPerTeam(List<JsonNode> lost) {
    Map<String, Integer> count = new LinkedHashMap<>();
    lost.forEach(approval -> count.merge(approval.path("team").asText(), 1, Integer::sum));
    return count;
  }

  /** Per team, in order of first loss, the index of its most sensitive lost approval. */
  private static Map<String, Integer> hardestPerTeam(List<JsonNode> lost) {
    Map<String, Integer> hardest = new LinkedHashMap<>();
    for (int i = 0; i < lost.size(); i++) {
      String team = lost.get(i).path("team").asText();
      Integer current = hardest.get(team);
      if (current == null || rank(lost.get(i)) > rank(lost.get(current))) {
        hardest.put(team, i);
      }
    }
    return hardest;
  }

  private static Alternative alternative(JsonNode answer) {
    return new Alternative(
        answer.path("model").asText(),
        answer.path("vendor").asText(),
        answer.path("jurisdiction").asText(),
        answer.path("why").asText());
  }

  private static int rank(JsonNode approval) {
    return CLASSIFICATIONS.indexOf(approval.path("maxDataClassification").asText());
  }
}
