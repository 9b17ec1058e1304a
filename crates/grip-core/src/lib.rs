//! grip-core
