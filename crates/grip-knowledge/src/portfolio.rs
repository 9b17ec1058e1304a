//! The `portfolio` knowledge pack: procurement categories with CPV codes and AI exposure.
//! Embedded in the binary; validated when loaded.

use serde::Deserialize;

pub const EMBEDDED: &str = include_str!("../../../knowledge/portfolio/portfolio.toml");
pub const EXPOSURE_LEVELS: [&str; 4] = ["high", "medium", "low", "none"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioPack {
    pub pack: PackInfo,
    #[serde(rename = "category")]
    pub categories: Vec<PortfolioCategory>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub id: String,
    pub version: String,
    pub effective: String,
    pub review_by: String,
    pub title_nl: String,
    pub title_en: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioCategory {
    pub code: String,
    pub name_nl: String,
    pub name_en: String,
    pub cpv: Vec<String>,
    pub exposure: String,
    pub reason_nl: String,
    pub reason_en: String,
}

/// A CPV code is eight digits, a dash and a check digit.
pub fn is_cpv_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10 && b[8] == b'-' && b[..8].iter().chain(&b[9..]).all(u8::is_ascii_digit)
}

pub fn parse(text: &str) -> Result<PortfolioPack, String> {
    let pack: PortfolioPack = toml::from_str(text).map_err(|e| format!("portfolio pack: {e}"))?;
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in &pack.categories {
        if !seen.insert(c.code.as_str()) {
            problems.push(format!("category '{}' appears twice", c.code));
        }
        if !EXPOSURE_LEVELS.contains(&c.exposure.as_str()) {
            problems.push(format!(
                "category '{}': exposure '{}' is not one of {:?}",
                c.code, c.exposure, EXPOSURE_LEVELS
            ));
        }
        if c.cpv.is_empty() || c.cpv.iter().any(|code| !is_cpv_code(code)) {
            problems.push(format!(
                "category '{}': CPV codes must look like 34114000-9",
                c.code
            ));
        }
        if c.reason_nl.trim().is_empty() || c.reason_en.trim().is_empty() {
            problems.push(format!(
                "category '{}': a reason in Dutch and English is required",
                c.code
            ));
        }
    }
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems.join("; "))
    }
}

pub fn embedded() -> Result<PortfolioPack, String> {
    parse(EMBEDDED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_pack_is_valid_and_covers_a_police_portfolio() {
        let pack = embedded().unwrap();
        assert!(pack.categories.len() >= 15);
        assert!(
            pack.categories
                .iter()
                .any(|c| c.code == "voertuigen" && c.exposure == "high")
        );
    }

    #[test]
    fn bad_packs_are_refused_with_the_reason() {
        let text = EMBEDDED.replacen("exposure = \"high\"", "exposure = \"enorm\"", 1);
        assert!(parse(&text).unwrap_err().contains("enorm"));
        let text = EMBEDDED.replacen("[pack]", "[pack]\nextra = 1", 1);
        assert!(parse(&text).unwrap_err().contains("extra"));
        assert!(!is_cpv_code("3410000-8"));
        assert!(is_cpv_code("34100000-8"));
    }
}
