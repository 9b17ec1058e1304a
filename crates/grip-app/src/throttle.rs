//! Sign-in throttling. After a few wrong passwords for one account, or from one address, the
//! next attempt must wait, and the wait doubles with every further failure up to a cap; a
//! correct password clears the account's count. The counts live in this process: several
//! instances each throttle on their own, which still bounds guessing to a handful of
//! attempts per minute per instance.

use std::collections::HashMap;
use std::sync::Mutex;

/// Failures allowed for one account before it must wait.
const FREE_PER_ACCOUNT: u32 = 5;
/// Failures allowed from one address before it must wait. Higher than per account: behind a
/// reverse proxy every person shares one address.
const FREE_PER_ADDRESS: u32 = 20;
/// The first wait; it doubles with each failure after the free ones.
const FIRST_WAIT_MS: i64 = 30_000;
/// The longest wait.
const MAX_WAIT_MS: i64 = 15 * 60_000;
/// A count not added to for this long starts again from zero.
const FORGET_AFTER_MS: i64 = 60 * 60_000;
/// Keys kept at most; beyond it the stale ones are dropped, then the oldest.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last_ms: i64,
}

/// What a sign-in attempt is throttled by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    Account(&'a str),
    Address(&'a str),
}

impl Subject<'_> {
    fn key(self) -> String {
        match self {
            Subject::Account(name) => format!("account:{}", name.trim().to_lowercase()),
            Subject::Address(address) => format!("address:{address}"),
        }
    }

    fn free(self) -> u32 {
        match self {
            Subject::Account(_) => FREE_PER_ACCOUNT,
            Subject::Address(_) => FREE_PER_ADDRESS,
        }
    }
}

#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, Failures>>,
}

impl SignInThrottle {
    /// How long `subject` must still wait at `now`, in milliseconds; `None` when it may try.
    pub fn wait_ms(&self, subject: Subject<'_>, now: i64) -> Option<i64> {
        let failures = self.lock();
        let f = failures.get(&subject.key())?;
        let over = f.count.checked_sub(subject.free())?;
        let wait = FIRST_WAIT_MS
            .saturating_mul(1_i64 << over.min(20))
            .min(MAX_WAIT_MS);
        let remaining = f.last_ms + wait - now;
        (remaining > 0 && now - f.last_ms < FORGET_AFTER_MS).then_some(remaining)
    }

    pub fn failed(&self, subject: Subject<'_>, now: i64) {
        let mut failures = self.lock();
        if failures.len() >= MAX_KEYS {
            failures.retain(|_, f| now - f.last_ms < FORGET_AFTER_MS);
            if failures.len() >= MAX_KEYS
                && let Some(oldest) = failures
                    .iter()
                    .min_by_key(|(_, f)| f.last_ms)
                    .map(|(k, _)| k.clone())
            {
                failures.remove(&oldest);
            }
        }
        let entry = failures.entry(subject.key()).or_insert(Failures {
            count: 0,
            last_ms: now,
        });
        if now - entry.last_ms >= FORGET_AFTER_MS {
            entry.count = 0;
        }
        entry.count = entry.count.saturating_add(1);
        entry.last_ms = now;
    }

    pub fn succeeded(&self, subject: Subject<'_>) {
        self.lock().remove(&subject.key());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        // A panic while holding the lock leaves plain counts behind; they stay usable.
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCOUNT: Subject<'static> = Subject::Account("Jurist");

    #[test]
    fn the_free_attempts_pass_then_the_wait_doubles_up_to_the_cap() {
        let throttle = SignInThrottle::default();
        for i in 0..FREE_PER_ACCOUNT {
            assert_eq!(throttle.wait_ms(ACCOUNT, i64::from(i)), None);
            throttle.failed(ACCOUNT, i64::from(i));
        }
        let last = i64::from(FREE_PER_ACCOUNT - 1);
        assert_eq!(throttle.wait_ms(ACCOUNT, last), Some(FIRST_WAIT_MS));
        assert_eq!(
            throttle.wait_ms(Subject::Account(" jurist "), last + 10),
            Some(FIRST_WAIT_MS - 10)
        );
        assert_eq!(throttle.wait_ms(ACCOUNT, last + FIRST_WAIT_MS), None);
        throttle.failed(ACCOUNT, 100_000);
        assert_eq!(throttle.wait_ms(ACCOUNT, 100_000), Some(2 * FIRST_WAIT_MS));
        for _ in 0..30 {
            throttle.failed(ACCOUNT, 100_000);
        }
        assert_eq!(throttle.wait_ms(ACCOUNT, 100_000), Some(MAX_WAIT_MS));
        throttle.succeeded(ACCOUNT);
        assert_eq!(throttle.wait_ms(ACCOUNT, 100_000), None);
    }

    #[test]
    fn addresses_get_more_attempts_and_counts_are_forgotten() {
        let throttle = SignInThrottle::default();
        let address = Subject::Address("192.0.2.7");
        for _ in 0..FREE_PER_ACCOUNT {
            throttle.failed(address, 0);
        }
        assert_eq!(throttle.wait_ms(address, 0), None);
        for _ in FREE_PER_ACCOUNT..FREE_PER_ADDRESS {
            throttle.failed(address, 0);
        }
        assert!(throttle.wait_ms(address, 0).is_some());
        throttle.failed(address, FORGET_AFTER_MS);
        assert_eq!(
            throttle.wait_ms(address, FORGET_AFTER_MS),
            None,
            "counting restarts"
        );
    }
}
