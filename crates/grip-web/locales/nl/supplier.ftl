### Provenance of documents, supplier-safe exports, stale packages and four-eyes waivers.
###
### Dutch (nl). Code asks for `t("a.key_name")`; the id here is that key with
### `.` and `_` written as `-`. The same ids must exist in nl/ and en/ (a test checks).

provenance = Herkomst
provenance-supplier = Van leverancier
provenance-internal = Intern
provenance-unrecorded = Herkomst niet vastgelegd (wordt nooit aan een leverancier getoond)
provenance-reference-short = kenmerk
provenance-question = Waar komt dit document vandaan?
provenance-from-supplier = Van een leverancier
provenance-from-inside = Intern opgesteld
provenance-supplier-label = Leverancier
provenance-reference = Inschrijving of kenmerk (optioneel)
provenance-role = Opgesteld door de rol
provenance-hint = Alleen documenten van een leverancier zelf worden ooit aan die leverancier geciteerd; interne documenten nooit.
export-general = Alle inschrijvers (zonder citaten uit documenten)
export-for-supplier = Alleen voor
finding-for = Vraag aan
stale-title = Het pakket is niet meer actueel
stale-hint = Maak het pakket opnieuw, of bevries het toch met een reden.
stale-reason = Reden om toch te bevriezen
freeze-anyway = Toch bevriezen
generated-for = Pakket gemaakt voor oordeel
waiver-proposed = Vrijstelling voorgesteld door
waiver-waits = wacht op bevestiging door een tweede persoon
confirm-waiver = Vrijstelling bevestigen
withdraw-waiver = Voorstel intrekken
propose-waiver = Vrijstelling voorstellen

## Errors
invalid-provenance-required = Geef aan waar het document vandaan komt: van een leverancier of intern.
invalid-provenance-supplier = Kies de leverancier van wie het document komt.
invalid-provenance-unknown-supplier = Deze leverancier staat niet in de catalogus.
invalid-provenance-reference = Het kenmerk mag hoogstens { $max } tekens hebben, op één regel.
invalid-provenance-role = Kies de rol die het interne document heeft opgesteld.
invalid-stale-reason = Geef een reden (minstens 3 tekens) om een verouderd pakket toch te bevriezen.
status-waiver-proposed = vrijstelling voorgesteld
