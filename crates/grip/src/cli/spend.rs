//! `grip import spend FILE`: a spend file into the portfolio, with progress on stderr and the
//! share no rule could place at the end.

use super::DbArgs;
use anyhow::Context;
use grip_app::spend::{self, SpendSource};
use grip_app::{Actor, Role};
use grip_spend::{Field, Mapping};
use std::path::PathBuf;
use std::process::ExitCode;

/// Applies `FIELD=HEADER` (or `FIELD=N`, counting from 1) to the guessed mapping.
fn mapping(headers: &[String], guessed: Mapping, columns: &[String]) -> anyhow::Result<Mapping> {
    let mut m = guessed;
    for spec in columns {
        let (field, header) = spec
            .split_once('=')
            .with_context(|| format!("--column {spec}: write FIELD=HEADER"))?;
        let field = Field::ALL
            .into_iter()
            .find(|f| f.code() == field.trim())
            .with_context(|| {
                format!("--column {spec}: fields are supplier, amount, date, description, cpv")
            })?;
        let column = match header.trim().parse::<usize>() {
            Ok(n) if n >= 1 && n <= headers.len() => n - 1,
            _ => headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(header.trim()))
                .with_context(|| format!("--column {spec}: no column '{header}' in {headers:?}"))?,
        };
        m.set(field, Some(column));
    }
    Ok(m)
}

pub async fn import(db: &DbArgs, file: PathBuf, columns: Vec<String>) -> anyhow::Result<ExitCode> {
    let app = db.open().await?;
    let actor = Actor {
        user_id: "cli".into(),
        username: "cli".into(),
        roles: vec![Role::Beheerder],
    };
    let source = SpendSource {
        name: file
            .file_name()
            .map_or_else(|| "spend".into(), |n| n.to_string_lossy().into_owned()),
        path: file.clone(),
    };
    let preview = match spend::preview(&source) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("grip: {} cannot be read:", file.display());
            for line in e.lines() {
                eprintln!("  {line}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let mapping = mapping(&preview.headers, preview.mapping.clone(), &columns)?;
    let named = |f: Field| {
        mapping
            .get(f)
            .and_then(|c| preview.headers.get(c))
            .map_or("-".to_string(), |h| format!("'{h}'"))
    };
    eprintln!(
        "columns: supplier {}, amount {}, date {}, description {}, cpv {}",
        named(Field::Supplier),
        named(Field::Amount),
        named(Field::Date),
        named(Field::Description),
        named(Field::Cpv)
    );
    let import = match spend::import_file(&app, &actor, source, mapping).await {
        Ok(spend::Imported::New(i)) => i,
        Ok(spend::Imported::Earlier(i)) => {
            println!(
                "{}: this file was imported before ({}); nothing added.",
                file.display(),
                i.name
            );
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => {
            eprintln!(
                "grip: {} was not imported (nothing changed):",
                file.display()
            );
            for line in e.lines() {
                eprintln!("  {line}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    for remark in import.report.iter().take(20) {
        eprintln!("  {}", remark.en);
    }
    let overview = spend::overview(&app, &actor).await?;
    let (unplaced_lines, unplaced_cents) = overview.totals.unplaced();
    let share = if overview.totals.cents == 0 {
        0.0
    } else {
        unplaced_cents as f64 * 100.0 / overview.totals.cents as f64
    };
    println!(
        "{}: read {} lines, stored {}, already present {}, refused {}.",
        file.display(),
        import.lines_read,
        import.lines_stored,
        import.duplicates,
        import.rejected
    );
    println!(
        "All spend: {} lines, EUR {:.2}; not placed in a category: {} lines, EUR {:.2} ({share:.1}% of the amount).",
        overview.totals.lines,
        overview.totals.cents as f64 / 100.0,
        unplaced_lines,
        unplaced_cents as f64 / 100.0
    );
    Ok(ExitCode::SUCCESS)
}
