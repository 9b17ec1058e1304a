### Provenance of documents, supplier-safe exports, stale packages and four-eyes waivers.
###
### English (en). Code asks for `t("a.key_name")`; the id here is that key with
### `.` and `_` written as `-`. The same ids must exist in nl/ and en/ (a test checks).

provenance = Provenance
provenance-supplier = From supplier
provenance-internal = Internal
provenance-unrecorded = Provenance not recorded (never shown to a supplier)
provenance-reference-short = reference
provenance-question = Where does this document come from?
provenance-from-supplier = From a supplier
provenance-from-inside = Written internally
provenance-supplier-label = Supplier
provenance-reference = Bid or reference (optional)
provenance-role = Written by the role
provenance-hint = Only a supplier's own documents are ever quoted to that supplier; internal documents never are.
export-general = All bidders (no quotes from documents)
export-for-supplier = Only for
finding-for = Question to
stale-title = The package is out of date
stale-hint = Generate the package again, or freeze it anyway with a reason.
stale-reason = Reason to freeze anyway
freeze-anyway = Freeze anyway
generated-for = Package made for verdict
waiver-proposed = Waiver proposed by
waiver-waits = waiting for confirmation by a second person
confirm-waiver = Confirm waiver
withdraw-waiver = Withdraw proposal
propose-waiver = Propose waiver

## Errors
invalid-provenance-required = Say where the document comes from: from a supplier or internal.
invalid-provenance-supplier = Choose the supplier the document comes from.
invalid-provenance-unknown-supplier = This supplier is not in the catalogue.
invalid-provenance-reference = The reference may have at most { $max } characters, on one line.
invalid-provenance-role = Choose the role that wrote the internal document.
invalid-stale-reason = Give a reason (at least 3 characters) to freeze an out-of-date package anyway.
status-waiver-proposed = waiver proposed
