// A home page per role: the buyer, the jurist, an assessor and the auditor each see what needs
// them, activity reads as sentences without codes or hashes, and the auditor reaches the chain.
// Screenshots of each home go to $GRIP_E2E_SHOTS when it is set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { BASE, launch, newPage, signIn } from "./helpers.mjs";

const SHOTS = process.env.GRIP_E2E_SHOTS;

async function home(browser, username, width = 1280) {
  const page = await newPage(browser);
  await page.setViewportSize({ width, height: 900 });
  await signIn(page, username);
  await page.goto(`${BASE}/`);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `home-${username}-${width}.png`), fullPage: true });
  }
  return page;
}

async function noCodesOrHashes(page) {
  const text = await page.textContent("main");
  for (const leak of ["dossier.created", "auth.signed_in", "prev_hash", "{\"", "checklist.status_set"]) {
    assert.ok(!text.includes(leak), `the home shows ${leak}`);
  }
  assert.ok(!/[0-9a-f]{64}/.test(text), "the home shows a hash");
}

test("each role's home shows what needs that role", async () => {
  const browser = await launch();
  try {
    const buyer = await home(browser, "inkoper");
    assert.equal(await buyer.getAttribute('[data-testid="home-focus"]', "data-focus"), "buyer");
    const dossiers = buyer.locator('[data-testid="home-dossiers"]');
    assert.ok((await dossiers.locator("tbody tr").count()) > 0, "the buyer's dossiers by phase");
    assert.ok((await dossiers.locator("h3").count()) > 1, "grouped by phase");
    assert.ok((await buyer.locator('[data-testid="home-sign-offs"] tbody tr').count()) > 0);
    assert.match(await buyer.textContent('[data-testid="home-activity"]'), /heeft/);
    await noCodesOrHashes(buyer);

    const jurist = await home(browser, "jurist");
    assert.equal(await jurist.getAttribute('[data-testid="home-focus"]', "data-focus"), "specialist");
    const signOffs = await jurist.textContent('[data-testid="home-sign-offs"]');
    assert.match(signOffs, /Wacht op mijn akkoord/);
    assert.ok((await jurist.locator('[data-testid="home-sign-offs"] tbody tr').count()) > 0);
    assert.ok(!signOffs.includes("Inkoper"), "only the jurist's own items");
    await noCodesOrHashes(jurist);

    const assessor = await home(browser, "beoordelaar1");
    assert.equal(await assessor.getAttribute('[data-testid="home-focus"]', "data-focus"), "assessor");
    assert.ok((await assessor.locator('[data-testid="home-to-score"] li a').count()) > 0, "evaluations to score");
    await noCodesOrHashes(assessor);

    const auditor = await home(browser, "auditor");
    assert.equal(await auditor.getAttribute('[data-testid="home-focus"]', "data-focus"), "auditor");
    assert.match(await auditor.textContent('[data-testid="home-overview"]'), /auditketen/i);
    await noCodesOrHashes(auditor);
    await Promise.all([auditor.waitForURL(/\/audit\/chain/), auditor.click('a[href="/audit/chain"]')]);
    assert.match(await auditor.textContent('[data-testid="verify"]'), /intact/);
    assert.match(await auditor.textContent("main"), /[0-9a-f]{64}/, "the chain page shows hashes");

    for (const page of [buyer, jurist, assessor, auditor]) assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});

test("the inventory keeps the organisation's own systems apart", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");
    await page.goto(`${BASE}/inventory`);
    const own = await page.textContent('[data-testid="inventory-total"]');
    // Fifteen demo systems and one made from a supplier's register entry.
    assert.match(own, /^16 /, own);
    await page.selectOption('select[name="exposure"]', "confirmed");
    await Promise.all([page.waitForURL(/exposure=confirmed/), page.click('form.filters button[type="submit"]')]);
    assert.match(await page.textContent('[data-testid="inventory-total"]'), /^9 /);
    assert.ok(!(await page.textContent("main")).includes(">confirmed<"));
    await Promise.all([page.waitForURL(/\/inventory\/.+/), page.click("tbody tr:first-child td:first-child a")]);
    assert.match(await page.textContent('[data-testid="system"]'), /AI bevestigd/);
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
