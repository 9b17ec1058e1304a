//! Knowledge packs (load, validate, version) and the EU AI Act classifier.
