//! A term automaton as plain tables of 32-bit words: Aho-Corasick's overlapping DFA,
//! read off through its `Automaton` interface, with bytes folded into the classes its
//! states tell apart and the match states numbered last. The build script writes the
//! embedded pack's table as words, so that start-up uses them where they lie (a dense
//! regex DFA of the same terms had four times the states, and validating it was a tenth
//! of a screening run); any other term list gets its table built at load by the same code.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind, dfa};

/// Identifies the word layout below; bump it when the layout changes.
const FORMAT: u32 = 0x4752_5401;
/// Words before the tables: format, class count, state count, start, first match state,
/// match count, term count.
const HEADER: usize = 7;
/// Parts of a long haystack searched side by side (see `for_each_overlapping`).
const LANES: usize = 4;
/// Below this many bytes a part, a haystack is searched in one run.
const SPLIT_MIN_PART: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TermTable {
    /// Byte to class: bytes that no state tells apart share a class.
    classes: [u8; 256],
    class_count: u32,
    /// The next state is `transitions[state + class]`: states are numbered by their row's
    /// first index, so that a step is one addition.
    transitions: Cow<'static, [u32]>,
    start: u32,
    /// States from this one on are match states.
    first_match: u32,
    /// Match state number `i` (counted from `first_match`) ends the terms
    /// `match_terms[match_offsets[i]..match_offsets[i + 1]]`.
    match_offsets: Cow<'static, [u32]>,
    match_terms: Cow<'static, [u32]>,
}

impl TermTable {
    /// The table of an overlapping search for `terms`.
    pub(crate) fn build(terms: &[String]) -> Result<TermTable, String> {
        let dfa = dfa::DFA::builder()
            .match_kind(MatchKind::Standard)
            // No prefilter: with this many terms it would not skip, only slow the loop.
            .prefilter(false)
            .build(terms)
            .map_err(|e| e.to_string())?;
        let start = dfa.start_state(Anchored::No).map_err(|e| e.to_string())?;
        let (states, rows) = reachable_states(&dfa, start);
        let (classes, representatives) = byte_classes(&rows);
        let class_count = representatives.len() as u32;
        // Match states last, otherwise in the order they were reached.
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_key(|&i| dfa.is_match(states[i]));
        let mut number = vec![0u32; states.len()];
        for (position, &i) in order.iter().enumerate() {
            number[i] = position as u32 * class_count;
        }
        let transitions = order
            .iter()
            .flat_map(|&i| representatives.iter().map(move |&b| (i, b)))
            .map(|(i, b)| number[rows[i][b as usize] as usize])
            .collect();
        let matching: Vec<StateID> = order
            .iter()
            .map(|&i| states[i])
            .filter(|&s| dfa.is_match(s))
            .collect();
        let mut match_offsets = vec![0u32];
        let mut match_terms = Vec::new();
        for state in matching.iter().copied() {
            match_terms
                .extend((0..dfa.match_len(state)).map(|i| dfa.match_pattern(state, i).as_u32()));
            match_offsets.push(match_terms.len() as u32);
        }
        Ok(TermTable {
            classes,
            class_count,
            transitions: Cow::Owned(transitions),
            start: number[0],
            first_match: (states.len() - matching.len()) as u32 * class_count,
            match_offsets: Cow::Owned(match_offsets),
            match_terms: Cow::Owned(match_terms),
        })
    }

    #[cfg(test)]
    pub(crate) fn start(&self) -> u32 {
        self.start
    }

    /// Whether the tables are borrowed words (the build script's) rather than built here.
    #[cfg(test)]
    pub(crate) fn is_borrowed(&self) -> bool {
        matches!(self.transitions, Cow::Borrowed(_))
    }

