//! The audit chain's hashing rule. Each event's hash covers the previous event's hash and the
//! event's own canonical bytes, so altering, deleting or reordering any event breaks every
//! later link. Kept pure so the store, the CLI and an auditor's own script agree.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an event that its hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventBody<'a> {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: &'a str,
    pub dossier: Option<&'a str>,
    pub kind: &'a str,
    pub payload: &'a str,
}

impl EventBody<'_> {
    /// Length-prefixed fields, so no two different events share the same bytes.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let seq = self.seq.to_string();
        let at = self.at_ms.to_string();
        let fields: [&str; 6] = [
            &seq,
            &at,
            self.actor,
            self.dossier.unwrap_or(""),
            self.kind,
            self.payload,
        ];
        let mut out = Vec::with_capacity(fields.iter().map(|f| f.len() + 12).sum());
        for field in fields {
            out.extend_from_slice(field.len().to_string().as_bytes());
            out.push(b':');
            out.extend_from_slice(field.as_bytes());
            out.push(b'\n');
        }
        out
    }

    /// `SHA-256(prev_hash ‖ canonical bytes)` as lowercase hex.
    pub fn chain_hash(&self, prev_hash: &str) -> String {
        let mut hasher = Sha256::new();
        hasher.update(prev_hash.as_bytes());
        hasher.update(self.canonical_bytes());
        hex::encode(hasher.finalize())
    }
}

/// A stored event as read back, for the trail pages and for verification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredEvent {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: String,
    pub dossier: Option<String>,
    pub kind: String,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

impl StoredEvent {
    pub fn body(&self) -> EventBody<'_> {
        EventBody {
            seq: self.seq,
            at_ms: self.at_ms,
            actor: &self.actor,
            dossier: self.dossier.as_deref(),
            kind: &self.kind,
            payload: &self.payload,
        }
    }
}

/// The result of re-walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    Intact {
        events: i64,
    },
    Broken(ChainBreak),
    /// The chain is intact, but sealed decision records no longer match the hash the chain
    /// recorded when they were sealed (changed in the database afterwards).
    SealBroken {
        decisions: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("event {seq}: expected sequence number {expected} (an event was deleted or reordered)")]
    Gap { seq: i64, expected: i64 },
    #[error("event {seq}: prev_hash does not match the hash of the event before it")]
    PrevMismatch { seq: i64 },
    #[error("event {seq}: content does not match its hash (the event was altered)")]
    HashMismatch { seq: i64 },
    #[error("the chain head says {head_seq} events but the chain ends at {last_seq}")]
    HeadMismatch { head_seq: i64, last_seq: i64 },
}

impl ChainBreak {
    /// The first sequence number at which the chain is broken.
    pub fn seq(&self) -> i64 {
        match self {
            ChainBreak::Gap { seq, .. }
            | ChainBreak::PrevMismatch { seq }
            | ChainBreak::HashMismatch { seq } => *seq,
            ChainBreak::HeadMismatch { last_seq, .. } => last_seq + 1,
        }
    }
}

/// Walks events in sequence order, carrying the state from one page of events to the next.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    expected_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_string(),
        }
    }
}

impl ChainVerifier {
    pub fn check(&mut self, event: &StoredEvent) -> Result<(), ChainBreak> {
        if event.seq != self.expected_seq {
            return Err(ChainBreak::Gap {
                seq: self.expected_seq.min(event.seq),
                expected: self.expected_seq,
            });
        }
        if event.prev_hash != self.prev_hash {
            return Err(ChainBreak::PrevMismatch { seq: event.seq });
        }
        if event.body().chain_hash(&event.prev_hash) != event.hash {
            return Err(ChainBreak::HashMismatch { seq: event.seq });
        }
        self.expected_seq += 1;
        self.prev_hash = event.hash.clone();
        Ok(())
    }

    /// The number of events verified so far.
    pub fn verified(&self) -> i64 {
        self.expected_seq - 1
    }

    /// Checks the head row against the end of the chain, catching deletion of the last events.
    pub fn finish(&self, head_seq: i64, head_hash: &str) -> Result<i64, ChainBreak> {
        if head_seq != self.verified() || head_hash != self.prev_hash {
            return Err(ChainBreak::HeadMismatch {
                head_seq,
                last_seq: self.verified(),
            });
        }
        Ok(self.verified())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<StoredEvent> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let mut e = StoredEvent {
                    seq,
                    at_ms: 1_700_000_000_000 + seq,
                    actor: "inkoper".into(),
                    dossier: Some("d1".into()),
                    kind: "dossier.updated".into(),
                    payload: format!("{{\"n\":{seq}}}"),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = e.body().chain_hash(&prev);
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    fn verify(events: &[StoredEvent]) -> Result<i64, ChainBreak> {
        let mut v = ChainVerifier::default();
        for e in events {
            v.check(e)?;
        }
        let last = events
            .last()
            .map(|e| e.hash.as_str())
            .unwrap_or(GENESIS_HASH);
        v.finish(events.len() as i64, last)
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(5));
    }

    #[test]
    fn altering_an_event_is_found_at_its_sequence_number() {
        let mut events = chain(5);
        events[2].payload = "{\"n\":99}".into();
        assert_eq!(verify(&events).unwrap_err().seq(), 3);
    }

    #[test]
    fn deleting_an_event_is_found_where_it_was() {
        let mut events = chain(5);
        events.remove(1);
        assert_eq!(verify(&events).unwrap_err().seq(), 2);
    }

    #[test]
    fn swapping_two_events_is_found() {
        let mut events = chain(5);
        events.swap(3, 4);
        let err = verify(&events).unwrap_err();
        assert_eq!(err.seq(), 4, "{err}");
    }

    #[test]
    fn field_boundaries_matter() {
        let a = EventBody {
            seq: 1,
            at_ms: 1,
            actor: "ab",
            dossier: None,
            kind: "c",
            payload: "",
        };
        let b = EventBody {
            actor: "a",
            kind: "bc",
            ..a.clone()
        };
        assert_ne!(a.chain_hash(GENESIS_HASH), b.chain_hash(GENESIS_HASH));
    }
}
