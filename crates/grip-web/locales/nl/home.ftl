### The home page per role, activity as sentences, the auditor's chain page and the inventory.

## Home
home-title = Mijn werk
home-roles = Uw rollen
home-sign-offs = Wacht op mijn akkoord
home-sign-offs-intro = Verplichte punten van uw rol in de huidige fase. De fase kan pas verder als ze zijn afgerond of met een reden zijn overgeslagen.
home-sign-offs-none = Er wacht niets op uw akkoord.
home-open-checks = Mijn open punten
home-open-checks-none = U heeft geen andere open punten.
home-to-score = Wacht op mijn beoordeling
home-to-score-intro = Dossiers in de fase Beoordeling en gunning waarin u beoordelaar bent.
home-to-score-none = Er wachten geen dossiers op uw beoordeling.
home-my-dossiers = Mijn dossiers per fase
home-my-dossiers-intro = Lopende dossiers waarin u lid of aanvrager bent.
home-my-dossiers-none = U staat nog in geen lopend dossier als lid of aanvrager.
home-next-due = Eerstvolgende termijn
home-gate = Fasepoort
home-gate-clear = kan door
home-gate-waiting = open verplichte punten
home-no-deadline = geen termijn
home-obligations = Verplichtingen die eraan komen
home-obligations-intro = Open verplichtingen uit de AI-verordening in uw dossiers, de vroegste eerst.
home-obligations-none = Er staan geen verplichtingen open in uw dossiers.
home-applies-from = Geldt vanaf
home-already-applies = geldt al
home-activity-mine = Recente activiteit in mijn dossiers
home-activity-all = Recente activiteit in de organisatie
home-activity-none = Nog geen activiteit.
home-all-activity = Alle activiteit
home-overview = De organisatie
home-people = Gebruikers
home-active = actief
home-events = Gebeurtenissen in de auditketen
home-to-chain = Naar de auditketen
home-manage-users = Gebruikers beheren
home-settings = Instellingen
home-mandatory = verplicht
home-item = Punt
home-role = Rol
home-phase = Fase
home-dossier = Dossier
home-obligation = Verplichting
home-auditor-intro = Als auditor leest u alles en wijzigt u niets. Op de pagina Auditketen ziet u elke gebeurtenis met haar hash en of de keten intact is.
home-admin-intro = Als beheerder richt u de organisatie in: gebruikers, rollen en instellingen.

## Activity
activity-title = Activiteit
activity-intro-all = Alles wat er in Grip is gebeurd, het nieuwste eerst.
activity-intro-mine = Wat er is gebeurd in de dossiers waarin u lid of aanvrager bent, en wat u zelf deed. Het nieuwste eerst.
actor-demo = Het demoprogramma
no-roles = geen rollen
checklist-item = een checklistpunt
setting-other = een instelling
setting-checklist-waive-roles = wie checklistpunten mag overslaan
changed-field-other = gegevens
changed-field-title = de titel
changed-field-description = de omschrijving
changed-field-category-id = de categorie
changed-field-classification-label = de rubricering
changed-field-status = de status
changed-field-estimated-value-eur = de geraamde waarde

