//! How far the assessors agree on the rubric levels they gave: Krippendorff's alpha over all
//! scored (bid, criterion) pairs, and the spread of the levels within one pair, so a chair can
//! see whether the scores can carry an award decision or need a consensus discussion first.

use std::collections::BTreeSet;

use serde::Serialize;

/// Krippendorff's alpha with the ordinal distance metric, computed from the coincidence matrix
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
///
/// Each unit is one (bid, criterion) pair holding the levels the assessors gave it; an assessor
/// who did not score it is simply absent. Units with fewer than two levels cannot be paired
/// and are ignored. The value set is taken from the data, so the rubric's range need not be
/// known here; the ordinal metric only uses the order of the values and how often they occur.
///
/// Returns `None` when no unit has two levels, and when all pairable levels are the same
/// value. In the latter case the expected disagreement is zero and alpha is 0/0: data without
/// any variation cannot show whether assessors agree because they judge alike or because
/// nothing set the bids apart, so reporting 1.0 ("perfectly reliable") would claim more than
/// the data show.
pub fn krippendorff_alpha_ordinal(units: &[Vec<u8>]) -> Option<f64> {
    let pairable: Vec<&Vec<u8>> = units.iter().filter(|unit| unit.len() >= 2).collect();
    let values: Vec<u8> = pairable
        .iter()
        .flat_map(|unit| unit.iter().copied())
        .collect::<BTreeSet<u8>>()
        .into_iter()
        .collect();
    if values.len() < 2 {
        return None;
    }
    let coincidences = coincidence_matrix(&pairable, &values);
    let marginals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let total: f64 = marginals.iter().sum();
    let distance = ordinal_distances(&marginals);
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..values.len() {
        for k in 0..values.len() {
            observed += coincidences[c][k] * distance[c][k];
            expected += marginals[c] * marginals[k] * distance[c][k];
        }
    }
    if expected <= 0.0 {
        return None;
    }
    // alpha = 1 - D_o / D_e with D_o = observed / n and D_e = expected / (n (n - 1)).
    Some(1.0 - (total - 1.0) * observed / expected)
}

/// `o[c][k]`: every ordered pair of levels within a unit, weighted 1 / (m_u - 1) so that each
/// unit contributes as many pairable values as it has levels.
fn coincidence_matrix(units: &[&Vec<u8>], values: &[u8]) -> Vec<Vec<f64>> {
    let size = values.len();
    let mut matrix = vec![vec![0.0; size]; size];
    for unit in units {
        let mut counts = vec![0.0_f64; size];
        for level in unit.iter() {
            if let Ok(index) = values.binary_search(level) {
                counts[index] += 1.0;
            }
        }
        let weight = 1.0 / (unit.len() as f64 - 1.0);
        for c in 0..size {
            for k in 0..size {
                let pairs = if c == k {
                    counts[c] * (counts[c] - 1.0)
                } else {
                    counts[c] * counts[k]
                };
                matrix[c][k] += pairs * weight;
            }
        }
    }
    matrix
}

/// The squared ordinal distance: (Σ_{g=c..=k} n_g − (n_c + n_k) / 2)², which measures how many
/// pairable values lie between two levels rather than how far apart their numbers are.
fn ordinal_distances(marginals: &[f64]) -> Vec<Vec<f64>> {
    let size = marginals.len();
    let mut distances = vec![vec![0.0; size]; size];
    for c in 0..size {
        for k in (c + 1)..size {
            let between: f64 = marginals[c..=k].iter().sum();
            let distance = (between - (marginals[c] + marginals[k]) / 2.0).powi(2);
            distances[c][k] = distance;
            distances[k][c] = distance;
        }
    }
    distances
}

crate::code_enum! {
    /// What an alpha means for using the scores, by Krippendorff's usual thresholds: from
    /// 0.800 the data can be relied on, from 0.667 only tentative conclusions are drawn.
    pub enum AlphaReading {
        Reliable = "reliable",
        Tentative = "tentative",
        Unreliable = "unreliable",
    }
}

/// Lowest alpha at which the scores count as reliable.
pub const RELIABLE_ALPHA: f64 = 0.800;
/// Lowest alpha at which tentative conclusions may be drawn.
pub const TENTATIVE_ALPHA: f64 = 0.667;

/// Reads an alpha against the thresholds; a NaN reads as unreliable.
pub fn interpret_alpha(alpha: f64) -> AlphaReading {
    if alpha >= RELIABLE_ALPHA {
        AlphaReading::Reliable
    } else if alpha >= TENTATIVE_ALPHA {
        AlphaReading::Tentative
    } else {
        AlphaReading::Unreliable
    }
}

impl AlphaReading {
    pub fn label_nl(self) -> &'static str {
        match self {
            AlphaReading::Reliable => {
                "De beoordelaars zijn het zo eens dat hun oordelen betrouwbaar zijn."
            }
            AlphaReading::Tentative => {
                "De beoordelaars zijn het redelijk eens; trek uit hun oordelen alleen voorzichtige conclusies."
            }
            AlphaReading::Unreliable => {
                "De beoordelaars verschillen te veel van mening; bespreek de oordelen voordat ze meetellen."
            }
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            AlphaReading::Reliable => {
                "The assessors agree closely enough for their judgements to be relied on."
            }
            AlphaReading::Tentative => {
                "The assessors agree reasonably; draw only tentative conclusions from their judgements."
            }
            AlphaReading::Unreliable => {
                "The assessors disagree too much; discuss the judgements before they count."
            }
        }
    }
}

/// How far apart the assessors' levels for one (bid, criterion) pair lie.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    pub min: u8,
    pub max: u8,
    /// `max - min`, in rubric levels.
    pub range: u8,
    pub mean: f64,
}

