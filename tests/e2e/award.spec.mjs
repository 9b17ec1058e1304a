// The award step in a real browser (issue 22): the buyer types in a bid on the radio tender,
// two assessors score it blind (the second sees nothing of the first until submitting), the
// buyer records the consensus and proposes the award decision, every required role signs,
// the record is sealed and its PDF downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, launch, newPage, overflow, signIn, signOut, violations } from "./helpers.mjs";

const RADIOS = "Portofoons en mobilofoons vervanging 2027";

async function openDossier(page) {
  await page.goto(`${BASE}/dossiers?q=${encodeURIComponent(RADIOS)}`);
  await page.click(`table tbody tr:first-child a:has-text("${RADIOS}")`);
  await page.waitForSelector('[data-testid="award-card"]');
  return page.url().replace(/[?#].*$/, "");
}

async function scoreAll(page, level, reason) {
  const form = page.locator('[data-testid="score-form"]').first();
  for (const select of await form.locator("select").all()) await select.selectOption(String(level));
  for (const area of await form.locator("textarea").all()) await area.fill(reason);
  await Promise.all([page.waitForLoadState("load"), form.locator('[data-testid="save-scores"]').click()]);
  await Promise.all([page.waitForLoadState("load"), page.locator('[data-testid="submit-scores"]').first().click()]);
  await page.waitForSelector('[data-testid="submitted"]');
}

test("two assessors score blind, the team agrees, three roles and more sign, the PDF downloads", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    const dossier = await openDossier(page);

    // The buyer types in Zendmast's bid.
    await Promise.all([page.waitForURL(/\/bids$/), page.click('[data-testid="bids-link"]')]);
    await Promise.all([page.waitForURL(/\/bids\/new$/), page.click('[data-testid="bid-new"]')]);
    await page.selectOption("#supplier_id", { label: "Zendmast Communicatie B.V." });
    await page.fill("#price", "48.750.000,00");
    await page.locator("textarea").first().fill("Ja: ruisonderdrukking met een neuraal netwerk op de portofoon zelf.");
    await Promise.all([page.waitForURL(/\/bids\/[0-9a-f-]+$/), page.click('[data-testid="bid-save"]')]);
    assert.ok((await page.locator('[data-testid="bid-checks"]').count()) === 1);
    await signOut(page);

    // The first assessor declares, scores and submits.
    await signIn(page, "beoordelaar1");
    await page.goto(`${dossier}/assessment`);
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="declare"]')]);
    await scoreAll(page, 3, "Concreet en toetsbaar beschreven, met de plaats van verwerking.");
    await signOut(page);

    // The second assessor sees nothing of it before submitting.
    await signIn(page, "beoordelaar2");
    await page.goto(`${dossier}/assessment`);
    assert.ok(await page.locator('[data-testid="blind"]').first().isVisible());
    assert.ok(!(await page.content()).includes("Concreet en toetsbaar beschreven"), "no other score shows");
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="declare"]')]);
    await scoreAll(page, 1, "Weinig bewijs voor de nauwkeurigheid van de spraakbediening.");
    assert.ok((await page.content()).includes("Concreet en toetsbaar beschreven"), "after submitting the team's scores show");
    assert.ok((await page.locator('[data-testid="spread-flag"]').count()) > 0, "3 against 1 is flagged");
    await signOut(page);

    // The buyer records the consensus; the ranking appears.
    await signIn(page, "inkoper");
    await page.goto(`${dossier}/assessment`);
    const consensus = page.locator('[data-testid="consensus-form"]').first();
    for (const select of await consensus.locator("select").all()) await select.selectOption("2");
    for (const area of await consensus.locator("textarea").all()) await area.fill("Na bespreking: voldoende, bewijs volgt bij de proefopstelling.");
    await Promise.all([page.waitForLoadState("load"), consensus.locator('[data-testid="save-consensus"]').click()]);
    assert.ok((await page.locator('[data-testid="consensus-level"]').count()) > 0);
    assert.ok((await page.locator('[data-testid="ranking"] table').count()) === 1, "ranked");

    // The buyer proposes the award decision with the weighing of every interest.
    await page.goto(`${dossier}/decisions`);
    await page.selectOption("#outcome", "go_with_conditions");
    await page.selectOption("#winning_bid", { label: "Zendmast Communicatie B.V." });
    await page.fill("#motivation", "Enige inschrijving die aan alle knock-outeisen voldoet, met de beste prijs-kwaliteitverhouding.");
    await page.fill("#conditions", "Live transcriptie blijft uit tot de DPIA is afgerond.");
    for (const select of await page.locator('fieldset.interest select').all()) await select.selectOption("neutral");
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="propose-submit"]')]);
    const decision = page.locator('[data-testid="decision"]').first();
    assert.equal(await decision.getAttribute("data-sealed"), "no");
    await Promise.all([page.waitForLoadState("load"), decision.locator('[data-testid="sign"]').click()]);
    await signOut(page);

    // Every other required role signs; the last signature seals the record.
    const signers = { jurist: "jurist", "ai-expert": "ai-expert", security: "security", privacy: "privacy" };
    let signed = 1;
    for (const [role, user] of Object.entries(signers)) {
      await signIn(page, user);
      await page.goto(`${dossier}/decisions`);
      const button = page.locator(`[data-testid="decision"]`).first().locator(`[data-testid="sign"][data-role="${role}"]`);
      if ((await button.count()) === 1) {
        await Promise.all([page.waitForLoadState("load"), button.click()]);
        signed += 1;
      }
      await signOut(page);
    }
    assert.ok(signed >= 3, `signed by ${signed} roles`);
    await signIn(page, "inkoper");
    await page.goto(`${dossier}/decisions`);
    const sealed = page.locator('[data-testid="decision"]').first();
    assert.equal(await sealed.getAttribute("data-sealed"), "yes");
    assert.match(await sealed.locator('[data-testid="content-hash"]').textContent(), /sha256:[0-9a-f]{64}/);

    const [download] = await Promise.all([page.waitForEvent("download"), sealed.locator('[data-testid="decision-pdf"]').click()]);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 4).toString(), "%PDF");
    // The award pages, full of bids, scores and a sealed record, pass axe and fit a phone.
    const bid = await page.locator('[data-testid="letter"]').first().getAttribute("href");
    const problems = [];
    for (const path of ["/bids", "/assessment", "/decisions", "/bids/" + bid.split("/letters/")[1].split("?")[0]]) {
      await page.goto(`${dossier}${path}`);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const v of await violations(page)) problems.push(`${path} @${width}: ${v}`);
        for (const o of await overflow(page)) problems.push(`${path} @${width}: too wide: ${o}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
