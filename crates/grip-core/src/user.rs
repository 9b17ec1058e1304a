//! People who use Grip, and the organisation they work for.

use serde::Serialize;

use crate::Role;
use crate::ids::UserId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub created_at: i64,
    /// When they last signed in (None: never).
    pub last_sign_in_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub description: String,
    pub is_demo: bool,
    pub created_at: i64,
}
