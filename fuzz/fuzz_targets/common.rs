// Shared by all fuzz targets: screen the input with tight limits. Third-party parser panics
// are caught inside grip-screen by design, so the panic hook is silenced; a panic that
// escapes `screen_bytes` still aborts the fuzzer and is a real crash.
use std::sync::OnceLock;
use std::time::Duration;

use grip_screen::{Lexicon, Limits, screen_bytes};

pub fn screen(bytes: &[u8]) {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(|| {
        std::panic::set_hook(Box::new(|_| {}));
        Lexicon::embedded().expect("embedded lexicon")
    });
    let limits = Limits {
        max_file_bytes: 1 << 20,
        max_uncompressed_bytes: 16 << 20,
        max_text_bytes: 4 << 20,
        max_duration: Duration::from_secs(2),
        ..Limits::default()
    };
    let screening = screen_bytes("fuzz", bytes, lexicon, &limits);
    // Serialising exercises the contract types too.
    let _ = screening.to_json_line();
}

/// Wraps fuzzer bytes as the body of one ZIP entry, so the XML walkers get deep coverage.
#[allow(dead_code)]
pub fn zip_with(name: &str, body: &[u8], extra: &[(&str, &[u8])]) -> Vec<u8> {
    // A minimal stored (uncompressed) ZIP writer: local headers, central directory, end record.
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut entries: Vec<(&str, &[u8])> = extra.to_vec();
    entries.push((name, body));
    for (entry_name, data) in &entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&(entry_name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 6]);
                h.extend_from_slice(&0u32.to_le_bytes());
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(entry_name.as_bytes());
            h
        };
        out.extend_from_slice(&header(0x0403_4b50, false));
        out.extend_from_slice(data);
        central.extend_from_slice(&header(0x0201_4b50, true));
    }
    let central_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[allow(dead_code)]
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
