### The page frame and Dutch notation: header, breadcrumbs, footer, section navigation, and
### the words for codes that pages show (exposure, trace findings, errors).
###
### Dutch (nl). The same ids must exist in en/look.ftl (a test checks).

main-menu = Hoofdmenu
breadcrumbs = Kruimelpad
on-this-page = Op deze pagina
footer-about = Grip draait op de eigen servers van de organisatie; er gaat niets naar buiten.
error-title = Er ging iets mis
error-home = Naar het overzicht
error-status = Foutcode
exposure-none = geen
exposure-low = laag
exposure-medium = middel
exposure-high = hoog
finding-verdict = Oordeel: { $verdict }
finding-not-yet-law = { $article } geldt nog niet op { $date }
finding-annex-i = Bijlage I, afdeling { $section }: { $act }
not-found-dossier = Dit dossier bestaat niet (meer), of u mag het niet zien.
not-found-document = Dit document bestaat niet (meer).
not-found-package = Er is (nog) geen aanbestedingspakket.
not-found-package-item = Dit onderdeel van het pakket bestaat niet (meer).
not-found-classification = Deze classificatie bestaat niet.
not-found-user = Deze gebruiker bestaat niet.
not-found-screening-job = Deze screeningsopdracht bestaat niet.
not-found-inventory-item = Dit systeem staat niet in de inventaris.
not-found-obligation = Deze verplichting bestaat niet.
not-found-category = Deze categorie bestaat niet.
not-found-supplier = Deze leverancier bestaat niet.
unit-bytes = bytes
media-pdf = PDF
media-text = Tekst
media-markdown = Tekst (Markdown)
media-docx = Word-document
media-odt = OpenDocument-tekst
media-zip = ZIP-archief
media-other = Ander bestand