/// The spread of the given levels; `None` when there are none.
pub fn spread(levels: &[u8]) -> Option<Spread> {
    let min = *levels.iter().min()?;
    let max = *levels.iter().max()?;
    let sum: u64 = levels.iter().map(|&level| u64::from(level)).sum();
    Some(Spread {
        min,
        max,
        range: max - min,
        mean: sum as f64 / levels.len() as f64,
    })
}

/// Whether the levels lie further apart than the configured number of levels, so the pair
/// is flagged for a consensus discussion. A range equal to `max_range` is still accepted.
pub fn exceeds(spread: &Spread, max_range: u8) -> bool {
    spread.range > max_range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f64>, expected: f64, tolerance: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < tolerance)
    }

    #[test]
    fn matches_krippendorffs_worked_example() {
        // Krippendorff (2011), section E: four observers, twelve units, values 1..=5, with
        // missing data; the paper gives alpha = 0.815 for the ordinal metric. Unit 12 has one
        // value only and must not count.
        let units = vec![
            vec![1, 1, 1],
            vec![2, 2, 3, 2],
            vec![3, 3, 3, 3],
            vec![3, 3, 3, 3],
            vec![2, 2, 2, 2],
            vec![1, 2, 3, 4],
            vec![4, 4, 4, 4],
            vec![1, 1, 2, 1],
            vec![2, 2, 2, 2],
            vec![5, 5, 5],
            vec![1, 1],
            vec![3],
        ];
        assert!(close(krippendorff_alpha_ordinal(&units), 0.815, 0.0005));
    }

    #[test]
    fn hand_computed_case() {
        // Units [0,0], [0,1], [2,2]. Coincidences: o00 = 2, o01 = o10 = 1, o22 = 2;
        // marginals n0 = 3, n1 = 1, n2 = 2, n = 6.
        // δ01 = (3+1 − 2)² = 4; δ02 = (6 − 2.5)² = 12.25; δ12 = (3 − 1.5)² = 2.25.
        // Σ o·δ = 2·1·4 = 8; Σ n_c·n_k·δ = 2·(3·1·4 + 3·2·12.25 + 1·2·2.25) = 180.
        // alpha = 1 − (6 − 1)·8 / 180 = 7/9.
        let units = vec![vec![0, 0], vec![0, 1], vec![2, 2]];
        assert!(close(krippendorff_alpha_ordinal(&units), 7.0 / 9.0, 1e-12));
    }

    #[test]
    fn perfect_agreement_with_variation_is_one() {
        let units = vec![vec![0, 0, 0], vec![2, 2], vec![4, 4, 4], vec![3, 3]];
        assert_eq!(krippendorff_alpha_ordinal(&units), Some(1.0));
    }

    #[test]
    fn swapping_assessors_keeps_alpha() {
        let units = vec![vec![0, 1, 1], vec![2, 3, 2], vec![4, 4, 3], vec![1, 1, 2]];
        let swapped: Vec<Vec<u8>> = units
            .iter()
            .map(|unit| unit.iter().rev().copied().collect())
            .collect();
        let alpha = krippendorff_alpha_ordinal(&units).unwrap();
        let alpha_swapped = krippendorff_alpha_ordinal(&swapped).unwrap();
        assert!((alpha - alpha_swapped).abs() < 1e-12);
    }

    #[test]
    fn systematic_disagreement_goes_below_zero() {
        // One assessor always gives 0, the other always 4: o04 = o40 = 3, n0 = n4 = 3, n = 6,
        // δ04 = (6 − 3)² = 9; alpha = 1 − 5·(6·9) / (2·3·3·9) = 1 − 270/162 = −2/3.
        let units = vec![vec![0, 4], vec![4, 0], vec![0, 4]];
        assert!(close(krippendorff_alpha_ordinal(&units), -2.0 / 3.0, 1e-12));
    }

    #[test]
    fn undefined_without_pairs_or_variation() {
        assert_eq!(krippendorff_alpha_ordinal(&[]), None);
        assert_eq!(
            krippendorff_alpha_ordinal(&[vec![1], vec![3], vec![]]),
            None
        );
        assert_eq!(
            krippendorff_alpha_ordinal(&[vec![2, 2], vec![2, 2, 2]]),
            None
        );
        // A lone value elsewhere gives no variation among the pairable values.
        assert_eq!(krippendorff_alpha_ordinal(&[vec![2, 2], vec![4]]), None);
    }

    #[test]
    fn readings_follow_the_thresholds() {
        assert_eq!(interpret_alpha(0.8), AlphaReading::Reliable);
        assert_eq!(interpret_alpha(0.799), AlphaReading::Tentative);
        assert_eq!(interpret_alpha(0.667), AlphaReading::Tentative);
        assert_eq!(interpret_alpha(0.666), AlphaReading::Unreliable);
        assert_eq!(interpret_alpha(-0.5), AlphaReading::Unreliable);
        assert_eq!(interpret_alpha(f64::NAN), AlphaReading::Unreliable);
        for reading in AlphaReading::ALL {
            assert_eq!(AlphaReading::from_code(reading.code()), Some(*reading));
            assert!(reading.label_nl().ends_with('.') && reading.label_en().ends_with('.'));
        }
    }

    #[test]
    fn spread_and_flag() {
        let s = spread(&[1, 3, 2, 2]).unwrap();
        assert_eq!((s.min, s.max, s.range), (1, 3, 2));
        assert!((s.mean - 2.0).abs() < 1e-12);
        assert!(!exceeds(&s, 2));
        assert!(exceeds(&s, 1));
        assert_eq!(spread(&[]), None);
        assert_eq!(spread(&[4]).map(|s| s.range), Some(0));
    }
}
