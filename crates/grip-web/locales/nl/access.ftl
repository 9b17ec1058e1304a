### Accounts, the administrator's users page and need-to-know (who may read which dossier).
###
### Dutch (nl). The same ids must exist in en/ (a test checks).

nav-account = Mijn account
account-title = Mijn account
account-change-password = Wachtwoord wijzigen
account-current-password = Huidig wachtwoord
account-repeat-password = Nieuw wachtwoord nogmaals
account-password-hint = Na het wijzigen bent u op uw andere apparaten uitgelogd.
account-password-changed = Uw wachtwoord is gewijzigd.

users-account = Account
users-last-sign-in = Laatst ingelogd
users-change = Wijzigen
users-active = Actief
users-inactive = Gedeactiveerd
users-never = Nog nooit
users-new-password = Nieuw wachtwoord
users-reset-password = Wachtwoord opnieuw instellen
users-reset-password-hint = De persoon wordt overal uitgelogd en de API-sleutels vervallen.
users-deactivate = Deactiveren
users-deactivate-hint = De persoon kan niet meer inloggen; sessies en API-sleutels vervallen.
users-reactivate = Weer activeren
users-done-added = Gebruiker { $user } is toegevoegd.
users-done-roles = De rollen van { $user } zijn gewijzigd.
users-done-password = Het wachtwoord van { $user } is opnieuw ingesteld.
users-done-deactivated = { $user } is gedeactiveerd.
users-done-reactivated = { $user } is weer actief.

access-title = Wie mag welke dossiers lezen
access-intro = Dossiers met een hogere rubricering dan hieronder gekozen zijn alleen te zien voor de leden van het dossier, de aanvrager en de rollen die u hieronder aanvinkt. Voor anderen bestaan ze niet: ze staan niet in lijsten, zoekresultaten, tellingen en de audittrail.
access-open-up-to = Iedereen leest dossiers tot en met
access-open-up-to-hint = De hoogste rubricering blijft altijd voorbehouden aan wie het moet weten.
access-read-all-roles = Rollen die alle dossiers mogen lezen
access-read-all-roles-hint = Alleen lezen; wijzigen vraagt nog steeds lidmaatschap van het dossier.

invalid-current-password = Het huidige wachtwoord klopt niet.
invalid-password-unchanged = Kies een ander wachtwoord dan het huidige.
invalid-password-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk.
invalid-read-policy-all-open = De hoogste rubricering kan niet voor iedereen open staan.
invalid-read-policy-level = Onbekende rubricering '{ $level }'.
invalid-own-administrator-role = U kunt uw eigen beheerdersrol niet afnemen; vraag een andere beheerder.
invalid-deactivate-own-account = U kunt uw eigen account niet deactiveren; vraag een andere beheerder.
