# Roles besides provider and deployer (importer, distributor, product manufacturer) and the
# open-source exclusion: wizard questions and the result.

step-open-source = Is it open source?
step-open-source-price = Is money made from it?
step-supply = Where does the system come from and where does it go?
step-import = Import from outside the EU
step-product-manufacturer = Built into a product of our own

q-open-source-free-open-source-licence = Is the system released under a free and open-source licence (use, study, modification and redistribution allowed)?
h-open-source-free-open-source-licence = Systems under such a licence are outside the AI Act unless they are high-risk, prohibited or carry transparency duties (Art. 2(12)).
q-open-source-monetised = Does the supplier charge for it or otherwise make money from it (for example mandatory paid support)?
h-open-source-monetised = Then the open-source exclusion does not apply.
q-wizard-supplier-outside-union = Is the supplier established outside the European Union?
h-wizard-supplier-outside-union = Only then can the police be an importer.
q-deployment-imports-from-outside-union = Do the police themselves bring the system into the EU, under the name or trademark of that foreign supplier?
h-deployment-imports-from-outside-union = Then the police are the importer (Art. 3(6)) and, for a high-risk system, must check before importing that it conforms (Art. 23).
q-deployment-distributes = Do the police pass the system on to others without being its provider or importer?
h-deployment-distributes = For example to another public body. Then the police are a distributor (Art. 3(7)).
q-deployment-integrates-into-own-product = Do the police place on the market or put into service, under their own name, the product with the AI system as its safety component?
h-deployment-integrates-into-own-product = Then the police are the product manufacturer and, for a high-risk system, also its provider (Art. 25(3)).

other-roles = Also acting as
role-importer = Importer
role-distributor = Distributor
role-product-manufacturer = Product manufacturer
