//! grip-store
