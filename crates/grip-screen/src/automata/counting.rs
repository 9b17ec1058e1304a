//! Counting the matches of several precompiled DFAs over one text in a single pass.
//!
//! A DFA search is one chain of dependent table lookups: the next state cannot be read
//! before the current one is known, so a lone search waits on memory at every byte. The
//! specificity signals all scan the same text; stepping them in turn, one byte each, lets
//! the processor overlap their lookups. Each lane keeps the leftmost-first semantics of
//! `try_search_fwd` (a match is reported once the DFA can no longer extend it) and counts
//! non-overlapping matches the way `Regex::find_iter(..).count()` does.

use regex_automata::Input;
use regex_automata::dfa::Automaton;
use regex_automata::dfa::dense;
use regex_automata::util::primitives::StateID;

type Dfa = dense::DFA<&'static [u32]>;

/// For each DFA, its non-overlapping leftmost-first matches in `text`, counting at most
/// `limit`; `None` where a DFA gave up (a quit byte), so the caller can count another way.
pub(crate) fn count_matches(dfas: &[&Dfa], text: &str, limit: usize) -> Vec<Option<usize>> {
    let mut counts = vec![Some(0); dfas.len()];
    if limit == 0 {
        return counts;
    }
    let mut lanes: Vec<Lane<'_>> = Vec::with_capacity(dfas.len());
    for (index, dfa) in dfas.iter().enumerate() {
        let mut lane = Lane {
            dfa,
            index,
            sid: StateID::ZERO,
            at: 0,
            search_start: 0,
            pending: None,
            count: 0,
        };
        match lane.restart(text, 0) {
            Step::Go => lanes.push(lane),
            Step::Done(count) => counts[index] = count,
        }
    }
    for (pos, &byte) in text.as_bytes().iter().enumerate() {
        if lanes.is_empty() {
            break;
        }
        // The common case: no lane meets a special state, and every lane reads the byte
        // without a branch that depends on its state.
        let mut special = false;
        for lane in &mut lanes {
            lane.sid = lane.dfa.next_state(lane.sid, byte);
            special |= lane.dfa.is_special_state(lane.sid);
        }
        if special {
            lanes.retain_mut(|lane| {
                if !lane.dfa.is_special_state(lane.sid) {
                    return true;
                }
                lane.at = pos;
                match lane.rejoin(text, limit, pos + 1) {
                    Step::Go => true,
                    Step::Done(count) => {
                        counts[lane.index] = count;
                        false
                    }
                }
            });
        }
    }
    for mut lane in lanes {
        lane.at = text.len();
        counts[lane.index] = lane.finish(text, limit);
    }
    counts
}

enum Step {
    Go,
    Done(Option<usize>),
}

/// One DFA's search in progress.
struct Lane<'d> {
    dfa: &'d Dfa,
    /// Which of the caller's DFAs this is.
    index: usize,
    sid: StateID,
    /// The next byte to read.
    at: usize,
    /// Where the current search began.
    search_start: usize,
    /// The end of the longest match the current search has seen so far.
    pending: Option<usize>,
    count: usize,
}

impl Lane<'_> {
    /// Reads one byte (or the end of the text).
    #[inline(always)]
    fn step(&mut self, text: &str, limit: usize) -> Step {
        let Some(&byte) = text.as_bytes().get(self.at) else {
            return self.end_of_text(text, limit);
        };
        self.sid = self.dfa.next_state(self.sid, byte);
        if self.dfa.is_special_state(self.sid) {
            return self.special_state(text, limit);
        }
        self.at += 1;
        Step::Go
    }

    /// Handles the special state just entered at `self.at` and steps on alone until the
    /// lane has read everything before `next` again; a lane that cannot rejoin there is
    /// run to its end.
    #[inline(never)]
    fn rejoin(&mut self, text: &str, limit: usize, next: usize) -> Step {
        if let Step::Done(count) = self.special_state(text, limit) {
            return Step::Done(count);
        }
        while self.at < next {
            if let Step::Done(count) = self.step(text, limit) {
                return Step::Done(count);
            }
        }
        if self.at == next {
            Step::Go
        } else {
            Step::Done(self.finish(text, limit))
        }
    }

    /// Steps alone to the end of the text.
    fn finish(&mut self, text: &str, limit: usize) -> Option<usize> {
        loop {
            if let Step::Done(count) = self.step(text, limit) {
                return count;
            }
        }
    }

    fn special_state(&mut self, text: &str, limit: usize) -> Step {
        let dfa = self.dfa;
        if dfa.is_match_state(self.sid) {
            // Matches are reported one byte late: the match ended before this byte.
            self.pending = Some(self.at);
        } else if dfa.is_dead_state(self.sid) {
            return self.search_done(text, limit);
        } else if dfa.is_quit_state(self.sid) {
            return Step::Done(None);
        }
        // A start or accelerated state: its transitions hold without the acceleration.
        self.at += 1;
        Step::Go
    }

    fn end_of_text(&mut self, text: &str, limit: usize) -> Step {
        let sid = self.dfa.next_eoi_state(self.sid);
        if self.dfa.is_match_state(sid) {
            self.pending = Some(text.len());
        }
        self.search_done(text, limit)
    }

    /// The current search is over: count its match and search on after it.
    fn search_done(&mut self, text: &str, limit: usize) -> Step {
        let Some(end) = self.pending else {
            return Step::Done(Some(self.count));
        };
        self.count += 1;
        if self.count >= limit {
            return Step::Done(Some(self.count));
        }
        // An empty match (the signals have none) steps on by a character.
        let next = if end > self.search_start {
            end
        } else {
            next_char(text, self.search_start)
        };
        if next > text.len() {
            return Step::Done(Some(self.count));
        }
        self.restart(text, next)
    }

    fn restart(&mut self, text: &str, at: usize) -> Step {
        match self.dfa.start_state_forward(&Input::new(text).range(at..)) {
            Ok(sid) => {
                self.sid = sid;
                self.at = at;
                self.search_start = at;
                self.pending = None;
                Step::Go
            }
            Err(_) => Step::Done(None),
        }
    }
}

/// The byte offset after the character at `at` (past the end when there is none).
pub(crate) fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}
