import { Card, CardBody, CardTitle, Gallery, Label, List, ListItem, PageSection, Title } from "@patternfly/react-core";
import { lazy, Suspense } from "react";
import { Link } from "react-router-dom";
import { loadAll, query, type Api, type Page } from "../../shared/api";
import { Loading, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { DependencyWarnings } from "../spend/DependencyWarnings";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { noticeLabel, type Notice } from "./notices";
import { allowedShare, modelsByJurisdiction } from "./overview";
import { can } from "../../shared/permissions";
import type { ApprovalRequest, Approval, Model, Vendor } from "../../shared/types";

// The charts bring Victory and d3 with them: a chunk of their own, loaded only with the overview.
const OverviewCharts = lazy(() => import("./OverviewCharts").then((m) => ({ default: m.OverviewCharts })));

interface Counts {
  allowed: number;
  denied: number;
}

const DAY = 24 * 60 * 60 * 1000;

async function decisionCounts(api: Api, since: Date): Promise<Counts> {
  const rows = (outcome: string) =>
    api
      .get<{ rows: number }>(`/api/v1/audit/decisions/manifest${query({ from: since.toISOString(), outcome })}`)
      .then((m) => m.rows);
  const [allowed, denied] = await Promise.all([rows("allow"), rows("deny")]);
  return { allowed, denied };
}

/** What needs attention now; each role sees the figures its role may read. */
export function OverviewPage() {
  const { api, user } = useApp();
  const showDecisions = can(user.roles, "decisions:read");
  const { data, error } = useLoader(async () => {
    const startOfToday = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
    const [pending, expiring, vendors, models, today, month, notices] = await Promise.all([
      api.get<Page<ApprovalRequest>>(`/api/v1/approval-requests${query({ status: "pending", size: 1 })}`),
      api.get<Page<Approval>>(`/api/v1/approvals${query({ expiringWithinDays: 30, size: 1 })}`),
      loadAll<Vendor>(api, "/api/v1/vendors"),
      loadAll<Model>(api, "/api/v1/models"),
      showDecisions ? decisionCounts(api, startOfToday) : Promise.resolve(null),
      showDecisions ? decisionCounts(api, new Date(Date.now() - 30 * DAY)) : Promise.resolve(null),
      // The server keeps requesters to their own team's notices.
      api.get<Page<Notice>>(`/api/v1/notices${query({ size: 10 })}`),
    ]);
    return { pending: pending.total, expiring: expiring.total, vendors, models, today, month, notices: notices.items };
  }, [showDecisions]);

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Overview</Title>
      </PageSection>
      <PageSection>
        <DependencyWarnings />
        <Loaded data={data} error={error} errorTitle="The overview could not be loaded">
          {(data) => (
            <Gallery hasGutter minWidths={{ default: "260px" }}>
              {data.today && <DecisionCard title="Decisions today" counts={data.today} />}
              {data.month && <DecisionCard title="Decisions, last 30 days" counts={data.month} />}
              <Card data-testid="card-pending">
                <CardTitle component="h2">Approvals pending</CardTitle>
                <CardBody>
                  <Figure value={data.pending} />
                  <Link to="/approvals">
                    {can(user.roles, "approvals:decide") ? "Work the queue" : "See the requests"}
                  </Link>
                </CardBody>
              </Card>
              <Card data-testid="card-expiring">
                <CardTitle component="h2">Approvals expiring within 30 days</CardTitle>
                <CardBody>
                  <Figure value={data.expiring} />
                </CardBody>
              </Card>
              <Card data-testid="card-suspended">
                <CardTitle component="h2">Vendors suspended</CardTitle>
                <CardBody>
                  <Figure value={data.vendors.filter((v) => v.suspended).length} />
                  <List isPlain>
                    {data.vendors
                      .filter((v) => v.suspended)
                      .map((v) => (
                        <ListItem key={v.id}>
                          {v.name}: {v.suspensionReason}
                        </ListItem>
                      ))}
                  </List>
                </CardBody>
              </Card>
              <Card data-testid="card-jurisdictions">
                <CardTitle component="h2">Models by vendor jurisdiction</CardTitle>
                <CardBody>
                  {data.models.length === 0 ? (
                    "No models yet: add vendors and models under Inventory."
                  ) : (
                    <List isPlain>
                      {modelsByJurisdiction(data.models, data.vendors).map(([jurisdiction, count]) => (
                        <ListItem key={jurisdiction}>
                          {jurisdiction}: {count}
                        </ListItem>
                      ))}
                    </List>
                  )}
                </CardBody>
              </Card>
            </Gallery>
          )}
        </Loaded>
        {data && (can(user.roles, "decisions:explore") || can(user.roles, "spend:read")) && (
          <Suspense fallback={<Loading />}>
            <OverviewCharts />
          </Suspense>
        )}
        {data && <Notices notices={data.notices} team={user.team} />}
      </PageSection>
    </>
  );
}

/** The latest notices to the teams: what changes for them, when, and where to move. */
function Notices({ notices, team }: { notices: Notice[]; team: string | null }) {
  return (
    <section aria-labelledby="notices-title" style={{ marginTop: "2rem" }} data-testid="notices">
      <Title headingLevel="h2" size="lg" id="notices-title">
        {team ? `Notices for ${team}` : "Notices to teams"}
      </Title>
      {notices.length === 0 ? (
        <p>
          No notices: nothing your teams use has been suspended, is about to be cut off, or has an approval about to
          expire.
        </p>
      ) : (
        <List isPlain>
          {notices.map((n) => (
            <ListItem
              key={n.id}
              data-testid={`notice-${n.kind}-${n.subjectType}-${n.subjectId}`}
              style={{ marginTop: "0.75rem" }}
            >
              <Label color={n.kind === "suspension" ? "red" : "orange"}>{noticeLabel(n)}</Label>{" "}
              <strong>{n.title}</strong>{" "}
              <small>
                (team {n.team}, {formatInstant(n.createdAt)})
              </small>
              <div>{n.message}</div>
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
}

function Figure({ value }: { value: number }) {
  return <div style={{ fontSize: "2rem", fontWeight: 600 }}>{value.toLocaleString()}</div>;
}

/** Allowed against denied as a bar whose numbers are written out, so it reads without colour. */
function DecisionCard({ title, counts }: { title: string; counts: Counts }) {
  const share = allowedShare(counts.allowed, counts.denied);
  return (
    <Card data-testid="card-decisions">
      <CardTitle component="h2">{title}</CardTitle>
      <CardBody>
        <p>
          <strong>{counts.allowed.toLocaleString()}</strong> allowed, <strong>{counts.denied.toLocaleString()}</strong>{" "}
          denied
        </p>
        {share === null ? (
          <p>No decisions logged in this window.</p>
        ) : (
          <div
            role="img"
            aria-label={`${share}% allowed`}
            style={{
              display: "flex",
              height: "0.75rem",
              borderRadius: 4,
              overflow: "hidden",
              marginTop: "0.5rem",
              background: "#c9190b",
            }}
          >
            <div style={{ width: `${share}%`, background: "#3e8635" }} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}
