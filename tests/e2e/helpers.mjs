// Shared helpers for Grip's browser tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), against the server started by tests/e2e/run.sh.
import { chromium } from "playwright-core";

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
