//! Categories (read-only; they come from the portfolio knowledge pack) and suppliers.

use crate::AppState;
use crate::auth::Viewer;
use crate::error::{PageError, message_of, render, status_of};
use crate::pages::{Pager, page_param};
use crate::shell::Shell;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use grip_app::catalogue::{self, SupplierInput};
use grip_app::{Action, AppError, Paging};
use grip_core::catalogue::{Category, Supplier};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/categories", get(categories))
        .route("/suppliers", get(suppliers).post(add_supplier))
}

#[derive(Template)]
#[template(path = "catalogue/categories.html")]
struct CategoriesPage {
    shell: Shell,
    categories: Vec<Category>,
}

async fn categories(State(state): State<AppState>, viewer: Viewer) -> Result<Response, PageError> {
    let categories = catalogue::list_categories(&state.app, &viewer.actor).await?;
    render(&CategoriesPage {
        shell: Shell::new(&viewer, "categories", "/categories"),
        categories,
    })
}

#[derive(Template)]
#[template(path = "catalogue/suppliers.html")]
struct SuppliersPage {
    shell: Shell,
    suppliers: Vec<Supplier>,
    pager: Pager,
    may_manage: bool,
    errors: Vec<String>,
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<String>,
}

async fn suppliers_page(
    state: &AppState,
    viewer: &Viewer,
    page: Option<i64>,
    errors: Vec<String>,
) -> Result<SuppliersPage, PageError> {
    let list =
        catalogue::list_suppliers(&state.app, &viewer.actor, Paging::new(page, Some(50))).await?;
    Ok(SuppliersPage {
        shell: Shell::new(viewer, "suppliers", "/suppliers"),
        pager: Pager::new("/suppliers", &list, &[]),
        suppliers: list.items,
        may_manage: viewer.actor.may(Action::ManageCatalogue),
        errors,
    })
}

async fn suppliers(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    render(&suppliers_page(&state, &viewer, page_param(&q.page), Vec::new()).await?)
}

async fn add_supplier(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<SupplierInput>,
) -> Result<Response, PageError> {
    match catalogue::create_supplier(&state.app, &viewer.actor, &form).await {
        Ok(_) => Ok(Redirect::to("/suppliers").into_response()),
        Err(err @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let status = status_of(&err);
            let errors = match &err {
                AppError::Invalid(list) => {
                    list.iter().map(|e| viewer.lang.field_error(e)).collect()
                }
                other => vec![message_of(other).0],
            };
            Ok((
                status,
                render(&suppliers_page(&state, &viewer, None, errors).await?)?,
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}
