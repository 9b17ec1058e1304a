# Het modelregister: AI-modellen in ingekochte systemen, in twee richtingen.
models-title = Modelregister
models-intro = De AI-modellen in de systemen die de organisatie inkoopt. Hetzelfde model kan in meerdere producten zitten; dan ziet u hier elk product dat het bevat, en op de pagina van een systeem in welke andere systemen het model ook zit.
models-count = modellen
models-shared = zitten in meer dan één systeem
models-none = Er zijn nog geen modellen vastgelegd. Leg ze vast op de pagina van een systeem.
models-in-systems = In systemen
models-back = ← Terug naar het modelregister
models-register-link = Modelregister: alle modellen en waar ze in zitten
models-of-system = Componenten en modellen
models-none-in-system = Voor dit systeem zijn nog geen modellen vastgelegd.
model = Model
model-system = Systeem
model-name = Naam van het model
model-version = Versie
model-provider = Maker van het model
model-modality = Soort gegevens
model-hosting = Waar het draait
model-component = Component
model-training-data = Trainingsgegevens (samenvatting)
model-training-unknown = niet bekend
model-add = Model vastleggen
model-also-in = Zit ook in { $count ->
    [1] 1 ander systeem
   *[other] { $count } andere systemen
}
model-choose = — kies —
modality-text = tekst
modality-speech = spraak
modality-audio = geluid
modality-image = beeld
modality-video = video
modality-biometric = biometrische gegevens
modality-tabular = tabelgegevens
modality-multimodal = meerdere soorten
modality-other = anders
hosting-on-device = op het apparaat
hosting-on-premises = in eigen beheer
hosting-cloud-eu = cloud binnen de EU
hosting-cloud-outside-eu = cloud buiten de EU
hosting-unknown = onbekend
event-inventory-model-recorded = { $actor } heeft model { $model } vastgelegd in { $name }
