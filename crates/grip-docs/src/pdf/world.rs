//! The typst `World` for one render: a fixed template as the main source, the document as a
//! JSON data file, fonts compiled into the binary, and no file system, packages or clock.
//! Shared by every PDF the crate makes (tender package, reports).

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

const MAIN_PATH: &str = "/main.typ";
/// Must match the `json(...)` call in every template.
const DATA_PATH: &str = "/data.json";

struct FontStore {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsing the fonts costs tens of milliseconds; done once per process.
fn fonts() -> &'static FontStore {
    static FONTS: OnceLock<FontStore> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        FontStore {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

fn file_id(path: &str) -> FileId {
    // The paths are constants, so a failure here is a programming error caught by tests.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| panic!("invalid virtual path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// A template (read as the main file) with its data; templates read all text from
/// `DATA_PATH`, so no text is ever markup.
pub(crate) struct DocWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl DocWorld {
    /// `date` is what `datetime.today()` gives in the template; None when it has no date.
    pub(crate) fn new(template: &str, data: Vec<u8>, date: Option<jiff::civil::Date>) -> Self {
        let today = date.and_then(|date| {
            u8::try_from(date.month())
                .ok()
                .zip(u8::try_from(date.day()).ok())
                .and_then(|(month, day)| Datetime::from_ymd(i32::from(date.year()), month, day))
        });
        Self {
            main: Source::new(file_id(MAIN_PATH), template.to_string()),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            today,
        }
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    /// The date given to `new`, so a render never depends on the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
