//! Importing a spend file: a preview with the guessed column mapping, then the import itself,
//! streamed in batches so a file of a million lines never sits in memory; each batch is one
//! transaction that also moves the progress on. Until the import is done its lines count
//! nowhere; a failed import takes its lines back out. The same file twice adds nothing, and a
//! line stored before (by any file) is counted as a duplicate, not stored again.

use crate::record::commit_with_event;
use crate::{Action, Actor, App, AppError, now_ms};
use grip_core::audit_event as ev;
use grip_core::dossier::FieldError;
use grip_core::spend::{ImportRemark, ImportStatus, SpendImport, StoredSpendLine};
use grip_spend::{
    Mapping, Placer, ReadError, SpendLine, csv_records, is_xlsx, parse_record, xlsx_rows,
};
use grip_store::audit::NewEvent;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Lines per transaction: progress moves on this often.
const BATCH: usize = 5_000;
/// Refused lines named one by one in the report; the rest are counted.
const REPORTED: usize = 200;
/// Largest spend file (an XLSX is read whole, within the format's million rows).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A spend file on disk (an upload is spooled there first).
#[derive(Debug, Clone)]
pub struct SpendSource {
    pub name: String,
    pub path: PathBuf,
}

/// What a person sees before importing: the headers, a few lines and the guessed mapping.
#[derive(Debug, Clone)]
pub struct Preview {
    pub headers: Vec<String>,
    pub sample: Vec<Vec<String>>,
    pub mapping: Mapping,
}

fn read_error(e: impl std::fmt::Display) -> AppError {
    AppError::from(FieldError::verbatim("file", "unreadable_spend_file", e))
}

fn start_bytes(path: &Path) -> Result<(Vec<u8>, std::fs::File), AppError> {
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(AppError::TooLarge {
            size: size as usize,
            limit: MAX_FILE_BYTES as usize,
        });
    }
    let mut sniff = vec![0; 64 * 1024];
    let n = read_up_to(&mut file, &mut sniff)?;
    sniff.truncate(n);
    Ok((sniff, file))
}

fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> Result<usize, AppError> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]).map_err(read_error)? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Calls `each` with every record (line number, fields) after the header; returns the header.
fn for_each_record(
    path: &Path,
    mut each: impl FnMut(u64, Vec<String>) -> Result<bool, AppError>,
) -> Result<Vec<String>, AppError> {
    let (sniff, file) = start_bytes(path)?;
    if is_xlsx(&sniff) {
        let bytes = std::fs::read(path).map_err(read_error)?;
        let (headers, rows) = xlsx_rows(bytes).map_err(read_error)?;
        for (line, record) in rows {
            if !each(line, record)? {
                break;
            }
        }
        return Ok(headers);
    }
    let mut records = csv_records(sniff, file).map_err(|e: ReadError| read_error(e))?;
    let headers = records.headers.clone();
    while let Some((line, record)) = records.next_record().map_err(read_error)? {
        if !each(line, record)? {
            break;
        }
    }
    Ok(headers)
}

pub fn preview(source: &SpendSource) -> Result<Preview, AppError> {
    let mut sample = Vec::new();
    let headers = for_each_record(&source.path, |_, record| {
        sample.push(record);
        Ok(sample.len() < 5)
    })?;
    Ok(Preview {
        mapping: grip_spend::guess(&headers),
        headers,
        sample,
    })
}

fn file_sha256(path: &Path) -> Result<String, AppError> {
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    loop {
        match file.read(&mut buf).map_err(read_error)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    Ok(hex::encode(hasher.finalize()))
}

fn check_mapping(mapping: &Mapping) -> Result<(), AppError> {
    let missing = mapping.missing();
    if missing.is_empty() {
        return Ok(());
    }
    Err(AppError::Invalid(
        missing
            .into_iter()
            .map(|f| FieldError::new(f.code(), "unmapped", "invalid-spend-unmapped"))
            .collect(),
    ))
}

/// Starts an import in the background and returns its id at once; the same file again
/// returns the earlier import and adds nothing.
pub async fn start(
    app: &App,
    actor: &Actor,
    source: SpendSource,
    mapping: Mapping,
) -> Result<String, AppError> {
    let (import, existing) = register(app, actor, &source, &mapping).await?;
    if existing {
        return Ok(import.id);
    }
    let app = app.clone();
    let actor = actor.clone();
    let id = import.id.clone();
    tokio::spawn(async move {
        let result = run(&app, &actor, import, &source, &mapping).await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "spend import failed");
        }
        let _ = std::fs::remove_file(&source.path);
    });
    Ok(id)
}

/// What an import of a file did: a new import, or the earlier import of the same file.
#[derive(Debug, Clone)]
pub enum Imported {
    New(SpendImport),
    Earlier(SpendImport),
}

impl Imported {
    pub fn import(&self) -> &SpendImport {
        match self {
            Imported::New(i) | Imported::Earlier(i) => i,
        }
    }
}

/// The import as one call (the command line): returns it finished.
pub async fn import_file(
    app: &App,
    actor: &Actor,
    source: SpendSource,
    mapping: Mapping,
) -> Result<Imported, AppError> {
    let (import, existing) = register(app, actor, &source, &mapping).await?;
    if existing {
        return Ok(Imported::Earlier(import));
    }
    Ok(Imported::New(
        run(app, actor, import, &source, &mapping).await?,
    ))
}

