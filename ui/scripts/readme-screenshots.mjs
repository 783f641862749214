// Screenshots for the README, taken from the real app with `make run`'s demo data:
//   node ui/scripts/readme-screenshots.mjs    (stack up on 8080/8180; writes docs/images/*.png)
// It first files two approval requests as bob, so the officers' queue has something in it.
import { chromium } from "playwright-core";

const PORTOLAN = process.env.PORTOLAN_URL ?? "http://localhost:8080";
const KEYCLOAK = process.env.KEYCLOAK_URL ?? "http://localhost:8180";
const OUT = new URL("../../docs/images/", import.meta.url).pathname;

async function token(user) {
  const body = new URLSearchParams({
    grant_type: "password",
    client_id: "portolan-cli",
    username: user,
    password: user,
  });
  const reply = await fetch(`${KEYCLOAK}/realms/portolan/protocol/openid-connect/token`, { method: "POST", body });
  return (await reply.json()).access_token;
}

async function fileRequest(bob, request) {
  const pending = await fetch(`${PORTOLAN}/api/v1/approval-requests?status=pending&team=${request.team}`, {
    headers: { Authorization: `Bearer ${bob}` },
  });
  if ((await pending.json()).items.some((r) => r.model === request.model)) return; // filed by an earlier run
  const reply = await fetch(`${PORTOLAN}/api/v1/approval-requests`, {
    method: "POST",
    headers: { Authorization: `Bearer ${bob}`, "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  if (![201, 409].includes(reply.status)) throw new Error(`request refused: ${reply.status} ${await reply.text()}`);
}

async function shoot(browser, user, path, name) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(PORTOLAN + path);
  await page.locator("#username").fill(user);
  const password = page.locator("#password");
  if (!(await password.isVisible())) await page.locator("#kc-login").click();
  await password.fill(user);
  await page.locator("#kc-login").click();
  await page.getByTestId("masthead-user").waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${OUT}${name}.png` });
  await page.close();
}

const bob = await token("bob");
await fileRequest(bob, {
  team: "research",
  model: "mistral-large-2",
  purpose: "chat",
  maxDataClassification: "confidential",
  regions: ["eu"],
  justification: "Summarise customer tickets in French and German",
});
await fileRequest(bob, {
  team: "research",
  model: "llama-3.3-70b",
  purpose: "code-review",
  maxDataClassification: "internal",
  regions: ["eu", "uk"],
  justification: "Self-hosted reviewer for the platform repositories",
});

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-background-networking"],
});
try {
  await shoot(browser, "dave", "/", "overview"); // the tenant admin sees every figure
  await shoot(browser, "alice", "/approvals", "approval-queue");
} finally {
  await browser.close();
}
console.log(`written to ${OUT}`);
