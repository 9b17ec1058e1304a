//! The phase gate's refusal in plain Dutch: per role, which people on the team hold it and
//! which mandatory items they still have to tick off or waive — no item ids or role codes.

use grip_core::dossier::Member;
use grip_store::{Conn, dossiers};

use crate::checklists::{CheckView, open_mandatory};
use crate::{AppError, Phase, Role};

/// None when no mandatory item of `phase` is open; otherwise the sentence that explains who
/// must do what before the dossier can move on.
pub(crate) async fn refusal(
    conn: &mut Conn,
    dossier_id: &str,
    phase: Phase,
) -> Result<Option<String>, AppError> {
    let open = open_mandatory(conn, dossier_id, phase).await?;
    if open.is_empty() {
        return crate::award::decisions::gate_refusal(conn, dossier_id, phase).await;
    }
    let members = dossiers::members(conn, dossier_id).await?;
    Ok(Some(sentence(phase, &open, &members)))
}

fn sentence(phase: Phase, open: &[CheckView], members: &[Member]) -> String {
    let mut roles: Vec<&str> = Vec::new();
    for item in open {
        if !roles.contains(&item.check.role.as_str()) {
            roles.push(&item.check.role);
        }
    }
    let lines: Vec<String> = roles
        .iter()
        .map(|role| role_line(role, open, members))
        .collect();
    let count = if open.len() == 1 {
        "staat nog 1 verplicht punt".to_string()
    } else {
        format!("staan nog {} verplichte punten", open.len())
    };
    format!(
        "Het dossier kan nog niet naar de volgende fase: in de fase {} {count} open. {} \
         Een punt is af als iemand met die rol het afvinkt, of het met een reden vrijstelt; \
         stelt iemand anders het vrij, dan moet een tweede persoon dat bevestigen.",
        phase.label_nl(),
        lines.join(" ")
    )
}

/// "Jurist (J. de Vries): „…"; „…"." for one role.
fn role_line(role: &str, open: &[CheckView], members: &[Member]) -> String {
    let parsed = Role::parse(role);
    let label = parsed.map_or("Een andere rol", Role::label_nl);
    let people: Vec<&str> = members
        .iter()
        .filter(|m| Some(m.role) == parsed)
        .map(|m| {
            if m.display_name.trim().is_empty() {
                m.username.as_str()
            } else {
                m.display_name.as_str()
            }
        })
        .collect();
    let who = if people.is_empty() {
        "nog niemand in het team; voeg iemand met deze rol toe".to_string()
    } else {
        people.join(", ")
    };
    let items: Vec<String> = open
        .iter()
        .filter(|i| i.check.role == role)
        .map(|i| {
            let mut text = format!("\u{201e}{}\u{201d}", i.check.text.nl.trim_end_matches('.'));
            if let Some(by) = &i.proposed_by {
                text.push_str(&format!(
                    " (vrijstelling voorgesteld door {by}, wacht op bevestiging door een tweede \
                     persoon)"
                ));
            }
            text
        })
        .collect();
    format!("{label} ({who}): {}.", items.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use grip_knowledge::tender::Check;

    fn open_item(id: &str, role: &str, text: &str, proposed_by: Option<&str>) -> CheckView {
        let check: Check = serde_json::from_value(serde_json::json!({
            "id": id, "role": role, "mandatory": true,
            "text": {"nl": text, "en": text}, "why": {"nl": "w", "en": "w"},
        }))
        .expect("a check");
        CheckView {
            check,
            status: if proposed_by.is_some() {
                "waiver_proposed"
            } else {
                "open"
            },
            reason: None,
            set_by: None,
            set_at: None,
            proposed_by: proposed_by.map(Into::into),
            mine: false,
        }
    }

    #[test]
    fn the_refusal_names_roles_people_and_items_without_ids() {
        let open = [
            open_item("bh-jurist-1", "jurist", "Toets de rechtsgrond.", None),
            open_item(
                "bh-privacy-2",
                "privacy",
                "Doe een DPIA-voortoets.",
                Some("inkoper"),
            ),
        ];
        let members = [Member {
            user_id: "u1".into(),
            username: "jurist".into(),
            display_name: "J. de Vries".into(),
            role: Role::Jurist,
        }];
        let text = sentence(Phase::Behoeftestelling, &open, &members);
        assert!(text.contains("staan nog 2 verplichte punten"), "{text}");
        assert!(
            text.contains("Jurist (J. de Vries): \u{201e}Toets de rechtsgrond\u{201d}."),
            "{text}"
        );
        assert!(
            text.contains("Privacy-adviseur (nog niemand in het team"),
            "{text}"
        );
        assert!(text.contains("voorgesteld door inkoper"), "{text}");
        for code in ["bh-jurist-1", "bh-privacy-2", "privacy)", "jurist)"] {
            assert!(!text.contains(code), "{code} in {text}");
        }
    }
}
