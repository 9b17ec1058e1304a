### Document screening and bulk screening jobs.
###
### Dutch (nl). Code asks for `t("a.key_name")`; the id here is that key with
### `.` and `_` written as `-`. The same ids must exist in nl/ and en/ (a test checks).

screening = AI-screening
verdict-ai = AI aangetroffen
verdict-no-ai = geen AI
verdict-unreadable = onleesbaar
not-screened = Niet gescreend.
contradiction-warning = Tegenstrijdig: het document ontkent AI en beschrijft elders AI-functionaliteit.
specificity = Specificiteit
specificity-hint = (0 = algemeen, 1 = concreet; stel bij lage waarden scenariovragen)
screened-with = Gescreend met
denied = ontkend
document-text = Tekst van het document
text-truncated = Alleen het begin van de tekst wordt getoond.
back-to-dossier = Terug naar het dossier
download = Downloaden
ai-screening = AI-screening
bulk-screening = Bulkscreening
bulk-hint = Meerdere bestanden of een ZIP-bestand; elk bestand wordt als document opgeslagen en gescreend. U kunt de pagina daarna verlaten en later terugkomen.
bulk-files = Bestanden of ZIP
start-bulk = Screening starten
screening-jobs = Screeningsopdrachten
job-progress = Voortgang
job-started = gestart
job-handled = verwerkt
job-queued = In de wachtrij
job-running-short = Bezig
job-done = Klaar
job-failed = Mislukt
job-cancelled = Geannuleerd
job-running = Bezig; u kunt deze pagina verlaten en later terugkomen.
refresh = Vernieuwen
cancel-job = Screening annuleren
item-pending = wacht
item-done = gescreend
item-failed = mislukt
item-skipped = overgeslagen
note = Toelichting
view-job = Bekijken
