import { Card, CardBody, CardTitle, EmptyState, EmptyStateBody, Grid, GridItem, Title } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { Chart, ChartAxis, ChartBar, ChartGroup, ChartStack, ChartTooltip } from "@patternfly/react-charts/victory";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { Page } from "../../shared/api";
import { query } from "../../shared/api";
import { useApp } from "../../shared/context";
import type { LoggedDecision } from "../decisions/explorer";
import {
  bucketByDay,
  countReasons,
  currencies,
  dayCountPath,
  explorerLink,
  lastDays,
  monthToDate,
  noDecisions,
  reasonsScope,
  shortDay,
  spendBars,
  spendLink,
  topSpendKeys,
  type DayCounts,
  type SpendBar,
} from "./overviewCharts";
import { can } from "../../shared/permissions";
import { formatCost, type SpendReport } from "../spend/spend";
import { ErrorAlert, Loading, useLoader } from "../../shared/components/common";

const DECISION_DAYS = 14;
const REASON_DAYS = 7;
const REASON_SAMPLE = 500;
const DAY = 24 * 60 * 60 * 1000;
const ALLOWED = "#3e8635";
const DENIED = "#c9190b";
/** One colour per currency, in the order of the most spent; different currencies never share a bar. */
const CURRENCY_COLOURS = ["#0066cc", "#8476d1", "#f0ab00", "#009596", "#4cb140"];

interface Datum {
  x: string;
  y: number;
  href: string;
  label: string;
}

/** A click on a bar opens what it counts; the table beside each chart holds the same links for the keyboard. */
function useBarLinks() {
  const navigate = useNavigate();
  return [
    {
      target: "data" as const,
      eventHandlers: {
        onClick: () => [
          {
            target: "data" as const,
            mutation: (props: { datum?: Datum }) => {
              if (props.datum?.href) navigate(props.datum.href);
              return null;
            },
          },
        ],
      },
    },
  ];
}

/** Trends for the roles that may read them: decisions per day, why decisions were denied, and this month's spend. */
export function OverviewCharts() {
  const { user } = useApp();
  const decisions = can(user.roles, "decisions:explore");
  const spend = can(user.roles, "spend:read");
  if (!decisions && !spend) return null;
  return (
    <section aria-labelledby="trends-title" style={{ marginTop: "2rem" }} data-testid="overview-charts">
      <Title headingLevel="h2" size="lg" id="trends-title" style={{ marginBottom: "1rem" }}>
        Trends
      </Title>
      <Grid hasGutter>
        {decisions && (
          <GridItem xl={7} lg={12}>
            <DecisionsChart />
          </GridItem>
        )}
        {decisions && (
          <GridItem xl={5} lg={12}>
            <DenyReasonsChart />
          </GridItem>
        )}
        {spend && <SpendCharts />}
      </Grid>
    </section>
  );
}

function NoData({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EmptyState variant="xs" titleText={title} headingLevel="h4" data-testid="chart-empty">
      <EmptyStateBody>{children}</EmptyStateBody>
    </EmptyState>
  );
}

/** Scrolls when long; focusable, so the keyboard can scroll it too. */
function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      style={{ maxHeight: "18rem", overflowY: "auto", marginTop: "0.5rem" }}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}

