//! Ranking bids by the award rule: a quality score from the consensus levels and the criterion
//! weights, a price score by a published formula, and the total they make together.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Highest level on the rubric (0 onvoldoende .. 4 uitstekend).
pub const MAX_LEVEL: u8 = 4;

crate::code_enum! {
    /// How a price becomes a score out of 100, relative to the lowest price among the bids.
    pub enum PriceFormula {
        /// 100 × lowest / price.
        LowestOverPrice = "lowest_over_price",
        /// 100 × (1 − (price − lowest) / lowest), not below 0.
        LinearDeviation = "linear_deviation",
    }
}

impl PriceFormula {
    /// The score out of 100; `None` when either amount is not positive, as neither formula
    /// means anything then. `lowest_cents` is the lowest price among the bids.
    pub fn score(self, lowest_cents: i64, price_cents: i64) -> Option<f64> {
        if lowest_cents <= 0 || price_cents <= 0 {
            return None;
        }
        Some(
            self.raw_score(lowest_cents as f64, price_cents as f64)
                .max(0.0),
        )
    }

    fn raw_score(self, lowest: f64, price: f64) -> f64 {
        match self {
            PriceFormula::LowestOverPrice => 100.0 * lowest / price,
            PriceFormula::LinearDeviation => 100.0 * (1.0 - (price - lowest) / lowest),
        }
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            PriceFormula::LowestOverPrice => "Laagste prijs gedeeld door de prijs",
            PriceFormula::LinearDeviation => {
                "Aftrek naar rato van de afwijking van de laagste prijs"
            }
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            PriceFormula::LowestOverPrice => "Lowest price divided by the price",
            PriceFormula::LinearDeviation => {
                "Deduction in proportion to the deviation from the lowest price"
            }
        }
    }

    /// The computation with the actual amounts, for the award report, in Dutch.
    pub fn explain_nl(self, lowest_cents: i64, price_cents: i64) -> String {
        let (lowest, price) = (euro_nl(lowest_cents), euro_nl(price_cents));
        let Some(score) = self.score(lowest_cents, price_cents) else {
            return format!(
                "Geen prijsscore: de laagste prijs ({lowest}) en deze prijs ({price}) \
                 moeten groter dan nul zijn."
            );
        };
        let (rule, computation) = match self {
            PriceFormula::LowestOverPrice => (
                "100 × laagste prijs / deze prijs",
                format!("100 × {lowest} / {price}"),
            ),
            PriceFormula::LinearDeviation => (
                "100 × (1 − (deze prijs − laagste prijs) / laagste prijs)",
                format!("100 × (1 − ({price} − {lowest}) / {lowest})"),
            ),
        };
        let floor = if self.below_zero(lowest_cents, price_cents) {
            " (de score komt niet onder nul)"
        } else {
            ""
        };
        let score = decimal_nl(score);
        format!("Prijsscore = {rule} = {computation} = {score} punten{floor}.")
    }

    /// The computation with the actual amounts, for the award report, in English.
    pub fn explain_en(self, lowest_cents: i64, price_cents: i64) -> String {
        let (lowest, price) = (euro_en(lowest_cents), euro_en(price_cents));
        let Some(score) = self.score(lowest_cents, price_cents) else {
            return format!(
                "No price score: the lowest price ({lowest}) and this price ({price}) \
                 must be above zero."
            );
        };
        let (rule, computation) = match self {
            PriceFormula::LowestOverPrice => (
                "100 × lowest price / this price",
                format!("100 × {lowest} / {price}"),
            ),
            PriceFormula::LinearDeviation => (
                "100 × (1 − (this price − lowest price) / lowest price)",
                format!("100 × (1 − ({price} − {lowest}) / {lowest})"),
            ),
        };
        let floor = if self.below_zero(lowest_cents, price_cents) {
            " (the score does not go below zero)"
        } else {
            ""
        };
        format!("Price score = {rule} = {computation} = {score:.1} points{floor}.")
    }

    fn below_zero(self, lowest_cents: i64, price_cents: i64) -> bool {
        self.raw_score(lowest_cents as f64, price_cents as f64) < 0.0
    }
}

