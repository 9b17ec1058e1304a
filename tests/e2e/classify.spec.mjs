// The AI Act classification wizard in a real browser (issue 3): a buyer fills the wizard for
// a high-risk case and sees the verdict, the citations, the obligations with their dates and
// the rule trace; then classifies again with "weet ik niet / vraag leverancier" for the
// system's purpose and sees the undetermined verdict, the missing facts and what changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, newPage, signIn } from "./helpers.mjs";

const title = `E2E bewijsanalyse ${Date.now()}`;

/// The answers of the high-risk case, per wizard step (field `a_<profile path>`):
/// a learning system that assesses the reliability of evidence for the police (Annex III
/// point 6(c)), profiling people, so the Art. 6(3) exception cannot apply.
const highRisk = {
  ai: {
    "ai_definition.machine_based": "yes",
    "ai_definition.infers_outputs": "yes",
    "ai_definition.autonomy": "yes",
    "ai_definition.only_human_defined_rules": "no",
  },
  scope: {
    "gpai.is_gpai_model": "no",
    "exclusions.military_defence_national_security_only": "no",
    "exclusions.scientific_research_only": "no",
  },
  open_source: { "open_source.free_open_source_licence": "no" },
  deployment: {
    "deployment.public_authority": "yes",
    "deployment.law_enforcement": "yes",
    "deployment.under_own_name_or_trademark": "no",
    "deployment.substantial_modification": "no",
    "deployment.changes_purpose_to_high_risk": "no",
  },
  supply: { "wizard.supplier_outside_union": "no", "deployment.distributes": "no" },
  prohibited: { prohibited_practices: ["none"], "realtime_rbi.used": "no" },
  product: { "annex_i.legislation": "none" },
  purpose: { annex_iii_purposes: ["6c"] },
  derogation: {
    "art6_3.profiling_natural_persons": "yes",
    "art6_3.narrow_procedural_task": "no",
    "art6_3.improves_completed_human_activity": "no",
    "art6_3.detects_patterns_without_replacing_human_assessment": "no",
    "art6_3.preparatory_task": "no",
  },
  transparency: {
    "transparency.interacts_directly_with_persons": "no",
    "transparency.generates_synthetic_content": "no",
    "transparency.emotion_recognition_or_biometric_categorisation": "no",
    "transparency.deep_fake": "no",
    "transparency.public_interest_text_without_editorial_review": "no",
  },
};

const field = (path) => `[name="a_${path}"]`;

/// Sets the answers of the step on screen: radio buttons (yes / no / unknown), a select
/// (one choice) or checkboxes (a list of codes; an array replaces the whole selection).
async function fill(page, answers) {
  for (const [path, value] of Object.entries(answers)) {
    const first = page.locator(field(path)).first();
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = await first.getAttribute("type");
    if (tag === "select") {
      await page.selectOption(field(path), value);
    } else if (type === "checkbox") {
      for (const box of await page.locator(field(path)).all()) await box.uncheck();
      for (const code of value) await page.check(`${field(path)}[value="${code}"]`);
    } else {
      await page.check(`${field(path)}[value="${value}"]`);
    }
  }
}

/// Walks the wizard from its first step to the result page. `steps` maps a step id to the
/// answers to give there (steps not listed keep the answers already filled in), `notes` maps
/// a profile path to a justification. Returns the step ids seen, in order.
async function runWizard(page, dossierUrl, steps, notes = {}) {
  await page.goto(dossierUrl);
  await Promise.all([page.waitForURL(`${dossierUrl}/classify`), page.click('[data-testid="classify-link"]')]);
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const heading = page.locator('[data-testid="step-title"]');
    if ((await heading.count()) === 0) break;
    const id = await heading.getAttribute("data-step");
    assert.ok(!seen.includes(id), `step ${id} is asked once`);
    seen.push(id);
    assert.match(await heading.textContent(), new RegExp(`^Stap ${seen.length}: `));
    if (steps[id]) await fill(page, steps[id]);
    for (const [path, note] of Object.entries(notes)) {
      const box = page.locator(`textarea[name="j_${path}"]`);
      if ((await box.count()) > 0) await box.fill(note);
    }
    await Promise.all([page.waitForLoadState("load"), page.click('[data-testid="next"]')]);
  }
  await page.waitForURL(/\/classifications\/[0-9a-f-]+$/);
  return seen;
}