async fn register(
    app: &App,
    actor: &Actor,
    source: &SpendSource,
    mapping: &Mapping,
) -> Result<(SpendImport, bool), AppError> {
    crate::access::require(actor, Action::ManageInventory)?;
    check_mapping(mapping)?;
    let sha = file_sha256(&source.path)?;
    let mut conn = app.store.conn().await?;
    if let Some(earlier) = grip_store::spend::import_by_file(&mut conn, &sha).await? {
        return Ok((earlier, true));
    }
    let import = SpendImport {
        id: grip_store::new_id(),
        name: source.name.chars().take(200).collect(),
        file_sha256: sha,
        status: ImportStatus::Running,
        lines_read: 0,
        lines_stored: 0,
        duplicates: 0,
        rejected: 0,
        report: Vec::new(),
        created_by: actor.username.clone(),
        created_at: now_ms(),
        finished_at: None,
    };
    grip_store::spend::insert_import(&mut conn, &import).await?;
    Ok((import, false))
}

async fn run(
    app: &App,
    actor: &Actor,
    mut import: SpendImport,
    source: &SpendSource,
    mapping: &Mapping,
) -> Result<SpendImport, AppError> {
    match stream(app, &mut import, source, mapping).await {
        Ok(()) => finish(app, actor, import).await,
        Err(e) => {
            let mut conn = app.store.conn().await?;
            grip_store::spend::delete_import(&mut conn, &import.id).await?;
            Err(e)
        }
    }
}

/// Reads the file on a blocking thread and stores it batch by batch.
async fn stream(
    app: &App,
    import: &mut SpendImport,
    source: &SpendSource,
    mapping: &Mapping,
) -> Result<(), AppError> {
    let (sender, mut receiver) =
        tokio::sync::mpsc::channel::<Vec<Result<SpendLine, grip_spend::LineError>>>(2);
    let path = source.path.clone();
    let map = mapping.clone();
    let reader = tokio::task::spawn_blocking(move || {
        let mut batch = Vec::with_capacity(BATCH);
        for_each_record(&path, |line, record| {
            batch.push(parse_record(line, &record, &map));
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if sender.blocking_send(full).is_err() {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        if !batch.is_empty() {
            let _ = sender.blocking_send(batch);
        }
        Ok::<(), AppError>(())
    });
    let mut placer = {
        let mut conn = app.store.conn().await?;
        super::placer(&mut conn).await?
    };
    while let Some(batch) = receiver.recv().await {
        store_batch(app, import, &mut placer, batch).await?;
    }
    reader
        .await
        .map_err(|e| AppError::Internal(format!("spend reader: {e}")))??;
    Ok(())
}

async fn store_batch(
    app: &App,
    import: &mut SpendImport,
    placer: &mut Placer,
    batch: Vec<Result<SpendLine, grip_spend::LineError>>,
) -> Result<(), AppError> {
    let mut rows = Vec::with_capacity(batch.len());
    for parsed in batch {
        import.lines_read += 1;
        match parsed {
            Ok(line) => rows.push(stored(import, placer, &line)),
            Err(e) => {
                import.rejected += 1;
                if import.report.len() < REPORTED {
                    import.report.push(ImportRemark {
                        nl: e.describe_nl(),
                        en: e.describe_en(),
                    });
                }
            }
        }
    }
    let mut tx = app.store.begin_write().await?;
    let added = grip_store::spend::insert_lines(&mut tx, &rows).await? as i64;
    import.lines_stored += added;
    import.duplicates += rows.len() as i64 - added;
    grip_store::spend::update_import(&mut tx, import).await?;
    tx.commit().await.map_err(grip_store::StoreError::from)?;
    Ok(())
}

fn stored(import: &SpendImport, placer: &mut Placer, line: &SpendLine) -> StoredSpendLine {
    let placement = placer.place(line);
    if let Some(p) = placement
        .as_ref()
        .filter(|p| p.by == grip_spend::PlacedBy::Cpv)
    {
        // A supplier whose line named its CPV code places its other lines too.
        placer.learn(&line.supplier, &p.category);
    }
    StoredSpendLine {
        line_hash: line.fingerprint(),
        import_id: import.id.clone(),
        line_no: line.line_no as i64,
        supplier: line.supplier.clone(),
        supplier_key: grip_spend::supplier_key(&line.supplier),
        amount_cents: line.amount_cents,
        spent_on: line.date.clone(),
        description: line.description.clone(),
        cpv: line.cpv.clone(),
        category_code: placement.as_ref().map(|p| p.category.clone()),
        placed_by: placement.as_ref().map(|p| p.by.code().to_string()),
        reason_nl: placement
            .as_ref()
            .map(|p| p.reason_nl.clone())
            .unwrap_or_default(),
        reason_en: placement.map(|p| p.reason_en).unwrap_or_default(),
    }
}

async fn finish(
    app: &App,
    actor: &Actor,
    mut import: SpendImport,
) -> Result<SpendImport, AppError> {
    import.status = ImportStatus::Done;
    import.finished_at = Some(now_ms());
    let mut tx = app.store.begin_write().await?;
    grip_store::spend::update_import(&mut tx, &import).await?;
    commit_with_event(
        tx,
        NewEvent {
            at_ms: now_ms(),
            actor: &actor.username,
            dossier: None,
            event: ev::SpendImported {
                import_id: import.id.clone(),
                name: import.name.clone(),
                file_sha256: import.file_sha256.clone(),
                lines_stored: import.lines_stored,
                duplicates: import.duplicates,
                rejected: import.rejected,
            }
            .into(),
        },
    )
    .await?;
    Ok(import)
}
