import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { PORTOLAN_URL } from "./stack";

export const SCREENSHOTS = new URL("../test-results/", import.meta.url).pathname;
mkdirSync(SCREENSHOTS, { recursive: true });

/** Debian's Chromium, never a downloaded browser. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
}

/** A fresh browser profile signed in as `user` through the real Keycloak login pages. */
export async function signIn(
  browser: Browser,
  user: string,
  path = "/",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(PORTOLAN_URL + path);
  // With organizations on, Keycloak asks for the user name first, then the password.
  await page.locator("#username").fill(user);
  const password = page.locator("#password");
  if (!(await password.isVisible())) await page.locator("#kc-login").click();
  await password.fill(user);
  await page.locator("#kc-login").click();
  await page.getByTestId("masthead-user").waitFor();
  return { context, page };
}

/** No serious or critical accessibility violations on the screen as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** The whole screen: PatternFly scrolls inside its main container, so the viewport grows to fit it. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  await page.evaluate(() => document.querySelectorAll("main, main *, div").forEach((e) => (e.scrollTop = 0)));
  const height = await page.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll("main, main *, body")].map(
        (e) => e.scrollHeight + e.getBoundingClientRect().top,
      ),
    ),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
  await page.setViewportSize(viewport);
}
