//! The axum receiver over real HTTP: the example's routes on 127.0.0.1 with an ephemeral port,
//! every fixture signed with the crate's helpers, and tampered and malformed requests.

#[path = "../examples/axum_receiver.rs"]
#[allow(dead_code)]
mod axum_receiver;

mod common;

use std::io::Read;

use chat_webhooks::receive::Receiver;
use chat_webhooks::{inbenta, parse_event, superoffice, ToChatEvent, Vendor};
use serde_json::Value;

const SUPEROFFICE_SECRET: &str = "so-Secret-5d1a";
const INBENTA_SECRET: &str = "inbenta-X-Hook-Secret-77c2";
const CHANNEL_TALK_TOKEN: &str = "ct token/with+reserved&chars";
const EBBOT_TOKEN: &str = "ebbot-url-token-0f3e";

struct Server {
    base: String,
    agent: ureq::Agent,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Server {
    fn start() -> Server {
        let receiver = Receiver::new()
            .secret(Vendor::SuperOffice, SUPEROFFICE_SECRET)
            .secret(Vendor::Inbenta, "an-older-inbenta-secret")
            .secret(Vendor::Inbenta, INBENTA_SECRET)
            .secret(Vendor::ChannelTalk, CHANNEL_TALK_TOKEN)
            .secret(Vendor::Ebbot, EBBOT_TOKEN);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, axum_receiver::app(receiver))
                    .await
                    .unwrap();
            });
        });
        let address = rx.recv().unwrap();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(10)))
            .build()
            .into();
        Server {
            base: format!("http://{address}"),
            agent,
        }
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut request = self
            .agent
            .post(&format!("{}{path}", self.base))
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = request.send(body).unwrap();
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("").to_owned()))
            .collect();
        let mut text = String::new();
        response
            .body_mut()
            .as_reader()
            .read_to_string(&mut text)
            .unwrap();
        Reply {
            status,
            headers,
            body: text,
        }
    }
}

fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The path and headers a vendor would send `body` with.
fn signed(vendor: Vendor, body: &[u8]) -> (String, Vec<(&'static str, String)>) {
    match vendor {
        Vendor::SuperOffice => (
            "/webhooks/superoffice".into(),
            vec![(
                "X-SuperOffice-Signature",
                superoffice::sign(SUPEROFFICE_SECRET.as_bytes(), body),
            )],
        ),
        Vendor::Inbenta => (
            "/webhooks/inbenta".into(),
            vec![(
                "X-Hook-Signature",
                inbenta::sign(INBENTA_SECRET.as_bytes(), body),
            )],
        ),
        Vendor::ChannelTalk => (
            format!(
                "/webhooks/channel-talk?token={}",
                encode_query(CHANNEL_TALK_TOKEN)
            ),
            vec![],
        ),
        _ => (
            format!(
                "/webhooks/ebbot?source=ebbot&token={}",
                encode_query(EBBOT_TOKEN)
            ),
            vec![],
        ),
    }
}

fn send(server: &Server, vendor: Vendor, body: &[u8]) -> Reply {
    let (path, headers) = signed(vendor, body);
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    server.post(&path, &headers, body)
}

#[test]
fn every_fixture_over_http() {
    let server = Server::start();
    let mut count = 0;
    for (vendor, dir) in [
        (Vendor::SuperOffice, "superoffice"),
        (Vendor::Ebbot, "ebbot"),
        (Vendor::ChannelTalk, "channel_talk"),
        (Vendor::Inbenta, "inbenta"),
    ] {
        for (path, body) in common::fixtures(dir) {
            let reply = send(&server, vendor, &body);
            let expected = parse_event(&body).unwrap();
            if path.ends_with("superoffice/test.json")
                || path.ends_with("superoffice/docs/test.json")
            {
                assert_eq!(
                    (reply.status, reply.body.as_str()),
                    (200, ""),
                    "{path}: the registration test is a handshake"
                );
                continue;
            }
            assert_eq!(reply.status, 200, "{path}: {}", reply.body);
            let chat: Value = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(
                chat,
                serde_json::to_value(expected.to_chat_event()).unwrap(),
                "{path}"
            );
            count += 1;
        }
    }
    assert!(count >= 40, "{count} fixtures");
}

#[test]
fn tampered_unsigned_and_malformed_requests() {
    let server = Server::start();
    let body = common::fixture("superoffice/chatsession.created.json");
    let (path, headers) = signed(Vendor::SuperOffice, &body);
    let signature = headers[0].1.as_str();

    let mut tampered = body.clone();
    tampered[40] ^= 1;
    let reply = server.post(&path, &[("X-SuperOffice-Signature", signature)], &tampered);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "superoffice: signature does not match the body")
    );

    let reply = server.post(&path, &[], &body);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "superoffice: missing `X-SuperOffice-Signature` header")
    );

    let reply = server.post(&path, &[("x-superoffice-signature", "not base64")], &body);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "superoffice: signature is not valid base64")
    );

    // Authentic but not a payload: 400 with the parse error.
    let malformed =
        br#"{"EventId": "x", "Event": "chatsession.created", "FieldValues": {"ContactId": {}}}"#;
    let reply = send(&server, Vendor::SuperOffice, malformed);
    assert_eq!(reply.status, 400);
    assert!(
        reply.body.starts_with(
            "superoffice chatsession.created: FieldValues.ContactId: invalid type: map"
        ),
        "{}",
        reply.body
    );
    let reply = send(&server, Vendor::Inbenta, b"{\"trigger\": \"chats:close\", ");
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (
            400,
            "inbenta chats:close: EOF while parsing a value at line 1 column 27"
        )
    );

    // Tokens: wrong, missing.
    let body = common::fixtures("channel_talk").remove(0).1;
    let reply = server.post("/webhooks/channel-talk?token=guess", &[], &body);
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "channel_talk: token does not match")
    );
    let reply = server.post(
        "/webhooks/ebbot",
        &[],
        &common::fixtures("ebbot").remove(0).1,
    );
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "ebbot: missing `token` query parameter")
    );

    // A body signed for one vendor, sent to another vendor's route.
    let so = common::fixture("superoffice/chatsession.created.json");
    let (_, headers) = signed(Vendor::SuperOffice, &so);
    let reply = server.post(
        "/webhooks/inbenta",
        &[("X-SuperOffice-Signature", headers[0].1.as_str())],
        &so,
    );
    assert_eq!(
        (reply.status, reply.body.as_str()),
        (401, "inbenta: missing `X-Hook-Signature` header")
    );

    let reply = server.post("/webhooks/unknown", &[], b"{}");
    assert_eq!(reply.status, 404);
}

#[test]
fn inbenta_handshake_over_http() {
    let server = Server::start();
    let reply = server.post(
        "/webhooks/inbenta",
        &[("X-Hook-Secret", "fresh-secret-93b1")],
        b"",
    );
    assert_eq!(reply.status, 200);
    assert!(
        reply
            .headers
            .iter()
            .any(|(name, value)| name.eq_ignore_ascii_case("x-hook-secret")
                && value == "fresh-secret-93b1"),
        "{:?}",
        reply.headers
    );
}
