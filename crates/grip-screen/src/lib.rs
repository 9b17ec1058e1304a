//! Text extraction from supplier documents and screening for AI indicators.
