// Contract monitoring in a real browser (issue 23): the contract manager opens the interpreting
// contract of the demo, sees the baseline in words, finds the supplier's announcement of a
// neural translation system escalated with its reasons and legal tests, overrides nothing
// without a reason, adds a notice by pasting it, and every contract page passes axe and fits
// a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, newPage, overflow, signIn, signOut, violations } from "./helpers.mjs";

const INTERPRETING = "Tolk- en vertaaldiensten voor verhoren en aangiften";

test("a notice adding machine translation abroad is escalated, decided with a reason, and pages pass axe", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "contractmanager");
    await page.goto(`${BASE}/dossiers?q=${encodeURIComponent(INTERPRETING)}`);
    await page.click(`table tbody tr:first-child a:has-text("${INTERPRETING}")`);
    await Promise.all([page.waitForURL(/\/contracts$/), page.click('[data-testid="contracts-link"]')]);
    await Promise.all([page.waitForURL(/\/contracts\/[^/]+$/), page.click('[data-testid="contract-list"] a')]);
    const contract = page.url();
    const table = await page.locator('[data-testid="baseline-table"]').textContent();
    assert.ok(table.includes("Schriftelijke vertalingen") && table.includes("cloud binnen de EU"), table);
    assert.ok(!table.includes("cloud_eu"));

    const escalated = page.locator('[data-testid="notice-list"] tr[data-proposal="escalate"] a');
    assert.equal(await escalated.count(), 1, "the hybrid workflow notice is escalated");
    await Promise.all([page.waitForURL(/\/notices\//), escalated.click()]);
    const notice = page.url();
    const reasons = await page.locator('[data-testid="reasons"]').textContent();
    assert.match(reasons, /Voegt AI toe/);
    assert.match(await page.locator('[data-testid="grounds"]').textContent(), /buiten de EU/);
    assert.match(await page.locator('[data-testid="legal"]').textContent(), /Aanbestedingswet 2012/);

    // Departing from the proposal needs a reason.
    await page.check('input[name="triage"][value="no_impact"]');
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="decide-form"] button[type="submit"]')]);
    assert.match(await page.locator('[data-testid="notice-error"]').textContent(), /Geef een reden/);
    await page.check('input[name="triage"][value="escalate"]');
    await page.fill("#d-reason", "Eens: vertrouwelijke verhoren naar de VS, voorleggen aan jurist en CISO.");
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="decide-form"] button[type="submit"]')]);
    assert.match(await page.locator('[data-testid="decided"]').textContent(), /Escaleren/);
    assert.match(await page.locator('[data-testid="escalation"]').textContent(), /Jurist/);

    // A pasted notice is triaged on the spot.
    await page.goto(contract);
    await page.fill("#n-name", "E-mail accountmanager");
    await page.fill("#n-text", "Vanaf volgende maand maakt het portaal automatisch een samenvatting van elk tolkgesprek.");
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="notice-paste"] button[type="submit"]')]);
    assert.ok((await page.content()).includes("E-mail accountmanager"));

    const problems = [];
    for (const path of [contract.replace(/\/contracts\/[^/]+$/, "") , contract, notice]) {
      await page.goto(path);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const v of await violations(page)) problems.push(`${path} @${width}: ${v}`);
        for (const o of await overflow(page)) problems.push(`${path} @${width}: too wide: ${o}`);
      }
    }
    // The escalation waits in the inbox of the legal adviser on the team.
    await signOut(page);
    await signIn(page, "jurist");
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(Number(await page.locator('[data-testid="inbox-count"]').textContent()) >= 1);
    await page.click('[data-testid="inbox-link"]');
    assert.ok((await page.locator('[data-testid="task"]').count()) >= 1);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const v of await violations(page)) problems.push(`/inbox @${width}: ${v}`);
      for (const o of await overflow(page)) problems.push(`/inbox @${width}: too wide: ${o}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
