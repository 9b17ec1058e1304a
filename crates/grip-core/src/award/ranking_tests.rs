//! Tests of the price formulas, their explanations and the ranking, with the arithmetic
//! written out.

use super::*;

fn criteria() -> Vec<CriterionWeight> {
    vec![
        CriterionWeight {
            key: "plan".into(),
            weight: 60,
        },
        CriterionWeight {
            key: "team".into(),
            weight: 40,
        },
    ]
}

fn bid(id: &str, price_cents: Option<i64>, plan: u8, team: u8) -> BidInput {
    let levels = [("plan".to_string(), plan), ("team".to_string(), team)];
    BidInput {
        bid_id: id.into(),
        price_cents,
        levels: levels.into_iter().collect(),
    }
}

fn rule(formula: PriceFormula, price_share: u32) -> PriceRule {
    PriceRule {
        formula,
        price_share,
    }
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

/// Three bids with weights plan 60, team 40:
/// a: levels 4, 2 → quality (60·4 + 40·2) / 4 = 80, price € 100.000
/// b: levels 3, 3 → quality (60·3 + 40·3) / 4 = 75, price €  80.000 (lowest)
/// c: levels 2, 1 → quality (60·2 + 40·1) / 4 = 40, price € 125.000
fn three_bids() -> Vec<BidInput> {
    vec![
        bid("a", Some(10_000_000), 4, 2),
        bid("b", Some(8_000_000), 3, 3),
        bid("c", Some(12_500_000), 2, 1),
    ]
}

fn find<'a>(ranked: &'a [RankedBid], id: &str) -> &'a RankedBid {
    ranked.iter().find(|r| r.bid_id == id).unwrap()
}

#[test]
fn ranks_by_lowest_over_price() {
    // Price scores: a 100·80/100 = 80, b 100, c 100·80/125 = 64.
    // Totals (share 40): a 0.6·80 + 0.4·80 = 80; b 0.6·75 + 0.4·100 = 85;
    // c 0.6·40 + 0.4·64 = 24 + 25.6 = 49.6.
    let ranked = rank(
        &criteria(),
        &rule(PriceFormula::LowestOverPrice, 40),
        &three_bids(),
    )
    .unwrap();
    let order: Vec<(&str, u32)> = ranked.iter().map(|r| (r.bid_id.as_str(), r.rank)).collect();
    assert_eq!(order, vec![("b", 1), ("a", 2), ("c", 3)]);
    let (a, b, c) = (find(&ranked, "a"), find(&ranked, "b"), find(&ranked, "c"));
    assert!(close(a.quality, 80.0) && close(b.quality, 75.0) && close(c.quality, 40.0));
    assert!(close(a.price_score.unwrap(), 80.0) && close(c.price_score.unwrap(), 64.0));
    assert!(close(a.total, 80.0) && close(b.total, 85.0) && close(c.total, 49.6));
    // Quality per 1,000 euro: a 80 / 100,000 · 1000 = 0.8; b 75 / 80,000 · 1000 = 0.9375;
    // c 40 / 125,000 · 1000 = 0.32.
    assert!(close(a.quality_points_per_thousand_euro.unwrap(), 0.8));
    assert!(close(b.quality_points_per_thousand_euro.unwrap(), 0.9375));
    assert!(close(c.quality_points_per_thousand_euro.unwrap(), 0.32));
}

#[test]
fn ranks_by_linear_deviation() {
    // Price scores: a 100·(1 − 20,000/80,000) = 75; b 100; c 100·(1 − 45,000/80,000) = 43.75.
    // Totals: a 48 + 0.4·75 = 78; b 85; c 24 + 0.4·43.75 = 41.5.
    let ranked = rank(
        &criteria(),
        &rule(PriceFormula::LinearDeviation, 40),
        &three_bids(),
    )
    .unwrap();
    assert!(close(find(&ranked, "a").total, 78.0));
    assert!(close(find(&ranked, "c").price_score.unwrap(), 43.75));
    assert!(close(find(&ranked, "c").total, 41.5));
}

