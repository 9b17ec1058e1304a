//! Work on a list of items on several threads while handing the results on in input order,
//! so `grip screen` uses every core and still prints its lines in the order it was given.
//! A slow item holds back at most a bounded number of finished results behind it. Workers
//! take items in chunks, so that many small items do not cost a hand-over each.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Runs `work` on every item on up to `workers` threads and calls `emit` with the results
/// in input order. A worker does not start a chunk of items more than `window` places
/// (at least two chunks per worker) ahead of the last emitted one. The first error from `emit` stops the workers and is
/// returned.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    workers: usize,
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        return items.iter().try_for_each(|item| emit(work(item)));
    }
    let chunk = chunk_size(items.len(), workers);
    // Below two chunks per worker, workers would wait for each other's chunks.
    let window = window.max(2 * chunk * workers);
    let next = AtomicUsize::new(0);
    let gate = Gate::default();
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel::<(usize, Vec<R>)>();
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, gate, work) = (&next, &gate, &work);
            scope.spawn(move || {
                let _guard = StopOnPanic(gate);
                loop {
                    let first = next.fetch_add(chunk, Ordering::Relaxed);
                    if first >= items.len() || !gate.wait_until_within(first, window) {
                        break;
                    }
                    let last = (first + chunk).min(items.len());
                    let results = items[first..last].iter().map(work).collect();
                    if sender.send((first, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut emitted = 0;
        let outcome = (|| {
            for (first, results) in &receiver {
                waiting.insert(first, results);
                while let Some(results) = waiting.remove(&emitted) {
                    for result in results {
                        emit(result)?;
                        emitted += 1;
                    }
                }
                gate.advance(emitted);
            }
            Ok(())
        })();
        if outcome.is_err() {
            gate.stop();
        }
        outcome
    })
}

/// Chunks small enough to share the work evenly, large enough to keep hand-overs rare.
fn chunk_size(items: usize, workers: usize) -> usize {
    (items / (workers * 16)).clamp(1, 32)
}

/// How far the emitter has got, for workers that must not run too far ahead of it.
#[derive(Default)]
struct Gate {
    emitted: Mutex<usize>,
    advanced: Condvar,
    stopped: AtomicBool,
}

impl Gate {
    /// Blocks until `index` lies within `window` of the emitted count; false once stopped.
    fn wait_until_within(&self, index: usize, window: usize) -> bool {
        let Ok(mut emitted) = self.emitted.lock() else {
            return false;
        };
        while index >= *emitted + window {
            if self.stopped.load(Ordering::Relaxed) {
                return false;
            }
            emitted = match self.advanced.wait(emitted) {
                Ok(guard) => guard,
                Err(_) => return false,
            };
        }
        !self.stopped.load(Ordering::Relaxed)
    }

    fn advance(&self, emitted: usize) {
        if let Ok(mut current) = self.emitted.lock() {
            *current = emitted;
        }
        self.advanced.notify_all();
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
        // Taking the lock orders the flag before any worker's next check.
        drop(self.emitted.lock());
        self.advanced.notify_all();
    }
}

/// A worker that panics leaves a gap no one will fill; stopping the others keeps them from
/// waiting for it forever, and the scope then passes the panic on.
struct StopOnPanic<'a>(&'a Gate);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Later items finish first (earlier ones sleep longer), yet come out in input order.
    #[test]
    fn results_come_out_in_input_order() {
        let items: Vec<u64> = (0..40).collect();
        let mut seen = Vec::new();
        let outcome: Result<(), ()> = for_each_ordered(
            &items,
            4,
            8,
            |&i| {
                std::thread::sleep(Duration::from_millis((40 - i) % 7));
                i * 10
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(seen, items.iter().map(|i| i * 10).collect::<Vec<_>>());
    }

    /// No worker starts an item more than `window` places (plus the rest of its chunk)
    /// after the last emitted one.
    #[test]
    fn workers_stay_within_the_window() {
        let items: Vec<usize> = (0..200).collect();
        let emitted = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        let outcome: Result<(), ()> = for_each_ordered(
            &items,
            3,
            5,
            |&i| {
                let ahead = i - emitted.load(Ordering::SeqCst).min(i);
                furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(20));
                }
                i
            },
            |_| {
                emitted.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(emitted.load(Ordering::SeqCst), 200);
        let chunk = chunk_size(200, 3);
        let window = 5.max(2 * chunk * 3);
        assert!(furthest_ahead.load(Ordering::SeqCst) < window + chunk - 1);
    }

    /// An emit error (a closed pipe) stops the run and is returned; later items are skipped.
    #[test]
    fn an_emit_error_stops_the_workers() {
        let items: Vec<usize> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let outcome = for_each_ordered(
            &items,
            2,
            4,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| if i == 3 { Err("closed") } else { Ok(()) },
        );
        assert_eq!(outcome, Err("closed"));
        // At most the window (two chunks per worker) and each worker's current chunk.
        let chunk = chunk_size(items.len(), 2);
        assert!(started.load(Ordering::SeqCst) <= 2 * chunk * 2 + 2 * chunk);
    }

    #[test]
    fn a_panicking_item_ends_the_run_instead_of_hanging_it() {
        let items: Vec<usize> = (0..100).collect();
        let run = std::panic::catch_unwind(|| {
            let _: Result<(), ()> = for_each_ordered(
                &items,
                2,
                3,
                |&i| {
                    assert_ne!(i, 5, "item 5 is broken");
                    i
                },
                |_| Ok(()),
            );
        });
        assert!(run.is_err());
    }

    #[test]
    fn one_worker_or_no_items_runs_in_place() {
        let mut seen = Vec::new();
        let outcome: Result<(), ()> = for_each_ordered(
            &[1, 2, 3],
            1,
            1,
            |&i| i,
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!((outcome, seen), (Ok(()), vec![1, 2, 3]));
        let none: [u8; 0] = [];
        let outcome: Result<(), ()> = for_each_ordered(&none, 4, 4, |&i| i, |_| Err(()));
        assert_eq!(outcome, Ok(()));
    }
}
