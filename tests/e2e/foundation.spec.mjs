// The foundation's end-to-end path in a real browser: a buyer creates a dossier, finds it,
// uploads a document, moves it on and signs out; an auditor is offered no editing and is
// refused when forcing it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, launch, newPage, signIn, signOut } from "./helpers.mjs";

const title = `E2E surveillancedrones ${Date.now()}`;

test("a buyer works a dossier from creation to the next phase", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    assert.equal(await page.textContent('[data-testid="username"]'), "inkoper");

    await page.click("text=Dossiers");
    await page.click("text=Nieuw dossier");
    await page.fill('input[name="title"]', title);
    await page.fill('textarea[name="description"]', "Drones met objectdetectie voor de eenheid Noord-Nederland.");
    await page.selectOption('select[name="classification_label"]', "Politie Intern");
    await Promise.all([page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/), page.click('main button[type="submit"]')]);
    const dossierUrl = page.url();
    assert.equal(await page.textContent("h1"), title);
    assert.equal(await page.textContent('[data-testid="classification"]'), "Politie Intern");

    // Find it in the list through the search box (htmx refreshes the results in place).
    await page.goto(`${BASE}/dossiers`);
    await page.fill('input[name="q"]', "surveillancedrones");
    await page.waitForFunction(() => document.querySelector('[data-testid="total"]')?.textContent === "1");
    await Promise.all([page.waitForURL(dossierUrl), page.click(`text=${title}`)]);

    // Upload a document.
    const dir = mkdtempSync(join(tmpdir(), "grip-e2e-"));
    const file = join(dir, "productblad-drone.txt");
    writeFileSync(file, "De drone herkent personen automatisch met een zelflerend model.\n");
    // Where it came from is asked with every upload: here, from a supplier with its bid.
    const upload = page.locator("form.upload").first();
    await page.setInputFiles('input[name="file"]', file);
    await upload.locator('input[name="provenance"][value="supplier"]').check();
    await upload.locator('select[name="supplier_id"]').selectOption({ index: 1 });
    await upload.locator('input[name="reference"]').fill("Inschrijving 2027-07");
    await Promise.all([page.waitForURL(dossierUrl), page.click("text=Uploaden")]);
    assert.ok(await page.isVisible("text=productblad-drone.txt"));
    assert.match(await page.textContent('[data-testid="provenance"]'), /Van leverancier: .*kenmerk Inschrijving 2027-07/);

    // A file that is not a document is refused with a clear message.
    const junk = join(dir, "virus.pdf");
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 4, 5]));
    await page.setInputFiles('input[name="file"]', junk);
    await page.locator("form.upload").first().locator('input[name="provenance"][value="internal"]').check();
    await page.locator("form.upload").first().locator('select[name="role"]').selectOption("inkoper");
    await page.click("text=Uploaden");
    await page.waitForSelector("text=wordt niet ondersteund");

    // The phase gate holds until the open mandatory checklist items are waived with a reason.
    await page.goto(dossierUrl);
    assert.ok(await page.isVisible('[data-testid="gate-open"]'));
    while ((await page.locator('[data-testid="waive"]').count()) > 0) {
      // Items already proposed for waiving wait for a second person; take the next one.
      const item = page
        .locator('[data-testid="gate-open"] li')
        .filter({ has: page.locator('[data-testid="waive"]') })
        .first();
      await item.locator('input[name="reason"]').fill("Niet van toepassing in deze test");
      await Promise.all([
        page.waitForURL(`${dossierUrl}#checklist`),
        item.locator('[data-testid="waive"]').click(),
      ]);
      await page.goto(dossierUrl);
    }
    // The buyer holds only the buyer's role: the other roles' items are proposals that a
    // second person confirms (four eyes); the administrator does.
    if ((await page.locator('[data-testid="waiver-proposed"]').count()) > 0) {
      await signOut(page);
      await signIn(page, "beheerder");
      await page.goto(dossierUrl);
      while ((await page.locator('[data-testid="confirm-waiver"]').count()) > 0) {
        await Promise.all([
          page.waitForURL(`${dossierUrl}#checklist`),
          page.locator('[data-testid="confirm-waiver"]').first().click(),
        ]);
        await page.goto(dossierUrl);
      }
      await signOut(page);
      await signIn(page, "inkoper");
      await page.goto(dossierUrl);
    }
    assert.ok(await page.isVisible('[data-testid="gate-clear"]'));

    // Move to the next phase (the confirmation dialog is accepted).
    page.once("dialog", (dialog) => dialog.accept());
    await Promise.all([page.waitForURL(dossierUrl), page.click("text=Naar volgende fase")]);
    assert.equal(await page.textContent('[data-testid="phase"]'), "Marktverkenning");
    assert.ok((await page.getByText(/naar Marktverkenning gebracht/).count()) > 0, "the history says it in words");

    await signOut(page);
    await page.goto(dossierUrl);
    assert.match(page.url(), /\/login/);
    assert.deepEqual(page.problems, [], "no console errors or CSP violations");
    process.env.E2E_DOSSIER_URL = dossierUrl;
  } finally {
    await browser.close();
  }
});

test("an auditor can read but is offered no editing and is refused when forcing it", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "auditor");
    await page.goto(`${BASE}/dossiers`);
    assert.equal(await page.isVisible("text=Nieuw dossier"), false);
    await page.click("table tbody tr:first-child a");
    const dossierUrl = page.url();
    assert.ok(await page.isVisible('[data-testid="read-only"]'));
    assert.equal(await page.locator("text=Bewerken").count(), 0);
    assert.equal(await page.locator('input[type="file"]').count(), 0);
    assert.equal(await page.locator("text=Naar volgende fase").count(), 0);

    // Forcing it: the edit form by URL, and a same-origin POST from the page itself.
    const edit = await page.goto(`${dossierUrl}/edit`);
    assert.equal(edit.status(), 403);
    await page.goto(dossierUrl);
    const status = await page.evaluate(async (url) => {
      const response = await fetch(`${url}/phase`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "expected_phase=",
      });
      return response.status;
    }, dossierUrl);
    assert.equal(status, 403);

    // The auditor verifies the audit chain.
    await page.goto(`${BASE}/audit/chain`);
    assert.match(await page.textContent('[data-testid="verify"]'), /intact/);
  } finally {
    await browser.close();
  }
});

test("the interface switches to English", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "jurist");
    await page.click("text=Language: English");
    await page.waitForSelector("text=Sign out");
    assert.equal(await page.getAttribute("html", "lang"), "en");
  } finally {
    await browser.close();
  }
});