#[test]
fn linear_deviation_stops_at_zero() {
    // 100·(1 − (250 − 100)/100) = −50 → 0.
    assert_eq!(
        PriceFormula::LinearDeviation.score(10_000, 25_000),
        Some(0.0)
    );
    assert_eq!(PriceFormula::LowestOverPrice.score(0, 25_000), None);
    assert_eq!(PriceFormula::LinearDeviation.score(10_000, -1), None);
}

#[test]
fn equal_totals_share_a_place() {
    // Share 40, lowest price € 70.000 (bid z).
    // x: levels 3, 3 → quality 75; € 140.000 → price 100·70/140 = 50; total 45 + 20 = 65.
    // y: levels 2, 2 → quality 50; €  80.000 → price 100·70/80 = 87.5; total 30 + 35 = 65.
    // z: levels 1, 1 → quality 25; €  70.000 → price 100; total 15 + 40 = 55.
    let bids = vec![
        bid("z", Some(7_000_000), 1, 1),
        bid("x", Some(14_000_000), 3, 3),
        bid("y", Some(8_000_000), 2, 2),
    ];
    let ranked = rank(&criteria(), &rule(PriceFormula::LowestOverPrice, 40), &bids).unwrap();
    let order: Vec<(&str, u32)> = ranked.iter().map(|r| (r.bid_id.as_str(), r.rank)).collect();
    assert_eq!(order, vec![("x", 1), ("y", 1), ("z", 3)]);
}

#[test]
fn totals_equal_on_paper_tie_despite_rounding() {
    assert_ne!(0.1 + 0.2, 0.3);
    assert_eq!(tie_key(0.1 + 0.2), tie_key(0.3));
}

