# The model register: AI models in procured systems, both ways.
models-title = Model register
models-intro = The AI models in the systems the organisation buys. The same model can sit in several products; here you see every product that holds it, and on a system's page which other systems hold the model too.
models-count = models
models-shared = sit in more than one system
models-none = No models recorded yet. Record them on a system's page.
models-in-systems = In systems
models-back = ← Back to the model register
models-register-link = Model register: every model and where it sits
models-of-system = Components and models
models-none-in-system = No models recorded for this system yet.
model = Model
model-system = System
model-name = Model name
model-version = Version
model-provider = Maker of the model
model-modality = Kind of data
model-hosting = Where it runs
model-component = Component
model-training-data = Training data (summary)
model-training-unknown = not known
model-add = Record model
model-also-in = Also in { $count ->
    [1] 1 other system
   *[other] { $count } other systems
}
model-choose = — choose —
modality-text = text
modality-speech = speech
modality-audio = audio
modality-image = image
modality-video = video
modality-biometric = biometric data
modality-tabular = tabular data
modality-multimodal = several kinds
modality-other = other
hosting-on-device = on the device
hosting-on-premises = on premises
hosting-cloud-eu = cloud within the EU
hosting-cloud-outside-eu = cloud outside the EU
hosting-unknown = unknown
event-inventory-model-recorded = { $actor } recorded model { $model } in { $name }