event-unreadable = { $actor } heeft een wijziging vastgelegd die deze versie van Grip niet kan weergeven
event-auth-signed-in = { $actor } heeft zich aangemeld
event-auth-signed-out = { $actor } heeft zich afgemeld
event-auth-sign-in-failed = Aanmelden als { $actor } is geweigerd: onbekende naam of onjuist wachtwoord
event-token-created = { $actor } heeft een API-sleutel ‘{ $label }’ aangemaakt voor { $subject }
event-user-created = { $actor } heeft { $subject } toegevoegd als gebruiker met de rollen { $roles }
event-user-roles-changed = { $actor } heeft de rollen van { $subject } gewijzigd in { $roles }
event-user-password-reset = { $actor } heeft het wachtwoord van { $subject } opnieuw ingesteld
event-setting-changed = { $actor } heeft ingesteld { $setting }: { $roles }
event-user-deactivated = { $actor } heeft het account van { $subject } gedeactiveerd ({ $tokens } sleutels ingetrokken)
event-user-reactivated = { $actor } heeft het account van { $subject } weer geactiveerd
event-user-password-changed = { $actor } heeft het eigen wachtwoord gewijzigd
event-setting-read-policy-set = { $actor } heeft de leesregels ingesteld: iedereen leest tot en met { $level }; altijd lezen: { $roles }
event-organisation-created = { $actor } heeft de organisatie { $name } ingericht
event-organisation-label-names-set = { $actor } heeft de namen van de rubriceringsniveaus vastgesteld
event-portfolio-loaded = { $actor } heeft { $count } categorieën geladen uit kennispakket { $pack } (versie { $version })
event-demo-loaded = { $actor } heeft de demo geladen: { $dossiers } dossiers en { $register } systemen uit het Algoritmeregister
event-supplier-created = { $actor } heeft leverancier { $name } toegevoegd
event-dossier-created = { $actor } heeft het dossier ‘{ $title }’ aangemaakt in de fase { $phase }
event-dossier-updated = { $actor } heeft { $fields } van het dossier gewijzigd
event-dossier-phase-moved = { $actor } heeft het dossier van { $from } naar { $to } gebracht
event-dossier-member-added = { $actor } heeft { $subject } als { $role } aan het team toegevoegd
event-checklist-status-set = { $status ->
    [done] { $actor } heeft ‘{ $item }’ afgerond
    [waived] { $actor } heeft ‘{ $item }’ overgeslagen, met als reden: { $reason }
    [waiver_proposed] { $actor } stelt voor ‘{ $item }’ over te slaan, met als reden: { $reason }
   *[open] { $actor } heeft ‘{ $item }’ weer opengezet
}
event-document-uploaded = { $actor } heeft het document ‘{ $name }’ toegevoegd (screening: { $verdict })
event-screening-job-started = { $actor } is een bulkscreening van { $total } documenten begonnen
event-screening-job-item-failed = Bij de bulkscreening van { $actor } kon ‘{ $name }’ niet worden verwerkt
event-screening-job-finished = De bulkscreening van { $actor } is klaar: { $done } verwerkt, { $failed } mislukt
event-screening-job-cancelled = { $actor } heeft een bulkscreening gestopt
event-classification-recorded = { $previous ->
    [none] { $actor } heeft het dossier geclassificeerd onder de AI-verordening: { $verdict }
   *[other] { $actor } heeft het dossier opnieuw geclassificeerd onder de AI-verordening: { $verdict } (was { $previous_label })
}
event-obligation-status-changed = { $actor } heeft de verplichting uit { $article } op ‘{ $status }’ gezet
event-package-generated = { $actor } heeft versie { $version } van het aanbestedingspakket opgesteld
event-package-item-edited = { $actor } heeft een onderdeel van het aanbestedingspakket (versie { $version }) aangepast
event-package-item-removed = { $actor } heeft een onderdeel uit het aanbestedingspakket (versie { $version }) gehaald
event-package-item-moved = { $actor } heeft een onderdeel in het aanbestedingspakket (versie { $version }) verplaatst
event-package-item-added = { $actor } heeft een onderdeel aan het aanbestedingspakket (versie { $version }) toegevoegd
event-package-frozen = { $actor } heeft versie { $version } van het aanbestedingspakket vastgesteld ({ $count } onderdelen)
event-package-revised = { $actor } is begonnen aan versie { $version } van het aanbestedingspakket, op basis van versie { $from }
event-inventory-created = { $actor } heeft het systeem ‘{ $name }’ aan de inventaris toegevoegd ({ $exposure })
event-inventory-register-imported = { $actor } heeft { $count } systemen uit het Algoritmeregister ingelezen

## The auditor's chain page
chain-title = Auditketen
chain-intro = Elke gebeurtenis met haar volgnummer, soort, inhoud en hash. Elke hash dekt de vorige, zodat wijzigen, weglaten of verplaatsen van een gebeurtenis de keten vanaf dat punt breekt.
chain-checked = gebeurtenissen gecontroleerd
chain-seq = Nr.
chain-kind = Soort
chain-payload = Inhoud
chain-hash = Hash
chain-prev-hash = Vorige hash
chain-to-activity = Naar de activiteit in gewone taal
chain-break-gap = Na gebeurtenis { $before } ontbreekt gebeurtenis { $expected }: een gebeurtenis is verwijderd of verplaatst.
chain-break-prev = Gebeurtenis { $seq } verwijst niet naar de hash van de gebeurtenis ervoor.
chain-break-hash = De inhoud van gebeurtenis { $seq } klopt niet met haar hash: de gebeurtenis is gewijzigd.
chain-break-head = De keten zou { $head } gebeurtenissen bevatten, maar eindigt bij gebeurtenis { $last }: de laatste gebeurtenissen zijn weggehaald.
chain-break-seal = De keten zelf is heel, maar { $count ->
    [one] een verzegeld besluit is
   *[other] { $count } verzegelde besluiten zijn
} na het verzegelen in de database gewijzigd: de inhoud past niet meer bij de vingerafdruk in de keten.