/// "€ 1.234,56": Dutch notation.
pub fn euro_nl(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}€ {},{:02}", grouped(abs / 100, '.'), abs % 100)
}

/// "€1,234.56": English notation.
pub fn euro_en(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}€{}.{:02}", grouped(abs / 100, ','), abs % 100)
}

fn grouped(whole: u64, separator: char) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

fn decimal_nl(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

/// The weight of one quality criterion; the weights add up to 100 in the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionWeight {
    pub key: String,
    pub weight: u32,
}

/// One bid as the ranking sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidInput {
    pub bid_id: String,
    pub price_cents: Option<i64>,
    /// The consensus level per criterion key; levels for keys that are not criteria are
    /// not used.
    pub levels: BTreeMap<String, u8>,
}

/// How much price counts, and by which formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRule {
    pub formula: PriceFormula,
    /// Percent (0..=100) of the total that price weighs; quality weighs the rest.
    pub price_share: u32,
}

/// One bid's scores and place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedBid {
    pub bid_id: String,
    /// Σ weight × level / 4: 0..=100.
    pub quality: f64,
    /// 0..=100; `None` for a bid without a positive price when price does not count.
    pub price_score: Option<f64>,
    /// (100 − share)% × quality + share% × price score.
    pub total: f64,
    /// 1 for the best; equal totals share a place (1, 1, 3).
    pub rank: u32,
    /// Quality points per 1,000 euro of price: how much quality the money buys.
    pub quality_points_per_thousand_euro: Option<f64>,
}

/// Why the bids cannot be ranked; each names what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RankingError {
    #[error("there are no bids to rank")]
    NoBids,
    #[error("the criterion weights add up to {sum}, not 100")]
    WeightsNotHundred { sum: u64 },
    #[error("criterion '{0}' is listed more than once")]
    DuplicateCriterion(String),
    #[error("bid '{0}' is listed more than once")]
    DuplicateBid(String),
    #[error("price cannot weigh {0}% of the total; the most is 100%")]
    PriceShareTooHigh(u32),
    #[error("bid '{bid}' has no consensus level for criterion '{criterion}'")]
    MissingLevel { bid: String, criterion: String },
    #[error("bid '{bid}' has level {level} for criterion '{criterion}'; levels run from 0 to 4")]
    LevelOutOfRange {
        bid: String,
        criterion: String,
        level: u8,
    },
    #[error("bid '{bid}' has no price, while price weighs {share}% of the total")]
    MissingPrice { bid: String, share: u32 },
    #[error("bid '{bid}' has a price of {price_cents} cents, but a price must be above zero")]
    NonPositivePrice {
        bid: String,
        price_cents: i64,
        share: u32,
    },
}

/// Ranks the bids, best first (ties by bid id, for a stable order).
///
/// The weights must add up to 100, except that a price-only rule (share 100) may come without
/// criteria. When price does not count (share 0), bids may lack a price.
pub fn rank(
    criteria: &[CriterionWeight],
    rule: &PriceRule,
    bids: &[BidInput],
) -> Result<Vec<RankedBid>, RankingError> {
    check_rule(criteria, rule)?;
    if bids.is_empty() {
        return Err(RankingError::NoBids);
    }
    let lowest = lowest_price(rule, bids)?;
    let mut ranked = bids
        .iter()
        .map(|bid| score_bid(criteria, rule, lowest, bid))
        .collect::<Result<Vec<_>, _>>()?;
    assign_ranks(&mut ranked);
    Ok(ranked)
}

fn check_rule(criteria: &[CriterionWeight], rule: &PriceRule) -> Result<(), RankingError> {
    if rule.price_share > 100 {
        return Err(RankingError::PriceShareTooHigh(rule.price_share));
    }
    let mut keys = BTreeSet::new();
    if let Some(twice) = criteria.iter().find(|c| !keys.insert(c.key.as_str())) {
        return Err(RankingError::DuplicateCriterion(twice.key.clone()));
    }
    let sum: u64 = criteria.iter().map(|c| u64::from(c.weight)).sum();
    let price_only = criteria.is_empty() && rule.price_share == 100;
    if sum != 100 && !price_only {
        return Err(RankingError::WeightsNotHundred { sum });
    }
    Ok(())
}

