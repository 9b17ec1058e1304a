//! Counting the matches of several precompiled DFAs over one text in a single pass.
//!
//! A DFA search is one chain of dependent table lookups: the next state cannot be read
//! before the current one is known, so a lone search waits on memory at every byte. The
//! specificity signals all scan the same text; stepping a few of them in turn, one byte
//! each, lets the processor overlap their lookups. Each lane keeps the leftmost-first
//! semantics of `try_search_fwd` (a match is reported once the DFA can no longer extend it)
//! and counts non-overlapping matches the way `Regex::find_iter(..).count()` does.

use regex_automata::Input;
use regex_automata::dfa::Automaton;
use regex_automata::dfa::dense;
use regex_automata::util::primitives::StateID;

pub(crate) type Dfa = dense::DFA<&'static [u32]>;

/// Searches stepped side by side: enough to overlap their lookups, few enough that each
/// one's state and tables stay in registers.
const GROUP: usize = 4;

/// For each DFA, its non-overlapping leftmost-first matches in `text`, counting at most
/// `limit`; `None` where a DFA gave up (a quit byte), so the caller can count another way.
pub(crate) fn count_matches(dfas: &[&Dfa], text: &str, limit: usize) -> Vec<Option<usize>> {
    let mut counts = vec![Some(0); dfas.len()];
    if limit == 0 {
        return counts;
    }
    for (group, chunk) in dfas.chunks(GROUP).enumerate() {
        count_group(chunk, group * GROUP, text, limit, &mut counts);
    }
    counts
}

/// Counts for up to `GROUP` DFAs, side by side; `first` is the first one's index in
/// `counts`. A lane that is done (or missing) goes on stepping, unheeded, so that the
/// loop keeps its shape.
fn count_group(
    dfas: &[&Dfa],
    first: usize,
    text: &str,
    limit: usize,
    counts: &mut [Option<usize>],
) {
    let mut lanes: [Lane<'_>; GROUP] = std::array::from_fn(|k| Lane {
        dfa: dfas.get(k).copied().unwrap_or(dfas[0]),
        index: first + k,
        sid: StateID::ZERO,
        at: 0,
        search_start: 0,
        pending: None,
        count: 0,
    });
    let mut active = [false; GROUP];
    for (k, lane) in lanes.iter_mut().enumerate().take(dfas.len()) {
        match lane.restart(text, 0) {
            Step::Go => active[k] = true,
            Step::Done(count) => counts[lane.index] = count,
        }
    }
    if !active.contains(&true) {
        return;
    }
    let dfa: [&Dfa; GROUP] = lanes.each_ref().map(|lane| lane.dfa);
    let mut sid: [StateID; GROUP] = lanes.each_ref().map(|lane| lane.sid);
    for (pos, &byte) in text.as_bytes().iter().enumerate() {
        let mut special = false;
        for k in 0..GROUP {
            sid[k] = dfa[k].next_state(sid[k], byte);
            special |= active[k] & dfa[k].is_special_state(sid[k]);
        }
        if !special {
            continue;
        }
        for k in 0..GROUP {
            if !(active[k] && dfa[k].is_special_state(sid[k])) {
                continue;
            }
            let lane = &mut lanes[k];
            lane.sid = sid[k];
            lane.at = pos;
            match lane.rejoin(text, limit, pos + 1) {
                Step::Go => sid[k] = lane.sid,
                Step::Done(count) => {
                    counts[lane.index] = count;
                    active[k] = false;
                }
            }
        }
        if !active.contains(&true) {
            return;
        }
    }
    for k in (0..GROUP).filter(|&k| active[k]) {
        let lane = &mut lanes[k];
        lane.sid = sid[k];
        lane.at = text.len();
        counts[lane.index] = lane.finish(text, limit);
    }
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
