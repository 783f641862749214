package io.portolan.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.inventory.ModelStatus;
import io.portolan.inventory.ModelView;
import io.portolan.inventory.VendorView;
import io.portolan.policy.SuspensionImpact;
import io.portolan.policy.SuspensionImpact.TeamAlternatives;
import io.portolan.policy.SuspensionImpactView.Alternative;
import io.portolan.tenancy.TenantChange;
import io.portolan.webhook.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Gives the teams a change touches their notice: for a suspension in the suspending transaction;
 * for announced cut-offs and expiring approvals when {@link NoticeSchedule} asks. Each notice names
 * the models the team may use instead, as the decision policy ranks them, and goes to the tenant's
 * webhook as {@code notice.<kind>} in the transaction that stored it.
 */
@ApplicationScoped
public class Notices {
  static final String SUSPENSION = "suspension";
  static final String CUT_OFF = "cut_off";
  static final String APPROVAL_EXPIRING = "approval_expiring";
  static final String BUDGET = "budget";

  private static final Logger LOG = Logger.getLogger(Notices.class.getName());

  @Inject NoticeRepository repository;
  @Inject SuspensionImpact impact;
  @Inject WebhookService webhooks;

  /**
   * A vendor or model just suspended: every team holding approvals in force for it is told. The
   * kill switch wins over its notices: when they cannot be worked out, the suspension still
   * commits.
   */
  void suspended(@Observes TenantChange change) {
    try {
      suspension(change);
    } catch (RuntimeException e) {
      LOG.warning(
          "no suspension notices for " + change.entityType() + " " + change.entityId() + ": " + e);
    }
  }

  private void suspension(TenantChange change) {
    if (change.before() instanceof VendorView before
        && change.after() instanceof VendorView after
        && !before.suspended()
        && after.suspended()) {
      ObjectNode published = impact.published(change.tenant());
      ObjectNode changed = published.deepCopy();
      ((ObjectNode) changed.path("vendors").path(after.id())).put("suspended", true);
      Set<String> models = modelsOf(published, after.id());
      String title = "Vendor " + after.id() + " is suspended";
      tell(
          change.tenant(),
          SUSPENSION,
          "vendor",
          after.id(),
          "suspended@" + after.updatedAt(),
          null,
          impact.alternatives(
              change.tenant(), published, changed, a -> models.contains(a.path("model").asText())),
          title,
          (team, lost) -> title + ": " + after.suspensionReason() + ". " + lost);
    } else if (change.before() instanceof ModelView before
        && change.after() instanceof ModelView after
        && before.status() != ModelStatus.SUSPENDED
        && after.status() == ModelStatus.SUSPENDED) {
      ObjectNode published = impact.published(change.tenant());
      ObjectNode changed = published.deepCopy();
      ((ObjectNode) changed.path("models").path(after.id())).put("status", "suspended");
      String title = "Model " + after.id() + " is suspended";
      tell(
          change.tenant(),
          SUSPENSION,
          "model",
          after.id(),
          "suspended@" + after.updatedAt(),
          null,
          impact.alternatives(
              change.tenant(),
              published,
              changed,
              a -> a.path("model").asText().equals(after.id())),
          title,
          (team, lost) -> title + ". " + lost);
    }
  }

  /**
   * Every notice due at {@code nowMs} for dated changes (cut-offs, approval expiries); how many
   * were given.
   */
  @Transactional
  public int due(TenantId tenant, long nowMs) {
    ObjectNode published = impact.published(tenant);
    return cutOffs(tenant, published, nowMs) + expiringApprovals(tenant, published, nowMs);
  }

  /** Notices for the vendors' and models' cut-offs at a milestone now. */
  private int cutOffs(TenantId tenant, ObjectNode published, long nowMs) {
    int given = 0;
    for (String kind : List.of("vendor", "model")) {
      for (Map.Entry<String, JsonNode> subject : fields(published.path(kind + "s"))) {
        JsonNode at = subject.getValue().path("cutOffAtMs");
        String milestone = at.isNumber() ? Milestones.of(nowMs, at.asLong()) : null;
        if (milestone == null
            || repository.exists(tenant, CUT_OFF, kind, subject.getKey(), milestone)) continue;
        given +=
            cutOff(tenant, published, kind, subject.getKey(), subject.getValue(), milestone, nowMs);
      }
    }
    return given;
  }

