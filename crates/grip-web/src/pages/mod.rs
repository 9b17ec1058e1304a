//! The HTML pages. One module per area; each owns its routes, forms and templates.

mod access_settings;
mod account;
mod audit;
mod award;
mod catalogue;
mod classification;
mod classification_text;
mod classify;
mod contracts;
mod dashboard;
mod documents;
mod dossier_export;
mod dossiers;
mod guidance;
pub(crate) mod inventory;
mod inventory_export;
mod login;
mod models;
mod package;
mod portfolio;
mod provenance;
mod register;
mod screening_jobs;
mod spend;
mod users;

use crate::AppState;
use axum::Router;
use grip_core::Page;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(login::routes())
        .merge(dashboard::routes())
        .merge(dossiers::routes())
        .merge(documents::routes())
        .merge(screening_jobs::routes())
        .merge(classify::routes())
        .merge(classification::routes())
        .merge(catalogue::routes())
        .merge(inventory::routes())
        .merge(register::routes())
        .merge(models::routes())
        .merge(portfolio::routes())
        .merge(spend::routes())
        .merge(users::routes())
        .merge(account::routes())
        .merge(access_settings::routes())
        .merge(package::routes())
        .merge(guidance::routes())
        .merge(award::routes())
        .merge(contracts::routes())
        .merge(audit::routes())
}

/// Links to the previous and next page of a list, keeping the other query parameters.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new<T>(path: &str, page: &Page<T>, params: &[(&str, &str)]) -> Pager {
        let pages = ((page.total + page.per_page - 1) / page.per_page).max(1);
        let link = |n: i64| {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in params.iter().filter(|(_, v)| !v.is_empty()) {
                query.append_pair(k, v);
            }
            query.append_pair("page", &n.to_string());
            format!("{path}?{}", query.finish())
        };
        Pager {
            page: page.page,
            pages,
            total: page.total,
            prev: (page.page > 1).then(|| link(page.page - 1)),
            next: (page.page < pages).then(|| link(page.page + 1)),
        }
    }
}

/// A page number from a query string; anything unparsable means the first page.
pub fn page_param(text: &Option<String>) -> Option<i64> {
    text.as_deref().and_then(|p| p.trim().parse().ok())
}

/// A form field that must be a safe redirect target inside Grip. Browsers drop tabs and
/// line breaks from a URL before reading it (`/\t/evil.example` becomes `//evil.example`),
/// and a line break cannot go into a header at all, so any control character or white
/// space sends the reader home instead.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok { next } else { "/" }
}

/// A list's filters as `&name=value…` for its download links (empty filters left out).
pub(crate) fn filter_query(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            let mut q = url::form_urlencoded::Serializer::new(String::new());
            q.append_pair(k, v);
            format!("&{}", q.finish())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirects_stay_inside_grip() {
        assert_eq!(local_path("/dossiers?page=2"), "/dossiers?page=2");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("/\t/evil.example"), "/");
        assert_eq!(local_path("/\n/evil.example"), "/");
        assert_eq!(local_path("/dossiers\r\nSet-Cookie: x=1"), "/");
        assert_eq!(local_path("/ /evil.example"), "/");
        assert_eq!(local_path("/\u{2028}/evil.example"), "/");
    }
}
