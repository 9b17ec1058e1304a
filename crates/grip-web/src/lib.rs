//! grip-web
