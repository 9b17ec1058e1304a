// Bulk screening in a real browser: a buyer uploads several files (one of them a ZIP) on a
// dossier, watches the progress bar fill through htmx polling until the job is done, leaves
// and finds the job again on the dossier page, and opens a screened document with its
// findings highlighted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { BASE, launch, newPage, signIn } from "./helpers.mjs";

const title = `E2E bulkscreening ${Date.now()}`;

/// Writes the upload: two plain documents and a ZIP (made with Python's zipfile, which every
/// Debian machine that runs these tests has) holding a third document and a broken PDF.
function makeFiles() {
  const dir = mkdtempSync(join(tmpdir(), "grip-e2e-bulk-"));
  const camera = join(dir, "camera-offerte.txt");
  writeFileSync(camera, "De bodycam herkent gezichten met gezichtsherkenning en een neuraal netwerk.\n");
  const chairs = join(dir, "stoelen.md");
  writeFileSync(chairs, "# Bureaustoelen\nStevige stoelen met verstelbare armleuningen.\n");
  const zip = join(dir, "bijlagen.zip");
  execFileSync("python3", [
    "-c",
    "import sys, zipfile\n" +
      "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n" +
      "    z.writestr('bijlagen/releasenotes.txt', 'Versie 3 voegt machine learning toe voor kentekenherkenning.')\n" +
      "    z.writestr('kapot.pdf', '%PDF-1.7 afgebroken')\n",
    zip,
  ]);
  return [camera, chairs, zip];
}

test("a buyer screens several files at once and follows the job to the end", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.goto(`${BASE}/dossiers/new`);
    await page.fill('input[name="title"]', title);
    await Promise.all([page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/), page.click('main button[type="submit"]')]);
    const dossierUrl = page.url();

    await page.setInputFiles('input[name="files"]', makeFiles());
    const bulk = page.locator('[data-testid="bulk-form"]');
    await bulk.locator('input[name="provenance"][value="internal"]').check();
    await bulk.locator('select[name="role"]').selectOption("inkoper");
    await Promise.all([page.waitForURL(/\/screening-jobs\/[0-9a-f-]{36}$/), page.click("text=Screening starten")]);
    const jobUrl = page.url();

    // htmx replaces the progress fragment every second until the job is done.
    const started = Date.now();
    await page.waitForSelector('[data-testid="job-progress"][data-state="done"]', { timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;
    const bar = page.locator('[data-testid="job-bar"]');
    assert.equal(await bar.getAttribute("max"), "4");
    assert.equal(await bar.getAttribute("value"), "4");
    assert.equal(await page.textContent('[data-testid="job-state"]'), "Klaar");
    assert.equal(await page.locator('[data-testid="job-progress"][hx-trigger]').count(), 0, "polling stopped");
    assert.ok(await page.isVisible("text=(bijlagen/releasenotes.txt)"));
    const verdicts = await page.locator('[data-testid="item-verdict"]').allTextContents();
    assert.deepEqual(verdicts.map((v) => v.trim()), ["AI aangetroffen", "geen AI", "AI aangetroffen", "onleesbaar"]);
    console.log(`bulk e2e: 4 files screened and shown as done after ${seconds.toFixed(1)} s`);

    // Leave, come back through the dossier page, and open a highlighted document.
    await page.goto(dossierUrl);
    const jobLink = page.locator('[data-testid="screening-jobs"] a').first();
    await Promise.all([page.waitForURL(jobUrl), jobLink.click()]);
    await Promise.all([
      page.waitForURL(/\/documents\/[0-9a-f-]{36}\/view$/),
      page.locator('[data-testid="item-verdict"] a').first().click(),
    ]);
    assert.equal(await page.textContent("h1"), "camera-offerte.txt");
    assert.ok((await page.locator('[data-testid="document-text"] mark').count()) > 0, "findings are marked");
    assert.equal((await page.textContent('[data-testid="verdict"]')).trim(), "AI aangetroffen");

    assert.deepEqual(page.problems, [], "no console errors or CSP violations");
  } finally {
    await browser.close();
  }
});
