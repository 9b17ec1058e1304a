# Rollen naast aanbieder en gebruiksverantwoordelijke (importeur, distributeur,
# productfabrikant) en de open-source-uitzondering: wizardvragen en de uitslag.

step-open-source = Is het open source?
step-open-source-price = Wordt er geld aan verdiend?
step-supply = Waar komt het systeem vandaan en waar gaat het heen?
step-import = Invoer van buiten de EU
step-product-manufacturer = Ingebouwd in een eigen product

q-open-source-free-open-source-licence = Is het systeem uitgebracht onder een vrije en open-sourcelicentie (gebruiken, bestuderen, aanpassen en verder verspreiden toegestaan)?
h-open-source-free-open-source-licence = Systemen onder zo'n licentie vallen buiten de AI-verordening, behalve als ze hoog risico hebben, verboden zijn of onder de transparantieplichten vallen (art. 2, lid 12).
q-open-source-monetised = Vraagt de leverancier er geld voor of verdient hij er op een andere manier aan (bijvoorbeeld betaalde ondersteuning die verplicht is)?
h-open-source-monetised = Dan geldt de open-source-uitzondering niet.
q-wizard-supplier-outside-union = Is de leverancier buiten de Europese Unie gevestigd?
h-wizard-supplier-outside-union = Alleen dan kan de politie importeur zijn.
q-deployment-imports-from-outside-union = Brengt de politie het systeem zelf de EU binnen, onder de naam of het merk van die buitenlandse leverancier?
h-deployment-imports-from-outside-union = Dan is de politie importeur (art. 3, lid 6) en moet zij bij een hoog-risicosysteem vóór invoer controleren of het voldoet (art. 23).
q-deployment-distributes = Levert de politie het systeem door aan anderen, zonder er zelf aanbieder of importeur van te zijn?
h-deployment-distributes = Bijvoorbeeld aan een andere overheidsdienst. Dan is de politie distributeur (art. 3, lid 7).
q-deployment-integrates-into-own-product = Brengt de politie het product met het AI-systeem als veiligheidscomponent onder eigen naam in de handel of in gebruik?
h-deployment-integrates-into-own-product = Dan is de politie productfabrikant en bij een hoog-risicosysteem ook de aanbieder ervan (art. 25, lid 3).

other-roles = Ook in de rol van
role-importer = Importeur
role-distributor = Distributeur
role-product-manufacturer = Productfabrikant
