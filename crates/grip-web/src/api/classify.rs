//! POST /api/v1/classify: a `grip.system-profile/1` in, its `grip.classification/1` out (plus
//! the rule trace). Stores nothing; a bad profile is a 422 problem naming the JSON path.

use super::ApiQuery;
use super::classification_result::ApiClassifyOutcome;
use super::problem::{ApiError, Problem, json_rejection};
use super::system_profile::SystemProfile;
use crate::AppState;
use crate::auth::ApiActor;
use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use grip_app::classification;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(classify))
}

/// A `grip.system-profile/1` object, read as plain JSON so that a bad profile is refused
/// with the exact path of the problem.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(value_type = SystemProfile)]
pub struct ProfileDoc(pub serde_json::Value);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// Evaluate the law as in force on this date (YYYY-MM-DD); default today.
    pub as_of: Option<String>,
}

impl AsOfQuery {
    pub fn date(&self) -> Result<Option<classification::Date>, ApiError> {
        match self.as_of.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => Ok(Some(classification::parse_date("as_of", text)?)),
        }
    }
}

#[utoipa::path(post, path = "/classify", tag = "classification", params(AsOfQuery),
    request_body(content = ProfileDoc, description = "grip.system-profile/1"),
    responses((status = 200, body = ApiClassifyOutcome), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn classify(
    State(_state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<AsOfQuery>,
    body: Result<Json<ProfileDoc>, JsonRejection>,
) -> Result<Json<ApiClassifyOutcome>, ApiError> {
    let Json(ProfileDoc(profile)) = body.map_err(json_rejection)?;
    let as_of = q.date()?.unwrap_or_else(classification::today);
    let outcome = classification::classify_value(&actor, &profile, as_of)?;
    Ok(Json(ApiClassifyOutcome {
        classification: outcome.classification.into(),
        trace: outcome.trace.into_iter().map(Into::into).collect(),
    }))
}
