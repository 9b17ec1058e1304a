// The tender package in a real browser (issue 5): a buyer opens the patrol-car dossier's
// package, sees the scenario filled from the dossier with the reason per item, rewords one
// question, freezes the version (after which it cannot be edited) and downloads the DOCX.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, launch, newPage, signIn } from "./helpers.mjs";

const PATROL_CAR = "Basispolitievoertuigen";

test("a buyer edits one question, freezes the package and downloads it as DOCX", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.goto(`${BASE}/dossiers?q=${PATROL_CAR}`);
    await page.click(`table tbody tr:first-child a:has-text("${PATROL_CAR}")`);
    await page.waitForSelector('[data-testid="checklist"]');
    await Promise.all([page.waitForURL(/\/package$/), page.click('[data-testid="package-link"]')]);
    const packageUrl = page.url();

    // Generated when the demo was loaded: a draft with reasons and the dossier's scenario.
    assert.equal(await page.textContent('[data-testid="package-state"]'), "concept");
    const scenario = page.locator('#section-scenario [data-testid="item-text"]').first();
    assert.match(await scenario.textContent(), /A12/);

    // Generate again with another incident (the confirmation is accepted): the scenario follows.
    await page.fill('input[name="slot_incident"]', "de achtervolging van een gestolen bestelbus");
    page.once("dialog", (dialog) => dialog.accept());
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="generate"]')]);
    await page.waitForSelector('#section-scenario [data-testid="item-text"]:has-text("gestolen bestelbus")');
    assert.match(await scenario.textContent(), /A12/, "the other details are kept");
    assert.ok((await page.locator("text=Waarom:").count()) > 10, "every item says why");
    // Questions quoting a supplier's own document say to whom they go; each such supplier
    // gets an export of its own.
    assert.ok((await page.locator('[data-testid="addressee"]').count()) > 0);
    assert.ok((await page.locator('[data-testid="export-for-supplier"]').count()) > 0);

    // Reword the first disclosure question.
    const item = page.locator("#section-disclosure .package-items > li").first();
    const key = await item.getAttribute("data-key");
    await item.locator("details.edit summary").click();
    const reworded = "Zit er in het voertuig software die zelfstandig remt of stuurt, en welke?";
    await item.locator('textarea[name="text_nl"]').fill(reworded);
    await Promise.all([page.waitForLoadState("load"), item.locator('[data-testid="save-item"]').click()]);
    const saved = page.locator(`.package-items > li[data-key="${key}"]`);
    assert.equal(await saved.locator('[data-testid="item-text"]').textContent(), reworded);
    assert.ok(await saved.locator('[data-testid="changed"]').isVisible());

    // Freeze (the confirmation is accepted); the edit forms disappear.
    page.once("dialog", (dialog) => dialog.accept());
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="freeze"]')]);
    await page.waitForSelector('[data-testid="package-state"]:has-text("bevroren")');
    assert.equal(await page.locator('[data-testid="save-item"]').count(), 0);
    assert.match(page.url(), new RegExp(packageUrl.replace(/[?]/g, "\\?")));

    // Download the frozen version as DOCX: a ZIP with the Word document part.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-docx"]')]);
    assert.match(download.suggestedFilename(), /^pakket-v\d+-.*\.docx$/);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString(), "PK");
    assert.ok(bytes.includes(Buffer.from("word/document.xml")));

    // The history names the edit and the freeze.
    await page.goto(packageUrl.replace(/\/package$/, ""));
    assert.ok((await page.getByText(/onderdeel van het aanbestedingspakket .* aangepast/).count()) > 0);
    assert.ok((await page.getByText(/van het aanbestedingspakket vastgesteld/).count()) > 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
