//! Everything the dashboard shows.

use grip_core::audit::StoredEvent;
use grip_core::user::Organisation;
use grip_store::{Paging, audit, dossiers, organisation};

use crate::access::require;
use crate::{Action, Actor, App, AppError, Phase};

/// Most recent trail events on the dashboard.
const RECENT: i64 = 15;

pub struct Dashboard {
    pub organisation: Option<Organisation>,
    /// Every phase in order with its number of dossiers (0 included).
    pub phase_counts: Vec<(Phase, i64)>,
    pub recent: Vec<StoredEvent>,
}

pub async fn dashboard(app: &App, actor: &Actor) -> Result<Dashboard, AppError> {
    require(actor, Action::Read)?;
    let mut tx = app.store.begin_read().await?;
    let conn = &mut *tx;
    let counts = dossiers::count_by_phase(conn).await?;
    let phase_counts = Phase::ALL
        .into_iter()
        .map(|p| {
            let n = counts
                .iter()
                .find(|(phase, _)| *phase == p)
                .map_or(0, |(_, n)| *n);
            (p, n)
        })
        .collect();
    Ok(Dashboard {
        organisation: organisation::get(conn).await?,
        phase_counts,
        recent: audit::list(conn, None, Paging::new(Some(1), Some(RECENT)))
            .await?
            .items,
    })
}
