// Accessibility and layout of every page in a real browser: signed in as several roles, the
// test walks every page reachable from the menus and a dossier's sub-pages, and on each, at a
// desktop (1,280 px) and a phone (390 px) width, runs axe-core (injected from node_modules,
// nothing fetched) and checks that nothing runs off the screen sideways. Screenshots go to
// $GRIP_E2E_SHOTS when it is set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, launch, newPage, overflow, signIn, violations } from "./helpers.mjs";

const SHOTS = process.env.GRIP_E2E_SHOTS;
const WIDTHS = [1280, 390];
const ROLES = ["inkoper", "jurist", "beoordelaar1", "auditor", "beheerder"];
/// Links that are not pages: downloads, exports, language switch, sign-out.
const NOT_PAGES = [/^\/documents\/[^/]+$/, /\/export/, /^\/lang\//, /^\/logout/, /^\/assets\//, /^\/api\//];

/// A page's kind: its path with ids replaced, so each kind is checked once per role.
function kind(path) {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\/\d+(?=\/|$)/g, "/:n");
}

/// The internal links on the current page under `prefixes`, as paths without query or hash.
async function links(page, prefixes) {
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
  return [...new Set(hrefs.filter((h) => h.startsWith("/")).map((h) => h.split(/[?#]/)[0]))].filter(
    (p) => prefixes.some((prefix) => p.startsWith(prefix)) && !NOT_PAGES.some((re) => re.test(p)),
  );
}

/// Checks the current page at every width; returns the problems found.
async function check(page, role, path) {
  const problems = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const v of await violations(page)) problems.push(`${path} @${width}: ${v}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) problems.push(`${path} @${width}: ${wide} px too wide: ${(await overflow(page)).join(", ")}`);
    if (SHOTS) {
      const name = `${role}${kind(path).replace(/[/:]+/g, "-")}-${width}.png`.replace(/-+/g, "-");
      await page.screenshot({ path: join(SHOTS, name), fullPage: true });
    }
  }
  return problems;
}

/// A demo dossier with a classification, with a screening job started on it, so that every
/// kind of dossier page exists. The demo has no classifications of its own: this file runs
/// after classify.spec.mjs (files run in name order), whose classification it finds.
async function prepareDossier(page) {
  await signIn(page, "inkoper");
  await page.goto(`${BASE}/dossiers`);
  for (const path of await links(page, ["/dossiers/"])) {
    if (path === "/dossiers/new") continue;
    await page.goto(`${BASE}${path}`);
    if ((await page.locator('a[href*="/classifications/"]').count()) === 0) continue;
    const dir = mkdtempSync(join(tmpdir(), "grip-e2e-a11y-"));
    const file = join(dir, "offerte.txt");
    writeFileSync(file, "De camera herkent kentekens met een neuraal netwerk.\n");
    await page.setInputFiles('input[name="files"]', file);
    const bulk = page.locator('[data-testid="bulk-form"]');
    await bulk.locator('input[name="provenance"][value="internal"]').check();
    await bulk.locator('select[name="role"]').selectOption("inkoper");
    await Promise.all([page.waitForURL(/\/screening-jobs\//), bulk.locator('button[type="submit"]').click()]);
    await page.waitForSelector('[data-testid="job-progress"][data-state="done"]', { timeout: 30_000 });
    return path;
  }
  throw new Error("no demo dossier with a classification");
}

test("every page has no axe violations and fits 1,280 and 390 px screens", { timeout: 900_000 }, async () => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const browser = await launch();
  const problems = [];
  const checked = new Set();
  const visited = [];
  try {
    const setup = await newPage(browser);
    const dossier = await prepareDossier(setup);
    await setup.context().close();

    // Signed out: the sign-in page.
    const anonymous = await newPage(browser);
    await anonymous.goto(`${BASE}/login`);
    problems.push(...(await check(anonymous, "anonymous", "/login")));
    visited.push("anonymous /login");
    await anonymous.context().close();

    for (const role of ROLES) {
      const page = await newPage(browser);
      await signIn(page, role);
      // The menus, then one level down from each menu page (one link of each kind), then the
      // dossier's own pages.
      await page.goto(`${BASE}/`);
      const queue = ["/", dossier, ...(await links(page, ["/"]))];
      const seen = new Set();
      const areas = ["/dossiers/", "/documents/", "/inventory/", "/users/", "/audit/", "/suppliers/", "/categories/"];
      for (let i = 0; i < queue.length && i < 60; i++) {
        const path = queue[i];
        const k = kind(path);
        if (seen.has(k)) continue;
        seen.add(k);
        const response = await page.goto(`${BASE}${path}`);
        if (response.status() === 403 || response.status() === 404) continue;
        assert.ok(response.ok(), `${role} ${path}: HTTP ${response.status()}`);
        if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
        const always = path === "/" || path === dossier;
        if (!checked.has(k) || always) {
          checked.add(k);
          visited.push(`${role} ${path}`);
          problems.push(...(await check(page, role, path)));
        }
        const depth = path === "/" ? 0 : path.split("/").length - 1;
        if (depth <= 1 || path === dossier) queue.push(...(await links(page, areas)));
      }
      if (role === ROLES[0]) {
        // An error page, in the frame and in Dutch.
        const missing = "/dossiers/00000000-0000-4000-8000-000000000000";
        const response = await page.goto(`${BASE}${missing}`);
        assert.equal(response.status(), 404);
        assert.match(await page.textContent("main"), /Dit dossier bestaat niet/);
        problems.push(...(await check(page, role, "/error-404")));
        visited.push(`${role} ${missing} (404)`);
        page.problems = page.problems.filter((p) => !p.includes("404"));
      }
      assert.deepEqual(page.problems, [], `${role}: console errors`);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
  if (SHOTS) writeFileSync(join(SHOTS, "pages.txt"), visited.join("\n") + "\n");
  console.log(`a11y: checked ${visited.length} pages at ${WIDTHS.join(" and ")} px:\n  ${visited.join("\n  ")}`);
  assert.deepEqual(problems, []);
});