## Inventory
inv-title = Inventaris
inv-intro = Systemen die de organisatie heeft ingekocht en die AI bevatten of kunnen bevatten. Ter vergelijking kunt u ook de systemen van andere organisaties uit het Algoritmeregister bekijken.
inv-scope = Welke systemen
inv-scope-own = Eigen systemen
inv-scope-register = Algoritmeregister (andere organisaties)
inv-scope-all = Alle systemen
inv-any = Alle
inv-classification = Classificatie
inv-unclassified = Niet geclassificeerd
inv-count = systemen
inv-none = Geen systemen gevonden met dit filter.
inv-clear = Filter wissen
inv-organisation = Organisatie
inv-supplier = Leverancier
inv-dossier = Dossier
inv-no-dossier = Niet aan een dossier gekoppeld.
inv-no-classification = Het dossier is nog niet geclassificeerd onder de AI-verordening.
inv-source-id = Kenmerk in de bron
inv-added = Toegevoegd
inv-updated = Bijgewerkt
inv-contracts = Contracten
inv-obligations = Verplichtingen uit de AI-verordening
inv-back = Terug naar de inventaris
inv-open-classification = Classificatie bekijken
inv-description = Omschrijving
system-exposure-confirmed = AI bevestigd
system-exposure-suspected = AI vermoed
system-exposure-unknown = Onbekend of er AI in zit
system-exposure-none = Geen AI
system-status-in-gebruik = In gebruik
system-status-ontwikkeling = In ontwikkeling
system-status-buiten-gebruik = Buiten gebruik
system-status-onbekend = Status onbekend
inventory-source-manual = Zelf toegevoegd
inventory-source-demo = Demo
inventory-source-algoritmeregister = Algoritmeregister
inventory-source-supplier-entry = Beschrijving van de leverancier
invalid-filter-value = Onbekende filterwaarde ‘{ $value }’; kies een waarde uit de lijst.
event-bid-recorded = { $actor } heeft de inschrijving van { $supplier } vastgelegd op pakketversie { $version } ({ $count } antwoorden)
event-bid-document-attached = { $actor } heeft het document ‘{ $name }’ bij een inschrijving gevoegd
event-assessment-conflict-declared = { $actor } heeft over belangenconflicten verklaard: { $answer }
event-assessment-score-recorded = { $actor } heeft een score vastgelegd
event-assessment-scores-submitted = { $actor } heeft de scores voor een inschrijving ingediend
event-assessment-consensus-recorded = { $actor } heeft een consensusscore vastgelegd: { $level }
event-assessment-award-rule-set = { $actor } heeft de prijsformule ingesteld; de prijs weegt { $share } procent
event-decision-proposed = { $actor } heeft een besluit voorgesteld voor de fase { $gate }: { $outcome }
event-decision-signed = { $actor } heeft een besluit getekend als { $role }
event-decision-sealed = { $actor } heeft met de laatste handtekening het besluit voor de fase { $gate } verzegeld: { $outcome }
declared-conflict = wel een belangenconflict
declared-no-conflict = geen belangenconflict
setting-decision-award-signers = wie een gunningsbesluit tekent
event-contract-created = { $actor } heeft het contract voor { $system } met { $supplier } vastgelegd
event-contract-baseline-recorded = { $actor } heeft versie { $version } van de AI-basislijn vastgelegd ({ $count } componenten)
event-contract-notice-triaged = { $actor } heeft het wijzigingsbericht { $name } vastgelegd; voorstel: { $proposal }
event-contract-notice-decided = { $actor } heeft over een wijzigingsbericht besloten: { $decision }
event-contract-escalation-closed = { $actor } heeft een escalatie afgesloten met een verzegeld besluit
