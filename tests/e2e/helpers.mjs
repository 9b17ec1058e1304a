// Shared helpers for Grip's browser tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), against the server started by tests/e2e/run.sh.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const BASE = process.env.GRIP_E2E_URL ?? "http://127.0.0.1:18080";
export const PASSWORD = process.env.GRIP_E2E_PASSWORD ?? "grip-demo";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/// A fresh page that records console errors and CSP violations (the policy forbids
/// anything from elsewhere, so any violation is a defect).
export async function newPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    // Refused requests (4xx) are logged by Chromium too; the tests provoke some on purpose.
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) page.problems.push(msg.text());
  });
  page.on("pageerror", (err) => page.problems.push(String(err)));
  return page;
}

export async function signIn(page, username, password = PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.click('button[type="submit"]')]);
}

export async function signOut(page) {
  await Promise.all([page.waitForURL(/\/login/), page.click("text=Uitloggen")]);
}

/// axe's violations on the current page, one line each.
export async function violations(page) {
  // Evaluated through the driver, not as an inline <script>: Grip's CSP rightly blocks those.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  return result;
}

/// Elements wider than the screen, for a readable failure message.
export async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("main *, header *, footer *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} (${Math.round(el.getBoundingClientRect().right)} px)`);
  });
}

