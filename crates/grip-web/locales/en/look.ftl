### The page frame and notation: header, breadcrumbs, footer, section navigation, and the
### words for codes that pages show (exposure, trace findings, errors).
###
### English (en). The same ids must exist in nl/look.ftl (a test checks).

main-menu = Main menu
breadcrumbs = Breadcrumbs
on-this-page = On this page
footer-about = Grip runs on the organisation's own servers; nothing leaves them.
error-title = Something went wrong
error-home = To the dashboard
error-status = Error code
exposure-none = none
exposure-low = low
exposure-medium = medium
exposure-high = high
finding-verdict = Verdict: { $verdict }
finding-not-yet-law = { $article } is not yet law on { $date }
finding-annex-i = Annex I, section { $section }: { $act }
not-found-dossier = This dossier does not exist (any more), or you may not see it.
not-found-document = This document does not exist (any more).
not-found-package = There is no tender package (yet).
not-found-package-item = This package item does not exist (any more).
not-found-classification = This classification does not exist.
not-found-user = This user does not exist.
not-found-screening-job = This screening job does not exist.
not-found-inventory-item = This system is not in the inventory.
not-found-obligation = This obligation does not exist.
not-found-category = This category does not exist.
not-found-supplier = This supplier does not exist.
unit-bytes = bytes
media-pdf = PDF
media-text = Text
media-markdown = Text (Markdown)
media-docx = Word document
media-odt = OpenDocument text
media-zip = ZIP archive
media-other = Other file
