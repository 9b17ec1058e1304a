// The Algorithm Register in a real browser (issue 24): a buyer opens the register entry of a
// demo system, reads the publication category with its reason, downloads the entry, imports a
// supplier's file from the inventory, finds one face-matching model in two products in the
// model register, and every register page passes axe and fits a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, newPage, overflow, signIn, violations } from "./helpers.mjs";

const SUITE = "Werkplek Suite 2027 met Scribe Assist en Meeting Recap";
const SUPPLIER_FILE = JSON.stringify({
  id: "e2e-kentekenlezer",
  name: "Kentekenlezer E2E",
  description_short: "Leest kentekens en vergelijkt ze met een lijst van gezochte voertuigen.",
  status: "In gebruik",
  goal: "<p>Gezochte voertuigen sneller vinden.</p><script>window.hacked = 1</script>",
  lang: "NLD",
});

test("a register entry reads in Dutch, downloads valid, and a supplier file imports", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.goto(`${BASE}/inventory?q=${encodeURIComponent("Werkplek Suite")}`);
    await Promise.all([page.waitForURL(/\/inventory\/[^/?]+$/), page.click(`a:has-text("${SUITE}")`)]);
    await Promise.all([page.waitForURL(/\/register$/), page.click('[data-testid="register-link"]')]);
    const entryPage = page.url();
    assert.match(await page.locator('[data-testid="destination"]').textContent(), /Openbaar Algoritmeregister/);
    assert.match(await page.locator('[data-testid="category"]').textContent(), /Overige algoritmes/);
    assert.ok(await page.locator('[data-testid="ready"]').isVisible());
    const fields = await page.locator('[data-testid="register-fields"]').textContent();
    assert.ok(fields.includes("Wettelijke basis") && fields.includes("uw organisatie"), fields);
    assert.ok(!fields.includes("<p>") && !fields.includes("publication_category"), "no raw HTML or keys");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="ready"] a'),
    ]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const entries = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    assert.equal(entries.length, 1);
    assert.equal(entries[0].organization, "Politie");
    assert.equal(entries[0].lang, "nld");

    await page.goto(`${BASE}/inventory`);
    await page.setInputFiles('[data-testid="register-import"] input[type="file"]', {
      name: "kentekenlezer.json",
      mimeType: "application/json",
      buffer: Buffer.from(SUPPLIER_FILE),
    });
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="register-import"] button')]);
    assert.match(await page.locator('[data-testid="import-result"]').textContent(), /Nieuwe systemen: 1/);
    await Promise.all([page.waitForURL(/\/register$/), page.click('a:has-text("Kentekenlezer E2E")')]);
    const imported = page.url();
    assert.equal(await page.evaluate(() => window.hacked), undefined, "the supplier's script never ran");
    assert.match(await page.locator('[data-testid="open-points"]').textContent(), /Publicatiecategorie/);

    // The model register shows the face-matching engine in both camera products, both ways.
    await page.goto(`${BASE}/models`);
    const shared = page.locator('[data-testid="model-register"] tr[data-shared="true"]', { hasText: "Veridex FaceEngine 5.2" });
    assert.equal(await shared.count(), 1);
    const row = await shared.textContent();
    assert.ok(row.includes("Centra VMS 7.4") && row.includes("Bodycams huidige generatie"), row);
    assert.ok(!row.includes("on_premises") && row.includes("in eigen beheer"), row);
    await Promise.all([page.waitForURL(/\/models\/[^/]+$/), shared.locator("a").first().click()]);
    const modelPage = page.url();
    assert.equal(await page.locator('[data-testid="model-uses"] tbody tr').count(), 2);
    await Promise.all([page.waitForURL(/\/inventory\/[^/#]+#models$/), page.locator('[data-testid="model-uses"] a').first().click()]);
    assert.match(await page.locator('[data-testid="also-in"]').first().textContent(), /Zit ook in 1 ander systeem/);
    const systemPage = page.url();

    const problems = [];
    for (const path of [entryPage, imported, `${BASE}/inventory`, `${BASE}/models`, modelPage, systemPage]) {
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
      await page.goto(entryPage);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/register.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 900 });
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/register-phone.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${BASE}/inventory`);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/inventory.png`, fullPage: true });
      await page.goto(`${BASE}/models`);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/models.png`, fullPage: true });
      await page.goto(systemPage);
      await page.screenshot({ path: `${process.env.GRIP_E2E_SHOTS}/system.png`, fullPage: true });
    }
  } finally {
    await browser.close();
  }
});