    /// Calls `report(term, end)` for every occurrence of every term in `haystack`, in
    /// order of their ends; `longest` is the length of the longest term in bytes.
    ///
    /// A long haystack is cut into `LANES` parts searched side by side, one byte of each
    /// per step: a lone search waits for every table lookup before it can make the next,
    /// while lookups of independent parts overlap. A part's search starts `longest` bytes
    /// before the part, where no occurrence that ends inside it can begin, so it reaches
    /// the state the search of the whole would have had; what ends before the part is
    /// left to the part before.
    pub(crate) fn for_each_overlapping(
        &self,
        haystack: &[u8],
        longest: usize,
        mut report: impl FnMut(usize, usize),
    ) {
        let part = haystack.len() / LANES;
        if part < SPLIT_MIN_PART.max(2 * longest) {
            let mut ends = Vec::new();
            self.run_part(haystack, 0, self.start, &mut ends);
            self.report_ends(&ends, 0, &mut report);
            return;
        }
        let owned: [usize; LANES] = std::array::from_fn(|k| k * part);
        let from: [usize; LANES] = owned.map(|start| start.saturating_sub(longest));
        let mut states = [self.start; LANES];
        let mut ends: [Vec<(usize, u32)>; LANES] = Default::default();
        // Side by side as far as the shortest search goes: the first, without a lead-in.
        self.run_side_by_side(haystack, from, part, &mut states, &mut ends);
        for k in 0..LANES {
            let end = owned.get(k + 1).copied().unwrap_or(haystack.len());
            self.run_part(&haystack[..end], from[k] + part, states[k], &mut ends[k]);
            self.report_ends(&ends[k], owned[k], &mut report);
        }
    }

    /// Steps the parts' searches, starting at `from`, side by side for `steps` bytes each,
    /// noting every match state met (its byte and state) with its part.
    #[inline(never)]
    fn run_side_by_side(
        &self,
        haystack: &[u8],
        from: [usize; LANES],
        steps: usize,
        states: &mut [u32; LANES],
        ends: &mut [Vec<(usize, u32)>; LANES],
    ) {
        let transitions: &[u32] = &self.transitions;
        let classes = &self.classes;
        let first_match = self.first_match;
        let parts: [&[u8]; LANES] = from.map(|f| &haystack[f..f + steps]);
        let [mut s0, mut s1, mut s2, mut s3] = *states;
        for i in 0..steps {
            let next = |state: u32, part: &[u8]| {
                transitions[(state + u32::from(classes[usize::from(part[i])])) as usize]
            };
            s0 = next(s0, parts[0]);
            s1 = next(s1, parts[1]);
            s2 = next(s2, parts[2]);
            s3 = next(s3, parts[3]);
            if s0.max(s1).max(s2).max(s3) >= first_match {
                for (k, state) in [s0, s1, s2, s3].into_iter().enumerate() {
                    if state >= first_match {
                        ends[k].push((from[k] + i, state));
                    }
                }
            }
        }
        *states = [s0, s1, s2, s3];
    }

    /// Searches `haystack[from..]` from `state` alone, noting every match state met.
    pub(crate) fn run_part(
        &self,
        haystack: &[u8],
        mut from: usize,
        mut state: u32,
        ends: &mut Vec<(usize, u32)>,
    ) {
        while let Some(at) = self.run_to_match(haystack, from, &mut state) {
            ends.push((at, state));
            from = at + 1;
        }
    }

    /// Reports the terms of the match states met at bytes from `owned` on.
    pub(crate) fn report_ends(
        &self,
        ends: &[(usize, u32)],
        owned: usize,
        report: &mut impl FnMut(usize, usize),
    ) {
        for &(at, state) in ends.iter().filter(|(at, _)| *at >= owned) {
            let index = ((state - self.first_match) / self.class_count) as usize;
            let terms = self.match_offsets[index] as usize..self.match_offsets[index + 1] as usize;
            for &term in &self.match_terms[terms] {
                report(term as usize, at + 1);
            }
        }
    }

    /// Steps from `state` through `haystack[from..]` and stops in the first match state,
    /// returning the position of the byte that led there. Kept apart from the reporting
    /// so that the loop over every byte has the registers to itself: inlined into the
    /// caller's callback, it spilled to the stack: about 21 instructions a byte, 12 apart.
    #[inline(never)]
    fn run_to_match(&self, haystack: &[u8], from: usize, state: &mut u32) -> Option<usize> {
        let transitions: &[u32] = &self.transitions;
        let classes = &self.classes;
        let first_match = self.first_match;
        let mut current = *state;
        for (offset, &byte) in haystack.get(from..)?.iter().enumerate() {
            current = transitions[(current + u32::from(classes[usize::from(byte)])) as usize];
            if current >= first_match {
                *state = current;
                return Some(from + offset);
            }
        }
        None
    }