test("a buyer classifies a high-risk system, then an unknown purpose, and sees citations, missing facts and changes", async () => {
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await signIn(page, "inkoper");

    // A fresh dossier, so its classification history starts empty.
    await page.goto(`${BASE}/dossiers/new`);
    await page.fill('input[name="title"]', title);
    await page.fill(
      'textarea[name="description"]',
      "Software die met een zelflerend model de betrouwbaarheid van bewijs en verklaringen in opsporingsonderzoeken beoordeelt.",
    );
    await Promise.all([page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/), page.click('main button[type="submit"]')]);
    const dossierUrl = page.url();

    // (1) The high-risk case.
    const justification = "Productblad leverancier, p. 3: model scoort verklaringen per persoon.";
    const seen = await runWizard(page, dossierUrl, highRisk, { "art6_3.profiling_natural_persons": justification });
    // Irrelevant steps are skipped: no GPAI, real-time RBI, product detail or Art. 50 exception questions.
    // The import question only follows a supplier outside the EU; open-source pricing only an open-source licence.
    assert.deepEqual(seen, ["ai", "scope", "open_source", "deployment", "supply", "prohibited", "product", "purpose", "derogation", "transparency"]);
    const firstResult = page.url();

    assert.equal(await page.getAttribute('[data-testid="verdict"]', "data-verdict"), "high_risk");
    assert.equal((await page.textContent('[data-testid="verdict"]')).trim(), "Hoog risico");
    assert.match(await page.textContent('[data-testid="route"]'), /Bijlage III/);
    const basis = await page.textContent('[data-testid="basis"]');
    assert.match(basis, /Annex III point 6\(c\)|Bijlage III/);
    assert.match(basis, /6\(3\)|[Aa]rt\. 6/);
    assert.match(await page.textContent('[data-testid="role"]'), /\S/);

    // The obligations as a checklist, each with an article and the date it applies from.
    const rows = page.locator('[data-testid="obligations"] tbody tr');
    assert.ok((await rows.count()) >= 3, "a high-risk system carries several obligations");
    for (const row of await rows.all()) {
      const cells = await row.locator("td").allTextContents();
      assert.match(cells[0], /\S/, "each obligation names its article");
      assert.match(cells[2], /^\d{1,2} [a-z]+ \d{4}$/, `each obligation has a Dutch date: ${cells.join(" | ")}`);
    }
    const articles = (await rows.locator("td:first-child").allTextContents()).join(" ");
    assert.match(articles, /26/, "the deployer's Art. 26 duties are listed");

    // The rule trace names the Annex III rule that fired.
    const trace = page.locator('[data-testid="trace"] li');
    assert.ok((await trace.count()) > 0);
    assert.match(await page.textContent('[data-testid="trace"]'), /Annex III|Bijlage III/);
    assert.match(await page.textContent('[data-testid="trace"]'), /van toepassing/);

    // Nothing is missing, this is the first classification, and the justification is kept.
    assert.equal(await page.locator('[data-testid="missing"]').count(), 0);
    assert.ok(await page.isVisible("text=Er ontbreken geen feiten."));
    assert.match(await page.textContent('[data-testid="changes"]'), /eerste classificatie/);
    assert.match(await page.textContent('[data-testid="answers"]'), /model scoort verklaringen per persoon/);

    // The dossier shows the latest verdict.
    await page.goto(dossierUrl);
    assert.equal(await page.textContent('[data-testid="latest-verdict"]'), "Hoog risico");

    // (2) Again, now not knowing what the system is used for: the wizard starts from the
    // previous answers, only the purpose changes to "weet ik niet / vraag leverancier".
    await runWizard(page, dossierUrl, { purpose: { annex_iii_purposes: ["unknown"] } });
    assert.notEqual(page.url(), firstResult);
    assert.equal(await page.getAttribute('[data-testid="verdict"]', "data-verdict"), "undetermined");
    assert.equal((await page.textContent('[data-testid="verdict"]')).trim(), "Nog niet te bepalen");
    const missing = await page.locator('[data-testid="missing"] li').allTextContents();
    assert.ok(
      missing.some((m) => m.includes("Wordt het gebruikt voor een van deze doelen")),
      `the purpose is listed as missing: ${JSON.stringify(missing)}`,
    );
    assert.ok(await page.isVisible('[data-testid="trace"] li >> nth=0'));

    // What changed since the high-risk classification, and the history links back to it.
    const changes = await page.textContent('[data-testid="changes"]');
    assert.match(changes, /Uitkomst was: Hoog risico → Nog niet te bepalen/);
    assert.match(changes, /Nieuw ontbrekend: .*Wordt het gebruikt voor een van deze doelen/);
    assert.doesNotMatch(changes, /annex_iii_purposes/);
    const earlier = page.locator(`a[href="${new URL(firstResult).pathname}"]`);
    assert.equal(await earlier.count(), 1);
    assert.match(await earlier.textContent(), /Hoog risico/);

    await page.goto(dossierUrl);
    assert.equal(await page.textContent('[data-testid="latest-verdict"]'), "Nog niet te bepalen");
    await page.goto(firstResult);
    assert.equal(await page.getAttribute('[data-testid="verdict"]', "data-verdict"), "high_risk");

    // (3) The same system imported by the police from a supplier outside the EU: the import
    // question appears, and the result names the importer role with its Art. 23 duties.
    const imported = await runWizard(page, dossierUrl, {
      supply: { "wizard.supplier_outside_union": "yes", "deployment.distributes": "no" },
      import: { "deployment.imports_from_outside_union": "yes" },
      purpose: { annex_iii_purposes: ["6c"] },
    });
    assert.ok(imported.includes("import"), `the import step is asked: ${imported}`);
    assert.equal(await page.getAttribute('[data-testid="verdict"]', "data-verdict"), "high_risk");
    assert.equal((await page.textContent('[data-testid="other-roles"]')).trim(), "Importeur");
    assert.match(await page.textContent('[data-testid="obligations"]'), /art\. 23, lid 1/);

    assert.deepEqual(page.problems, [], "no console errors or CSP violations");
  } finally {
    await browser.close();
  }
});
