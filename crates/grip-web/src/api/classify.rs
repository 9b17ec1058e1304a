//! POST /api/v1/classify: a `grip.system-profile/1` in, its `grip.classification/1` out (plus
//! the rule trace). Stores nothing; a bad profile is a 422 problem naming the JSON path.

use super::ApiQuery;
use super::problem::{ApiError, Problem, json_rejection};
use crate::AppState;
use crate::auth::ApiActor;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::routing::post;
use axum::{Json, Router};
use grip_app::classification;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/classify", post(classify))
}

/// A `grip.classification/1` object (see the published contract) with an extra `trace`
/// member: the rules that fired, on which facts.
#[derive(Debug, Serialize, ToSchema)]
#[schema(value_type = Object)]
pub struct ClassificationDoc(pub serde_json::Value);

/// A `grip.system-profile/1` object.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(value_type = Object)]
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

#[utoipa::path(post, path = "/api/v1/classify", tag = "classification", params(AsOfQuery),
    request_body(content = ProfileDoc, description = "grip.system-profile/1"),
    responses((status = 200, body = ClassificationDoc), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn classify(
    State(_state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(q): ApiQuery<AsOfQuery>,
    body: Result<Json<ProfileDoc>, JsonRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Json(ProfileDoc(profile)) = body.map_err(json_rejection)?;
    let as_of = q.date()?.unwrap_or_else(classification::today);
    let outcome = classification::classify_value(&actor, &profile, as_of)?;
    let value = serde_json::to_value(&outcome)
        .map_err(|e| ApiError(grip_app::AppError::Internal(e.to_string())))?;
    Ok(Json(value))
}