/// The lowest positive price, after checking every bid's price when price counts.
fn lowest_price(rule: &PriceRule, bids: &[BidInput]) -> Result<Option<i64>, RankingError> {
    let mut ids = BTreeSet::new();
    for bid in bids {
        if !ids.insert(bid.bid_id.as_str()) {
            return Err(RankingError::DuplicateBid(bid.bid_id.clone()));
        }
        if rule.price_share == 0 {
            continue;
        }
        let share = rule.price_share;
        match bid.price_cents {
            None => {
                return Err(RankingError::MissingPrice {
                    bid: bid.bid_id.clone(),
                    share,
                });
            }
            Some(price_cents) if price_cents <= 0 => {
                let bid = bid.bid_id.clone();
                return Err(RankingError::NonPositivePrice {
                    bid,
                    price_cents,
                    share,
                });
            }
            Some(_) => {}
        }
    }
    Ok(bids
        .iter()
        .filter_map(|b| b.price_cents)
        .filter(|&p| p > 0)
        .min())
}

fn score_bid(
    criteria: &[CriterionWeight],
    rule: &PriceRule,
    lowest: Option<i64>,
    bid: &BidInput,
) -> Result<RankedBid, RankingError> {
    let quality = quality_score(criteria, bid)?;
    let price = bid.price_cents.filter(|&p| p > 0);
    let price_score = price
        .zip(lowest)
        .and_then(|(p, l)| rule.formula.score(l, p));
    let share = f64::from(rule.price_share);
    let total = ((100.0 - share) * quality + share * price_score.unwrap_or(0.0)) / 100.0;
    Ok(RankedBid {
        bid_id: bid.bid_id.clone(),
        quality,
        price_score,
        total,
        rank: 0,
        quality_points_per_thousand_euro: price.map(|p| quality / (p as f64 / 100.0) * 1000.0),
    })
}

/// Σ weight × level / 4, summed in whole numbers so equal levels give bit-equal scores.
fn quality_score(criteria: &[CriterionWeight], bid: &BidInput) -> Result<f64, RankingError> {
    let mut points: u64 = 0;
    for criterion in criteria {
        let level = *bid
            .levels
            .get(&criterion.key)
            .ok_or_else(|| RankingError::MissingLevel {
                bid: bid.bid_id.clone(),
                criterion: criterion.key.clone(),
            })?;
        if level > MAX_LEVEL {
            return Err(RankingError::LevelOutOfRange {
                bid: bid.bid_id.clone(),
                criterion: criterion.key.clone(),
                level,
            });
        }
        points += u64::from(criterion.weight) * u64::from(level);
    }
    Ok(points as f64 / f64::from(MAX_LEVEL))
}

/// Totals compared at a billionth of a point, so totals that are equal on paper but reached
/// by different floating-point paths (say 45 + 20 and 30 + 35) still tie.
fn tie_key(total: f64) -> i64 {
    (total * 1e9).round() as i64
}

/// Sorts best first and numbers the places by competition ranking (1, 1, 3).
fn assign_ranks(ranked: &mut [RankedBid]) {
    ranked.sort_by(|a, b| {
        tie_key(b.total)
            .cmp(&tie_key(a.total))
            .then_with(|| a.bid_id.cmp(&b.bid_id))
    });
    let mut previous: Option<(i64, u32)> = None;
    for (index, bid) in ranked.iter_mut().enumerate() {
        let key = tie_key(bid.total);
        bid.rank = match previous {
            Some((previous_key, previous_rank)) if previous_key == key => previous_rank,
            _ => u32::try_from(index + 1).unwrap_or(u32::MAX),
        };
        previous = Some((key, bid.rank));
    }
}

#[cfg(test)]
#[path = "ranking_tests.rs"]
mod tests;