function DecisionsChart() {
  const { api } = useApp();
  const events = useBarLinks();
  const { data, error } = useLoader(async () => {
    const days = lastDays(DECISION_DAYS);
    const totals = await Promise.all(
      days.flatMap((day) =>
        (["allow", "deny"] as const).map((outcome) =>
          api.get<Page<LoggedDecision>>(dayCountPath(day, outcome)).then((p) => ({ day, outcome, total: p.total })),
        ),
      ),
    );
    return bucketByDay(days, totals);
  }, []);
  const series = (counts: DayCounts[], outcome: "allow" | "deny"): Datum[] =>
    counts.map((c) => {
      const y = outcome === "allow" ? c.allowed : c.denied;
      return {
        x: shortDay(c.day),
        y,
        href: explorerLink(outcome, c.day),
        label: `${c.day}: ${y.toLocaleString("en")} ${outcome === "allow" ? "allowed" : "denied"}`,
      };
    });
  return (
    <Card data-testid="chart-decisions" isFullHeight>
      <CardTitle component="h3">Decisions allowed and denied, last {DECISION_DAYS} days</CardTitle>
      <CardBody>
        <ErrorAlert error={error} title="The decisions per day could not be loaded" />
        {!data && !error && <Loading />}
        {data && noDecisions(data) && (
          <NoData title="No decisions">No decision was logged in the last {String(DECISION_DAYS)} days.</NoData>
        )}
        {data && !noDecisions(data) && (
          <>
            <div style={{ height: 260 }}>
              <Chart
                ariaTitle={`Decisions allowed and denied per day, last ${DECISION_DAYS} days`}
                ariaDesc="Stacked bars per UTC day: allowed decisions in green, denied in red; the table below has the numbers."
                height={260}
                width={640}
                domainPadding={{ x: 16 }}
                padding={{ top: 20, bottom: 70, left: 60, right: 20 }}
                legendData={[
                  { name: "Allowed", symbol: { fill: ALLOWED } },
                  { name: "Denied", symbol: { fill: DENIED } },
                ]}
                legendPosition="bottom"
              >
                <ChartAxis fixLabelOverlap />
                <ChartAxis
                  dependentAxis
                  showGrid
                  tickFormat={(t: number) => (Number.isInteger(t) ? t.toLocaleString("en") : "")}
                />
                <ChartStack>
                  {(["allow", "deny"] as const).map((outcome) => (
                    <ChartBar
                      key={outcome}
                      name={outcome === "allow" ? "Allowed" : "Denied"}
                      data={series(data, outcome)}
                      style={{ data: { fill: outcome === "allow" ? ALLOWED : DENIED, cursor: "pointer" } }}
                      labelComponent={<ChartTooltip constrainToVisibleArea />}
                      events={events}
                    />
                  ))}
                </ChartStack>
              </Chart>
            </div>
            <TableBox label="Decisions per day">
              <Table
                aria-label="Decisions allowed and denied per day"
                variant="compact"
                data-testid="decisions-per-day"
              >
                <Thead>
                  <Tr>
                    <Th>Day (UTC)</Th>
                    <Th>Allowed</Th>
                    <Th>Denied</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {[...data].reverse().map((c) => (
                    <Tr key={c.day} data-testid={`decisions-day-${c.day}`}>
                      <Td dataLabel="Day (UTC)">{c.day}</Td>
                      <Td dataLabel="Allowed">
                        <Link
                          to={explorerLink("allow", c.day)}
                          aria-label={`${c.allowed.toLocaleString("en")} allowed on ${c.day}`}
                          data-testid={`allowed-${c.day}`}
                        >
                          {c.allowed.toLocaleString("en")}
                        </Link>
                      </Td>
                      <Td dataLabel="Denied">
                        <Link
                          to={explorerLink("deny", c.day)}
                          aria-label={`${c.denied.toLocaleString("en")} denied on ${c.day}`}
                          data-testid={`denied-${c.day}`}
                        >
                          {c.denied.toLocaleString("en")}
                        </Link>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </TableBox>
          </>
        )}
      </CardBody>
    </Card>
  );
}

function DenyReasonsChart() {
  const { api } = useApp();
  const events = useBarLinks();
  const { data, error } = useLoader(async () => {
    const since = new Date(Date.now() - REASON_DAYS * DAY);
    const page = await api.get<Page<LoggedDecision>>(
      `/api/v1/audit/decisions/search${query({ from: since.toISOString(), outcome: "deny", size: REASON_SAMPLE })}`,
    );
    return {
      reasons: countReasons(page.items),
      sampled: page.items.length,
      total: page.total,
      from: since.toISOString().slice(0, 10),
    };
  }, []);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card data-testid="chart-reasons" isFullHeight>
      <CardTitle component="h3">Top deny reasons, last {REASON_DAYS} days</CardTitle>
      <CardBody>
        <ErrorAlert error={error} title="The deny reasons could not be loaded" />
        {!data && !error && <Loading />}
        {data && data.reasons.length === 0 && (
          <NoData title="No denials">No decision was denied in the last {String(REASON_DAYS)} days.</NoData>
        )}
        {data && data.reasons.length > 0 && (
          <>
            <p data-testid="reasons-scope">
              Counted in {reasonsScope(data.sampled, data.total, REASON_DAYS)}; a decision with several reasons counts
              for each.
            </p>
            <div style={{ height: 60 + 34 * data.reasons.length }}>
              <Chart
                ariaTitle={`Top deny reasons, last ${REASON_DAYS} days`}
                ariaDesc={`How many denied decisions gave each reason, in ${reasonsScope(data.sampled, data.total, REASON_DAYS)}; the table below has the numbers.`}
                horizontal
                height={60 + 34 * data.reasons.length}
                width={520}
                domainPadding={{ x: 14 }}
                padding={{ top: 10, bottom: 40, left: 200, right: 30 }}
              >
                <ChartAxis />
                <ChartAxis
                  dependentAxis
                  showGrid
                  tickFormat={(t: number) => (Number.isInteger(t) ? t.toLocaleString("en") : "")}
                />
                <ChartBar
                  data={[...data.reasons].reverse().map(([code, count]) => ({
                    x: code,
                    y: count,
                    href: explorerLink("deny", data.from, today),
                    label: `${code}: ${count.toLocaleString("en")}`,
                  }))}
                  style={{ data: { fill: DENIED, cursor: "pointer" } }}
                  labelComponent={<ChartTooltip constrainToVisibleArea />}
                  events={events}
                />
              </Chart>
            </div>
            <TableBox label="Deny reasons">
              <Table
                aria-label="Deny reasons and how many denials gave them"
                variant="compact"
                data-testid="deny-reasons"
              >
                <Thead>
                  <Tr>
                    <Th>Reason</Th>
                    <Th>Denials</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {data.reasons.map(([code, count]) => (
                    <Tr key={code} data-testid={`reason-${code}`}>
                      <Td dataLabel="Reason">
                        <Link
                          to={explorerLink("deny", data.from, today)}
                          aria-label={`${code}: denied decisions of the last ${REASON_DAYS} days`}
                        >
                          {code}
                        </Link>
                      </Td>
                      <Td dataLabel="Denials">{count.toLocaleString("en")}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </TableBox>
          </>
        )}
      </CardBody>
    </Card>
  );
}

const SPEND_GROUPS = [
  { groupBy: "team", title: "Spend per team", link: "team", label: "Team" },
  {
    groupBy: "jurisdiction",
    title: "Spend per vendor jurisdiction",
    link: "jurisdiction",
    label: "Vendor jurisdiction",
  },
  {
    groupBy: "operatorJurisdiction",
    title: "Spend per operator jurisdiction (where calls were routed)",
    link: undefined,
    label: "Operator jurisdiction",
  },
] as const;

type SpendGroup = (typeof SPEND_GROUPS)[number];

function SpendCharts() {
  const { api } = useApp();
  const month = monthToDate();
  const { data, error } = useLoader(
    () =>
      Promise.all(
        SPEND_GROUPS.map((g) =>
          api.get<SpendReport>(`/api/v1/spend${query({ groupBy: g.groupBy, from: month.from, to: month.to })}`),
        ),
      ),
    [],
  );
  return (
    <>
      {error ? (
        <GridItem span={12}>
          <ErrorAlert error={error} title="This month's spend could not be loaded" />
        </GridItem>
      ) : null}
      {!data && !error && (
        <GridItem span={12}>
          <Loading />
        </GridItem>
      )}
      {data &&
        SPEND_GROUPS.map((g, i) => (
          <GridItem key={g.groupBy} xl={4} lg={6} md={12}>
            <SpendChart group={g} bars={spendBars(data[i].items)} window={month} />
          </GridItem>
        ))}
    </>
  );
}

function SpendChart({
  group,
  bars,
  window,
}: {
  group: SpendGroup;
  bars: SpendBar[];
  window: { from: string; to: string };
}) {
  const events = useBarLinks();
  const href = spendLink(group.link, window);
  const keys = topSpendKeys(bars);
  const money = currencies(bars);
  const drawn = money.length > 0 && bars.some((b) => b.costMicros > 0);
  const height = 70 + keys.length * (14 + 12 * money.length);
  return (
    <Card data-testid={`chart-spend-${group.groupBy}`} isFullHeight>
      <CardTitle component="h3">
        {group.title}, {window.from} to {window.to}
      </CardTitle>
      <CardBody>
        {bars.length === 0 && <NoData title="No spend">No usage was reported this month.</NoData>}
        {bars.length > 0 && !drawn && (
          <p>Calls were reported this month, but none had a cost or a price: the table has the calls.</p>
        )}
        {drawn && (
          <div style={{ height }}>
            <Chart
              ariaTitle={`${group.title} this month`}
              ariaDesc={`Cost per ${group.label.toLowerCase()} from ${window.from} to ${window.to}, one bar per currency (${money.join(", ")}), the ${keys.length} biggest; the table below has every row.`}
              horizontal
              height={height}
              width={400}
              domainPadding={{ x: 12 }}
              padding={{ top: 10, bottom: money.length > 1 ? 70 : 45, left: 150, right: 30 }}
              legendData={
                money.length > 1
                  ? money.map((c, i) => ({ name: c, symbol: { fill: CURRENCY_COLOURS[i % CURRENCY_COLOURS.length] } }))
                  : undefined
              }
              legendPosition="bottom"
            >
              <ChartAxis tickFormat={(t: string) => (t.length > 18 ? `${t.slice(0, 17)}…` : t)} />
              <ChartAxis dependentAxis showGrid fixLabelOverlap />
              <ChartGroup offset={12} horizontal>
                {money.map((currency, i) => (
                  <ChartBar
                    key={currency}
                    name={currency}
                    barWidth={10}
                    data={[...keys].reverse().map((key) => {
                      const bar = bars.find((b) => b.key === key && b.currency === currency);
                      return {
                        x: key,
                        y: bar?.amount ?? 0,
                        href,
                        label: `${key}: ${formatCost(bar?.costMicros ?? 0, currency)}`,
                      };
                    })}
                    style={{ data: { fill: CURRENCY_COLOURS[i % CURRENCY_COLOURS.length], cursor: "pointer" } }}
                    labelComponent={<ChartTooltip constrainToVisibleArea />}
                    events={events}
                  />
                ))}
              </ChartGroup>
            </Chart>
          </div>
        )}
        {bars.length > 0 && (
          <TableBox label={group.title}>
            <Table aria-label={`${group.title} this month`} variant="compact" data-testid={`spend-${group.groupBy}`}>
              <Thead>
                <Tr>
                  <Th>{group.label}</Th>
                  <Th>Cost</Th>
                  <Th>Calls</Th>
                </Tr>
              </Thead>
              <Tbody>
                {bars.map((b) => (
                  <Tr key={`${b.key}-${b.currency}`} data-testid={`spend-${group.groupBy}-${b.key}-${b.currency}`}>
                    <Td dataLabel={group.label}>
                      <Link to={href} aria-label={`${b.key}: spend this month`}>
                        {b.key}
                      </Link>
                    </Td>
                    <Td dataLabel="Cost">{formatCost(b.costMicros, b.currency)}</Td>
                    <Td dataLabel="Calls">{b.calls.toLocaleString("en")}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </TableBox>
        )}
      </CardBody>
    </Card>
  );
}