    /// The table as words, in the layout `from_words` reads.
    #[allow(
        dead_code,
        reason = "build.rs writes the embedded table with it, the crate's tests compare; \
                  `expect` would fail in those builds, where it is used"
    )]
    pub(crate) fn to_words(&self) -> Vec<u32> {
        let mut words = vec![
            FORMAT,
            self.class_count,
            self.transitions.len() as u32 / self.class_count,
            self.start,
            self.first_match,
            self.match_offsets.len() as u32 - 1,
            self.match_terms.len() as u32,
        ];
        words.extend(self.classes.iter().map(|&c| u32::from(c)));
        words.extend_from_slice(&self.transitions);
        words.extend_from_slice(&self.match_offsets);
        words.extend_from_slice(&self.match_terms);
        words
    }

    /// The table `to_words` wrote, borrowing its tables. Checks the layout, not every
    /// transition: the words come from this build, and a wrong index panics, it cannot
    /// read outside the tables.
    pub(crate) fn from_words(words: &'static [u32]) -> Option<TermTable> {
        let (header, rest) = words.split_at_checked(HEADER)?;
        let &[
            format,
            class_count,
            state_count,
            start,
            first_match,
            match_count,
            term_count,
        ] = header
        else {
            return None;
        };
        if format != FORMAT || class_count == 0 || class_count > 256 {
            return None;
        }
        let (class_words, rest) = rest.split_at_checked(256)?;
        let (transitions, rest) =
            rest.split_at_checked((state_count as usize).checked_mul(class_count as usize)?)?;
        let (match_offsets, match_terms) = rest.split_at_checked(match_count as usize + 1)?;
        let is_row =
            |state: u32| state.is_multiple_of(class_count) && state as usize <= transitions.len();
        let fits = match_terms.len() == term_count as usize
            && class_words.iter().all(|&c| c < class_count)
            && is_row(start)
            && (start as usize) < transitions.len()
            && is_row(first_match)
            && (transitions.len() - first_match as usize) / class_count as usize
                == match_count as usize
            && match_offsets.last() == Some(&term_count);
        if !fits {
            return None;
        }
        let mut classes = [0u8; 256];
        for (class, &word) in classes.iter_mut().zip(class_words) {
            *class = word as u8;
        }
        Some(TermTable {
            classes,
            class_count,
            transitions: Cow::Borrowed(transitions),
            start,
            first_match,
            match_offsets: Cow::Borrowed(match_offsets),
            match_terms: Cow::Borrowed(match_terms),
        })
    }
}

/// Every state reachable from `start`, in breadth-first order, with its row of next
/// states (as positions in that order) for all 256 bytes.
fn reachable_states(dfa: &dfa::DFA, start: StateID) -> (Vec<StateID>, Vec<[u32; 256]>) {
    let mut states = vec![start];
    let mut position = HashMap::from([(start, 0u32)]);
    let mut rows = Vec::new();
    while let Some(&state) = states.get(rows.len()) {
        let mut row = [0u32; 256];
        for (byte, next) in (0..=255u8).zip(row.iter_mut()) {
            let target = dfa.next_state(Anchored::No, state, byte);
            *next = *position.entry(target).or_insert_with(|| {
                states.push(target);
                states.len() as u32 - 1
            });
        }
        rows.push(row);
    }
    (states, rows)
}

/// Each byte's class, and one byte standing for each class.
fn byte_classes(rows: &[[u32; 256]]) -> ([u8; 256], Vec<u8>) {
    let mut classes = [0u8; 256];
    let mut representatives = Vec::new();
    let mut seen: HashMap<Vec<u32>, u8> = HashMap::new();
    for byte in 0..=255u8 {
        let column: Vec<u32> = rows.iter().map(|row| row[usize::from(byte)]).collect();
        classes[usize::from(byte)] = *seen.entry(column).or_insert_with(|| {
            representatives.push(byte);
            (representatives.len() - 1) as u8
        });
    }
    (classes, representatives)
}
