// Spend in a real browser (issue 24): from the portfolio a buyer opens the spend page, reads
// the demo's unplaced share, uploads a file, confirms the guessed columns, follows the import
// to its end, places a supplier by hand, and the pages pass axe and fit a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, newPage, overflow, signIn, violations } from "./helpers.mjs";

const FILE = [
  "Factuurdatum;Crediteur;Omschrijving;Bedrag",
  "2026-04-30;Brugwoord Taaldiensten B.V.;Tolkdiensten april;401.000,00",
  "2026-04-30;Atelier Noordster;Ontwerp jaarverslag;12.400,00",
  "2026-04-31;Atelier Noordster;Datum bestaat niet;1,00",
].join("\n");

test("a spend file is mapped, imported and its unplaced supplier placed", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.goto(`${BASE}/portfolio`);
    await Promise.all([page.waitForURL(/\/spend$/), page.click('[data-testid="spend-link"]')]);
    assert.match(await page.textContent('[data-testid="unplaced-share"]'), /Aandeel niet ingedeeld: 3,1 %/);

    await page.setInputFiles('[data-testid="spend-upload"] input[type="file"]', {
      name: "facturen-april.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(FILE),
    });
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="spend-upload"] button')]);
    const mappingPage = page.url();
    assert.match(await page.textContent('[data-testid="spend-sample"]'), /Ontwerp jaarverslag/);
    assert.equal(await page.inputValue('select[name="supplier"]'), "1");
    assert.equal(await page.inputValue('select[name="amount"]'), "3");
    const mappingProblems = [...(await violations(page))];
    await Promise.all([page.waitForURL(/\/spend\/imports\//), page.click('[data-testid="spend-mapping"] button')]);
    await page.waitForSelector('[data-testid="spend-result"]', { timeout: 20000 });
    const importPage = page.url();
    assert.match(await page.textContent('[data-testid="spend-report"]'), /regel 4: .2026-04-31. is geen datum/);

    await page.goto(`${BASE}/spend`);
    const row = page.locator('[data-testid="unplaced"] tr', { hasText: "Atelier Noordster" });
    await row.locator("select").selectOption("digitale-dienstverlening-burgers");
    await Promise.all([page.waitForLoadState("load"), row.locator("button").click()]);
    assert.equal(await page.locator('[data-testid="unplaced"] tr', { hasText: "Atelier Noordster" }).count(), 0);

    const problems = mappingProblems.map((v) => `mapping: ${v}`);
    for (const path of [`${BASE}/spend`, importPage]) {
      await page.goto(path);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const v of await violations(page)) problems.push(`${path} @${width}: ${v}`);
        for (const o of await overflow(page)) problems.push(`${path} @${width}: too wide: ${o}`);
      }
    }
    assert.deepEqual(problems, []);
    if (process.env.GRIP_E2E_SHOTS) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${BASE}/spend`);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/spend.png`, fullPage: true });
      await page.goto(`${BASE}/portfolio`);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/portfolio2.png`, fullPage: true });
    }
    void mappingPage;
  } finally {
    await browser.close();
  }
});
