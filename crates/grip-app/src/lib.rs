//! grip-app
