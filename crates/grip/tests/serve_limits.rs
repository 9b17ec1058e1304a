//! `grip serve` under half-sent requests: connections that never finish their headers are
//! closed after the header timeout, and while they are held the server still answers others
//! (issue 25, defect 4). Runs the real binary on a free port.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers and bodies outside #[test]: a failed unwrap is a failed test"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(max_connections: usize, header_timeout_secs: u64) -> (Server, std::path::PathBuf) {
    // Tests of this file run at once in one process: each server gets a folder of its own.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("grip-limits-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_grip"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .args(["--max-connections", &max_connections.to_string()])
        .args(["--header-timeout-secs", &header_timeout_secs.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://"), "{line}");
    (Server(child, url), dir)
}

fn address(url: &str) -> String {
    url.trim_start_matches("http://").to_string()
}

/// A connection that sends the start of a request and never finishes it.
fn half_sent(addr: &str) -> TcpStream {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: grip\r\n")
        .unwrap();
    stream
}

fn healthz_within(addr: &str, limit: Duration) -> bool {
    let start = Instant::now();
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    stream.set_read_timeout(Some(limit)).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: grip\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.starts_with("HTTP/1.1 200") && start.elapsed() <= limit
}

#[test]
fn half_sent_requests_are_closed_and_others_are_still_served() {
    let (server, dir) = start(40, 1);
    let addr = address(&server.1);
    // Three times the connection cap of half-sent requests.
    let held: Vec<TcpStream> = (0..120).map(|_| half_sent(&addr)).collect();
    // Each is closed by the server once its header time is up.
    let mut probe = half_sent(&addr);
    probe
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = Vec::new();
    let closed = Instant::now();
    let _ = probe.read_to_end(&mut buf);
    assert!(
        closed.elapsed() < Duration::from_secs(5),
        "a half-sent request stays open"
    );
    // And a complete request is answered while the slow ones come and go.
    assert!(
        healthz_within(&addr, Duration::from_secs(8)),
        "healthz starved"
    );
    drop(held);
    assert!(healthz_within(&addr, Duration::from_secs(2)));
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

/// SIGTERM (what service managers send) stops the server cleanly: it exits with success
/// instead of dying from the signal, so open requests finish and job leases are released
/// (issue 25, defect 10).
#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let (mut server, dir) = start(8, 5);
    let addr = address(&server.1);
    assert!(healthz_within(&addr, Duration::from_secs(5)));
    let pid = server.0.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
    let _ = std::fs::remove_dir_all(dir);
}
