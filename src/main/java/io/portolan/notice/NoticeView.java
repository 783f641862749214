package io.portolan.notice;

import io.portolan.policy.SuspensionImpactView.Alternative;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as the API shows it and the webhook sends it: what happened or is coming to the team
 * ({@code kind}, about {@code subjectType}/{@code subjectId}, at {@code milestone}), when it takes
 * effect ({@code dueAt}), and the models the team may use instead, best first.
 */
public record NoticeView(
    UUID id,
    String kind,
    String subjectType,
    String subjectId,
    String milestone,
    String team,
    String title,
    String message,
    List<Alternative> alternatives,
    Instant dueAt,
    Instant createdAt) {}
