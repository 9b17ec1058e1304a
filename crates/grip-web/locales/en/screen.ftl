### Document screening and bulk screening jobs.
###
### English (en). Code asks for `t("a.key_name")`; the id here is that key with
### `.` and `_` written as `-`. The same ids must exist in nl/ and en/ (a test checks).

screening = AI screening
verdict-ai = AI indicated
verdict-no-ai = no AI
verdict-unreadable = unreadable
not-screened = Not screened.
contradiction-warning = Contradiction: the document denies AI and describes AI functionality elsewhere.
specificity = Specificity
specificity-hint = (0 = generic, 1 = concrete; ask scenario questions when low)
screened-with = Screened with
denied = denied
document-text = Text of the document
text-truncated = Only the beginning of the text is shown.
back-to-dossier = Back to the dossier
download = Download
ai-screening = AI screening
bulk-screening = Bulk screening
bulk-hint = Several files or a ZIP file; each file is stored as a document and screened. You may leave the page afterwards and come back later.
bulk-files = Files or ZIP
start-bulk = Start screening
screening-jobs = Screening jobs
job-progress = Progress
job-started = started
job-handled = handled
job-queued = Queued
job-running-short = Running
job-done = Done
job-failed = Failed
job-cancelled = Cancelled
job-running = Running; you may leave this page and come back later.
refresh = Refresh
cancel-job = Cancel screening
item-pending = waiting
item-done = screened
item-failed = failed
item-skipped = skipped
note = Note
view-job = View