#[test]
fn prices_may_be_absent_when_price_does_not_count() {
    // Share 0: total = quality; a 80, c 40, b has no price.
    let bids = vec![
        bid("a", Some(10_000_000), 4, 2),
        bid("b", None, 3, 3),
        bid("c", Some(0), 2, 1),
    ];
    let ranked = rank(&criteria(), &rule(PriceFormula::LowestOverPrice, 0), &bids).unwrap();
    let b = find(&ranked, "b");
    assert!(close(b.total, 75.0));
    assert_eq!(
        (b.price_score, b.quality_points_per_thousand_euro),
        (None, None)
    );
    assert_eq!(find(&ranked, "a").price_score, Some(100.0));
    assert_eq!(find(&ranked, "c").price_score, None);
    assert_eq!(
        ranked.iter().map(|r| r.rank).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
}

#[test]
fn price_only_needs_no_criteria() {
    // Share 100: total = price score; a 100·80/100 = 80.
    let bids = vec![
        BidInput {
            bid_id: "a".into(),
            price_cents: Some(10_000_000),
            levels: BTreeMap::new(),
        },
        BidInput {
            bid_id: "b".into(),
            price_cents: Some(8_000_000),
            levels: BTreeMap::new(),
        },
    ];
    let ranked = rank(&[], &rule(PriceFormula::LowestOverPrice, 100), &bids).unwrap();
    assert_eq!(ranked[0].bid_id, "b");
    assert!(close(ranked[1].total, 80.0) && close(ranked[1].quality, 0.0));
}

#[test]
fn refuses_bad_input() {
    let lowest = rule(PriceFormula::LowestOverPrice, 40);
    assert_eq!(rank(&criteria(), &lowest, &[]), Err(RankingError::NoBids));

    let mut off = criteria();
    off[1].weight = 30;
    assert_eq!(
        rank(&off, &lowest, &three_bids()),
        Err(RankingError::WeightsNotHundred { sum: 90 })
    );
    assert_eq!(
        rank(&[], &lowest, &three_bids()),
        Err(RankingError::WeightsNotHundred { sum: 0 })
    );

    let mut twice = criteria();
    twice[1].key = "plan".into();
    assert_eq!(
        rank(&twice, &lowest, &three_bids()),
        Err(RankingError::DuplicateCriterion("plan".into()))
    );

    let mut same_id = three_bids();
    same_id[2].bid_id = "a".into();
    assert_eq!(
        rank(&criteria(), &lowest, &same_id),
        Err(RankingError::DuplicateBid("a".into()))
    );

    let too_much = rule(PriceFormula::LowestOverPrice, 101);
    assert_eq!(
        rank(&criteria(), &too_much, &three_bids()),
        Err(RankingError::PriceShareTooHigh(101))
    );
}

#[test]
fn refuses_bad_levels() {
    let lowest = rule(PriceFormula::LowestOverPrice, 40);
    let mut missing = three_bids();
    missing[1].levels.remove("team");
    let error = rank(&criteria(), &lowest, &missing).unwrap_err();
    assert_eq!(
        error,
        RankingError::MissingLevel {
            bid: "b".into(),
            criterion: "team".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "bid 'b' has no consensus level for criterion 'team'"
    );

    let too_high = vec![bid("a", Some(100), 5, 0)];
    assert_eq!(
        rank(&criteria(), &lowest, &too_high),
        Err(RankingError::LevelOutOfRange {
            bid: "a".into(),
            criterion: "plan".into(),
            level: 5
        })
    );
}

#[test]
fn refuses_bad_prices_when_price_counts() {
    let lowest = rule(PriceFormula::LowestOverPrice, 40);
    let mut bids = three_bids();
    bids[2].price_cents = None;
    assert_eq!(
        rank(&criteria(), &lowest, &bids),
        Err(RankingError::MissingPrice {
            bid: "c".into(),
            share: 40
        })
    );
    for price_cents in [0, -500] {
        bids[2].price_cents = Some(price_cents);
        assert_eq!(
            rank(&criteria(), &lowest, &bids),
            Err(RankingError::NonPositivePrice {
                bid: "c".into(),
                price_cents,
                share: 40
            })
        );
    }
}

#[test]
fn explanations_show_the_amounts() {
    // 100 · 1,000.00 / 1,234.56 = 81.0005 → 81.0; 100 · (1 − 234.56 / 1,000.00) = 76.544 → 76.5.
    assert_eq!(
        PriceFormula::LowestOverPrice.explain_nl(100_000, 123_456),
        "Prijsscore = 100 × laagste prijs / deze prijs = 100 × € 1.000,00 / € 1.234,56 = 81,0 punten."
    );
    assert_eq!(
        PriceFormula::LowestOverPrice.explain_en(100_000, 123_456),
        "Price score = 100 × lowest price / this price = 100 × €1,000.00 / €1,234.56 = 81.0 points."
    );
    assert_eq!(
        PriceFormula::LinearDeviation.explain_nl(100_000, 123_456),
        "Prijsscore = 100 × (1 − (deze prijs − laagste prijs) / laagste prijs) \
         = 100 × (1 − (€ 1.234,56 − € 1.000,00) / € 1.000,00) = 76,5 punten."
    );
    assert!(
        PriceFormula::LinearDeviation
            .explain_en(100_000, 250_000)
            .ends_with("= 0.0 points (the score does not go below zero).")
    );
    assert!(
        PriceFormula::LinearDeviation
            .explain_nl(0, 100)
            .starts_with("Geen prijsscore")
    );
    assert!(
        PriceFormula::LowestOverPrice
            .explain_en(100, -1)
            .starts_with("No price score")
    );
}

#[test]
fn amounts_in_both_notations() {
    assert_eq!(euro_nl(123_456_789), "€ 1.234.567,89");
    assert_eq!(euro_en(123_456_789), "€1,234,567.89");
    assert_eq!(euro_nl(5), "€ 0,05");
    assert_eq!(euro_en(-500), "-€5.00");
    assert_eq!(euro_nl(100_000_000), "€ 1.000.000,00");
    for formula in PriceFormula::ALL {
        assert_eq!(formula.code().parse::<PriceFormula>(), Ok(*formula));
        assert!(!formula.label_nl().is_empty() && !formula.label_en().is_empty());
    }
}
