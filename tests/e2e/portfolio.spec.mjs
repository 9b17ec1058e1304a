// The portfolio in a real browser (issue 24): a buyer reads at a glance which categories carry
// the most AI, downloads it as XLSX and CSV, follows a heat-map cell to the list behind its
// figure, and the pages pass axe and fit a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, newPage, overflow, signIn, violations } from "./helpers.mjs";

test("a heat-map cell leads to the list behind its figure", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.click('nav a[href="/portfolio"]');
    await page.waitForURL(/\/portfolio$/);
    const map = page.locator('[data-testid="heatmap"]');
    const text = await map.textContent();
    assert.ok(text.includes("Tolk- en vertaaldiensten") && text.includes("hoog"), text.slice(0, 200));
    assert.ok(!text.includes("high_risk") && !text.includes("camerabewaking"), "no codes");
    // The overview downloads as a real spreadsheet and as CSV.
    const bytes = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      return { name: download.suggestedFilename(), data: Buffer.concat(chunks) };
    };
    const xlsx = await bytes('[data-testid="portfolio-downloads"] a[href$="xlsx"]');
    assert.equal(xlsx.name, "portfolio.xlsx");
    assert.equal(xlsx.data.subarray(0, 2).toString(), "PK", "an XLSX is a zip");
    const csv = await bytes('[data-testid="portfolio-downloads"] a[href$="csv"]');
    const lines = csv.data.toString("utf8").split("\n");
    assert.match(lines[0], /Categorie;AI-blootstelling/);
    assert.ok(lines.some((l) => l.startsWith("Camerabewaking en videoanalyse;hoog;")), lines.slice(0, 3).join("|"));

    // The camera category's high-risk figure: the demo's face matching.
    const cell = map.locator('a[aria-label^="Camerabewaking en videoanalyse: Hoog risico"]');
    assert.match(await cell.getAttribute("aria-label"), /Hoog risico 1$/);
    await Promise.all([page.waitForURL(/\/portfolio\/[^/]+#dossiers$/), cell.click()]);
    const category = page.url();
    const dossiers = await page.locator('[data-testid="category-dossiers"]').textContent();
    assert.match(dossiers, /Camerabewaking en videomanagement hoofdbureau Zuid/);
    assert.match(dossiers, /Hoog risico/);
    assert.match(await page.locator('[data-testid="evidence"]').textContent(), /AI-blootstelling: hoog/);

    const problems = [];
    for (const path of [`${BASE}/portfolio`, category]) {
      await page.goto(path);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const v of await violations(page)) problems.push(`${path} @${width}: ${v}`);
        for (const o of await overflow(page)) problems.push(`${path} @${width}: too wide: ${o}`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
