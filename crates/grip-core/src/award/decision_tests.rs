use super::*;

fn decision(required: &[Role], signed: &[(Role, &str)]) -> Decision {
    Decision {
        id: "d1".into(),
        dossier_id: "x".into(),
        gate: Phase::BeoordelingGunning,
        outcome: Outcome::Go,
        conditions: String::new(),
        motivation: "Beste prijs-kwaliteitverhouding.".into(),
        winning_bid: None,
        weighing: Vec::new(),
        required_roles: required.to_vec(),
        signoffs: signed
            .iter()
            .map(|(role, user)| Signoff {
                role: *role,
                username: (*user).into(),
                signed_at: 1,
            })
            .collect(),
        proposed_by: "ink".into(),
        proposed_at: 0,
        sealed_at: None,
        content_hash: None,
        supersedes: None,
        supersede_reason: None,
    }
}

const THREE: [Role; 3] = DEFAULT_AWARD_SIGNERS;

#[test]
fn the_last_required_signature_seals() {
    let d = decision(&THREE, &[(Role::Inkoper, "ink"), (Role::Jurist, "jur")]);
    assert_eq!(
        check_signoff(&d, "ai", &[Role::AiExpert], Role::AiExpert),
        Ok(true)
    );
    let d = decision(&THREE, &[(Role::Inkoper, "ink")]);
    assert_eq!(
        check_signoff(&d, "jur", &[Role::Jurist], Role::Jurist),
        Ok(false)
    );
}

#[test]
fn wrong_role_double_signing_and_sealed_records_are_refused() {
    let d = decision(&THREE, &[(Role::Inkoper, "ink")]);
    assert_eq!(
        check_signoff(&d, "jur", &[Role::Privacy], Role::Privacy),
        Err(SignoffRefusal::RoleNotRequired)
    );
    assert_eq!(
        check_signoff(&d, "jur", &[Role::Inkoper], Role::Jurist),
        Err(SignoffRefusal::RoleNotHeld)
    );
    assert_eq!(
        check_signoff(&d, "ink2", &[Role::Inkoper], Role::Inkoper),
        Err(SignoffRefusal::RoleAlreadySigned)
    );
    assert_eq!(
        check_signoff(&d, "ink", &[Role::Inkoper, Role::Jurist], Role::Jurist),
        Err(SignoffRefusal::AlreadySigned)
    );
    let mut sealed = decision(&THREE, &[]);
    sealed.sealed_at = Some(5);
    assert_eq!(
        check_signoff(&sealed, "jur", &[Role::Jurist], Role::Jurist),
        Err(SignoffRefusal::Sealed)
    );
}

#[test]
fn the_proposer_is_never_the_sole_approver() {
    let d = decision(&[Role::Inkoper], &[]);
    assert_eq!(
        check_signoff(&d, "ink", &[Role::Inkoper], Role::Inkoper),
        Err(SignoffRefusal::SelfApproval)
    );
    // With a second signer the proposer may sign last.
    let d = decision(&[Role::Inkoper, Role::Jurist], &[(Role::Jurist, "jur")]);
    assert_eq!(
        check_signoff(&d, "ink", &[Role::Inkoper], Role::Inkoper),
        Ok(true)
    );
}

#[test]
fn privacy_and_security_join_when_the_system_asks_for_them() {
    assert_eq!(required_roles(&THREE, false, false), THREE.to_vec());
    let all = required_roles(&THREE, true, true);
    assert!(all.contains(&Role::Privacy) && all.contains(&Role::Security));
    assert_eq!(
        required_roles(&[Role::Privacy], true, false),
        vec![Role::Privacy]
    );
}

fn weigh(interest: &str, weighing: Weighing, measures: &str) -> InterestWeighing {
    InterestWeighing {
        interest: interest.into(),
        weighing,
        note: String::new(),
        measures: measures.into(),
    }
}

#[test]
fn proposals_weigh_every_interest_and_address_every_risk() {
    let interests = ["privacy", "public-trust"];
    let ok = [
        weigh("privacy", Weighing::Risk, "DPIA vóór ingebruikname."),
        weigh("public-trust", Weighing::Neutral, ""),
    ];
    assert!(check_proposal(Outcome::Go, "", "m", &ok, &interests).is_ok());
    let missing = check_proposal(Outcome::Go, "", "m", &ok[..1], &interests).unwrap_err();
    assert_eq!(missing.field, "weighing.public-trust");
    let no_measure = [
        weigh("privacy", Weighing::Risk, " "),
        weigh("public-trust", Weighing::Neutral, ""),
    ];
    assert_eq!(
        check_proposal(Outcome::Go, "", "m", &no_measure, &interests)
            .unwrap_err()
            .code,
        "measures_required"
    );
    let blocked = [
        weigh("privacy", Weighing::Unacceptable, ""),
        weigh("public-trust", Weighing::Neutral, ""),
    ];
    assert_eq!(
        check_proposal(Outcome::GoWithConditions, "c", "m", &blocked, &interests)
            .unwrap_err()
            .code,
        "unacceptable_go"
    );
    assert!(check_proposal(Outcome::NoGo, "", "m", &blocked, &interests).is_ok());
    assert_eq!(
        check_proposal(Outcome::GoWithConditions, " ", "m", &ok, &interests)
            .unwrap_err()
            .code,
        "required"
    );
}

#[test]
fn the_hash_covers_content_and_signatures_but_not_their_order() {
    let a = decision(&THREE, &[(Role::Inkoper, "ink"), (Role::Jurist, "jur")]);
    let mut b = a.clone();
    b.signoffs.reverse();
    assert_eq!(content_hash(&a, "{}"), content_hash(&b, "{}"));
    let mut c = a.clone();
    c.motivation.push('!');
    assert_ne!(content_hash(&a, "{}"), content_hash(&c, "{}"));
    assert_ne!(content_hash(&a, "{}"), content_hash(&a, "{\"x\":1}"));
    assert!(content_hash(&a, "{}").starts_with("sha256:"));
}