  private int cutOff(
      TenantId tenant,
      ObjectNode published,
      String kind,
      String id,
      JsonNode subject,
      String milestone,
      long nowMs) {
    long atMs = subject.path("cutOffAtMs").asLong();
    Set<String> models = kind.equals("model") ? Set.of(id) : modelsOf(published, id);
    // Alternatives must outlast it: every cut-off at or before this one counts as come.
    ObjectNode changed = published.deepCopy();
    for (String plural : List.of("vendors", "models")) {
      changed
          .path(plural)
          .forEach(
              node -> {
                if (node.path("cutOffAtMs").isNumber()
                    && node.path("cutOffAtMs").asLong() <= atMs) {
                  ((ObjectNode) node).put("cutOffAtMs", nowMs - 1);
                }
              });
    }
    String date = subject.path("cutOffAt").asText(Instant.ofEpochMilli(atMs).toString());
    String what = (kind.equals("vendor") ? "Vendor " : "Model ") + id;
    String title =
        milestone.equals(Milestones.ON_THE_DAY)
            ? what + " is cut off from " + date
            : what + " is cut off on " + date;
    String reason = subject.path("cutOffReason").asText("no reason given");
    return tell(
        tenant,
        CUT_OFF,
        kind,
        id,
        milestone,
        Instant.ofEpochMilli(atMs),
        impact.alternatives(
            tenant, published, changed, a -> models.contains(a.path("model").asText())),
        title,
        (team, lost) -> title + " (" + reason + "). " + lost);
  }

  /** Notices for approvals in force that expire within 7 days. */
  private int expiringApprovals(TenantId tenant, ObjectNode published, long nowMs) {
    int given = 0;
    for (Map.Entry<String, JsonNode> team : fields(published.path("approvals"))) {
      for (Map.Entry<String, JsonNode> model : fields(team.getValue())) {
        for (JsonNode approval : model.getValue()) {
          long expiresAtMs = approval.path("expiresAtMs").asLong();
          String id = approval.path("id").asText();
          if (expiresAtMs <= nowMs
              || !Milestones.WEEK_AHEAD.equals(Milestones.of(nowMs, expiresAtMs))
              || repository.exists(
                  tenant, APPROVAL_EXPIRING, "approval", id, Milestones.WEEK_AHEAD)) continue;
          ObjectNode changed = published.deepCopy();
          changed
              .path("approvals")
              .path(team.getKey())
              .path(model.getKey())
              .forEach(
                  a -> {
                    if (a.path("id").asText().equals(id))
                      ((ObjectNode) a).put("expiresAtMs", nowMs - 1);
                  });
          String title =
              "The approval of "
                  + model.getKey()
                  + " for "
                  + approval.path("purpose").asText()
                  + " expires on "
                  + Instant.ofEpochMilli(expiresAtMs);
          given +=
              tell(
                  tenant,
                  APPROVAL_EXPIRING,
                  "approval",
                  id,
                  Milestones.WEEK_AHEAD,
                  Instant.ofEpochMilli(expiresAtMs),
                  impact.alternatives(
                      tenant, published, changed, a -> a.path("id").asText().equals(id)),
                  title,
                  (t, lost) -> title + ": ask for a renewal. " + lost);
        }
      }
    }
    return given;
  }

  /**
   * A budget threshold reached (milestone such as {@code 2026-12:80}): told to the team and the
   * webhook once, whichever replica saw it first. Runs in the caller's transaction.
   */
  public boolean budgetReached(
      TenantId tenant,
      String budgetId,
      String milestone,
      String team,
      String title,
      String message,
      Instant periodEnd) {
    NoticeView notice =
        new NoticeView(
            UUID.randomUUID(),
            BUDGET,
            "budget",
            budgetId,
            milestone,
            team,
            title,
            message,
            List.of(),
            periodEnd,
            Instant.now());
    if (!repository.insert(tenant, notice)) {
      return false;
    }
    webhooks.queue(tenant, "notice." + BUDGET, notice);
    return true;
  }

  private interface Text {
    String of(String team, String lost);
  }

  private int tell(
      TenantId tenant,
      String kind,
      String subjectType,
      String subjectId,
      String milestone,
      Instant dueAt,
      List<TeamAlternatives> teams,
      String title,
      Text message) {
    int given = 0;
    for (TeamAlternatives team : teams) {
      NoticeView notice =
          new NoticeView(
              UUID.randomUUID(),
              kind,
              subjectType,
              subjectId,
              milestone,
              team.team(),
              title,
              message.of(team.team(), moves(team, dueAt != null && dueAt.isAfter(Instant.now()))),
              team.alternatives(),
              dueAt,
              Instant.now());
      if (repository.insert(tenant, notice)) {
        webhooks.queue(tenant, "notice." + kind, notice);
        given++;
      }
    }
    return given;
  }

  private static String moves(TeamAlternatives team, boolean ahead) {
    String loses =
        "Team "
            + team.team()
            + (ahead ? " will lose " : " loses ")
            + (team.approvals() == 1 ? "1 approval" : team.approvals() + " approvals");
    if (team.alternatives().isEmpty()) {
      return loses + " and has no approved alternative yet: ask for one.";
    }
    return loses
        + "; move to "
        + team.alternatives().stream().map(Alternative::model).collect(Collectors.joining(", "))
        + ".";
  }

  private static Set<String> modelsOf(ObjectNode published, String vendor) {
    Set<String> models = new TreeSet<>();
    fields(published.path("models"))
        .forEach(
            m -> {
              if (m.getValue().path("vendor").asText().equals(vendor)) models.add(m.getKey());
            });
    return models;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    List<Map.Entry<String, JsonNode>> fields = new java.util.ArrayList<>();
    object.fields().forEachRemaining(fields::add);
    return fields;
  }
}
