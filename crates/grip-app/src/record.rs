//! The one place where a change becomes durable: the audit event is appended inside the
//! change's transaction and both are committed together, or neither is.

use crate::AppError;
use grip_store::WriteTx;
use grip_store::audit::{self, NewEvent};

/// Appends `event` to the audit chain and commits the transaction holding the change.
pub(crate) async fn commit_with_event(
    mut tx: WriteTx,
    event: NewEvent<'_>,
) -> Result<i64, AppError> {
    let seq = audit::append(&mut tx, event).await?;
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok(seq)
}

/// Appends an event without committing, for use cases that record several events in one
/// transaction (the demo, imports); the caller commits with `commit_with_event`.
pub(crate) async fn append_event(tx: &mut WriteTx, event: NewEvent<'_>) -> Result<i64, AppError> {
    Ok(audit::append(tx, event).await?)
}

/// Appends `events` in order and commits the transaction holding the change: for use cases
/// that record one event per row they write (each score of a form, say).
pub(crate) async fn commit_with_events(
    mut tx: WriteTx,
    events: Vec<NewEvent<'_>>,
) -> Result<(), AppError> {
    for event in events {
        audit::append(&mut tx, event).await?;
    }
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok(())
}
