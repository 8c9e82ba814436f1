//! The axum receiver over real HTTP: the example's routes (the `Webhook` extractor) on
//! 127.0.0.1 with an ephemeral port, every fixture sent the way its vendor sends it (with
//! `chat_webhooks::testing`), and tampered, unsigned, malformed and cross-vendor requests.

#[path = "../examples/axum_receiver.rs"]
#[allow(dead_code)]
mod axum_receiver;

mod common;

use std::io::Read;
use std::sync::Arc;

use chat_webhooks::receive::Receiver;
use chat_webhooks::testing::{registration_request, vendor_request};
use chat_webhooks::{chatwoot, parse_event, ToChatEvent, Vendor};
use serde_json::Value;

const SUPEROFFICE_SECRET: &str = "so-Secret-5d1a";
const INBENTA_SECRET: &str = "inbenta-X-Hook-Secret-77c2";
const CHANNEL_TALK_TOKEN: &str = "ct token/with+reserved&chars";
const EBBOT_TOKEN: &str = "ebbot-url-token-0f3e";
const CHATWOOT_SECRET: &str = "chatwoot-webhook-secret-4b9e";

struct Server {
    base: String,
    agent: ureq::Agent,
    receiver: Arc<Receiver>,
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Server {
    fn start() -> Server {
        let receiver = Arc::new(
            Receiver::new()
                .secret(Vendor::SuperOffice, SUPEROFFICE_SECRET)
                .secret(Vendor::Inbenta, "an-older-inbenta-secret")
                .secret(Vendor::Inbenta, INBENTA_SECRET)
                .secret(Vendor::ChannelTalk, CHANNEL_TALK_TOKEN)
                .secret(Vendor::Ebbot, EBBOT_TOKEN)
                .secret(Vendor::Chatwoot, CHATWOOT_SECRET),
        );
        let app = axum_receiver::app(receiver.clone());
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
                axum::serve(listener, app).await.unwrap();
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
            receiver,
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

fn secret_of(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::SuperOffice => SUPEROFFICE_SECRET,
        Vendor::Inbenta => INBENTA_SECRET,
        Vendor::ChannelTalk => CHANNEL_TALK_TOKEN,
        Vendor::Chatwoot => CHATWOOT_SECRET,
        _ => EBBOT_TOKEN,
    }
}

fn route_of(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::SuperOffice => "/webhooks/superoffice",
        Vendor::Inbenta => "/webhooks/inbenta",
        Vendor::ChannelTalk => "/webhooks/channel-talk",
        Vendor::Chatwoot => "/webhooks/chatwoot",
        _ => "/webhooks/ebbot",
    }
}

/// The path and headers a vendor would send `body` with.
fn signed(vendor: Vendor, body: &[u8]) -> (String, Vec<(&'static str, String)>) {
    let sent = vendor_request(vendor, body, secret_of(vendor));
    let mut headers = sent.headers.clone();
    if vendor == Vendor::Chatwoot {
        // Signed over the timestamp and the body, as Chatwoot sends it.
        let timestamp = "1741686137";
        headers.push((chatwoot::TIMESTAMP_HEADER, timestamp.to_owned()));
        headers.push((
            chatwoot::SIGNATURE_HEADER,
            chatwoot::sign(CHATWOOT_SECRET.as_bytes(), timestamp, body),
        ));
    }
    (sent.path_and_query(route_of(vendor)), headers)
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
        (Vendor::Chatwoot, "chatwoot"),
    ] {
        for (path, body) in common::fixtures(dir) {
            // Tampered after signing (one byte of the body changed): refused; so is the body
            // without its credential.
            let (route, headers) = signed(vendor, &body);
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let mut tampered = body.clone();
            let last = tampered.len() - 1;
            tampered[last / 2] ^= 0x20;
            let reply = if matches!(
                vendor,
                Vendor::SuperOffice | Vendor::Inbenta | Vendor::Chatwoot
            ) {
                server.post(&route, &headers, &tampered)
            } else {
                server.post(&format!("{}?token=guess", route_of(vendor)), &[], &body)
            };
            assert_eq!(
                (reply.status, reply.body.as_str()),
                (401, "unauthorized"),
                "{path}: tampered"
            );
            let reply = server.post(route_of(vendor), &[], &body);
            assert_eq!(
                (reply.status, reply.body.as_str()),
                (401, "unauthorized"),
                "{path}: unsigned"
            );
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
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));

    let reply = server.post(&path, &[], &body);
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));

    let reply = server.post(&path, &[("x-superoffice-signature", "not base64")], &body);
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));

    // Authentic but not a payload: 400, and no parse detail for the caller.
    let malformed =
        br#"{"EventId": "x", "Event": "chatsession.created", "FieldValues": {"ContactId": {}}}"#;
    let reply = send(&server, Vendor::SuperOffice, malformed);
    assert_eq!((reply.status, reply.body.as_str()), (400, "invalid event"));
    let reply = send(&server, Vendor::Inbenta, b"{\"trigger\": \"chats:close\", ");
    assert_eq!((reply.status, reply.body.as_str()), (400, "invalid event"));

    // Tokens: wrong, missing.
    let body = common::fixtures("channel_talk").remove(0).1;
    let reply = server.post("/webhooks/channel-talk?token=guess", &[], &body);
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));
    let reply = server.post(
        "/webhooks/ebbot",
        &[],
        &common::fixtures("ebbot").remove(0).1,
    );
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));

    // A body signed for one vendor, sent to another vendor's route.
    let so = common::fixture("superoffice/chatsession.created.json");
    let (_, headers) = signed(Vendor::SuperOffice, &so);
    let reply = server.post(
        "/webhooks/inbenta",
        &[("X-SuperOffice-Signature", headers[0].1.as_str())],
        &so,
    );
    assert_eq!((reply.status, reply.body.as_str()), (401, "unauthorized"));
    // And every vendor's signed fixture on every other vendor's route.
    for from in Vendor::SUPPORTED {
        let body = common::fixtures(dir_of(from)).remove(0).1;
        let (route, headers) = signed(from, &body);
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let query = route.split_once('?').map_or("", |(_, q)| q);
        for to in Vendor::SUPPORTED.into_iter().filter(|to| *to != from) {
            let target = format!("{}?{query}", route_of(to));
            let reply = server.post(&target, &headers, &body);
            assert_eq!(
                (reply.status, reply.body.as_str()),
                (401, "unauthorized"),
                "{from} on {to}'s route"
            );
        }
    }

    let reply = server.post("/webhooks/unknown", &[], b"{}");
    assert_eq!(reply.status, 404);
}

fn dir_of(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::SuperOffice => "superoffice",
        Vendor::Inbenta => "inbenta",
        Vendor::ChannelTalk => "channel_talk",
        Vendor::Chatwoot => "chatwoot",
        _ => "ebbot",
    }
}

#[test]
fn inbenta_handshake_over_http() {
    let server = Server::start();
    let handshake = registration_request(Vendor::Inbenta, "fresh-secret-93b1", "tok-5e1d").unwrap();
    let path = handshake.path_and_query("/webhooks/inbenta");
    let headers: Vec<(&str, &str)> = handshake
        .headers
        .iter()
        .map(|(n, v)| (*n, v.as_str()))
        .collect();
    // No registration window: refused, and the secret is not taken.
    let reply = server.post(&path, &headers, b"");
    assert_eq!((reply.status, reply.body.as_str()), (403, "forbidden"));
    assert_eq!(server.receiver.secret_count(Vendor::Inbenta), 2);

    // In a window: answered with the header, and events signed with the new secret verify.
    let until = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        + chrono::Duration::minutes(5);
    server
        .receiver
        .open_registration(Vendor::Inbenta, "tok-5e1d", until);
    // Without the window's token (an attacker racing Inbenta): refused.
    let reply = server.post("/webhooks/inbenta", &headers, b"");
    assert_eq!((reply.status, reply.body.as_str()), (403, "forbidden"));
    let reply = server.post(&path, &headers, b"");
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
    let body = common::fixture("inbenta/chats.close.json");
    let sent = vendor_request(Vendor::Inbenta, &body, "fresh-secret-93b1");
    let headers: Vec<(&str, &str)> = sent.headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let reply = server.post("/webhooks/inbenta", &headers, &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    // The window closed with the first handshake.
    let again = registration_request(Vendor::Inbenta, "second-secret", "tok-5e1d").unwrap();
    let headers: Vec<(&str, &str)> = again
        .headers
        .iter()
        .map(|(n, v)| (*n, v.as_str()))
        .collect();
    let reply = server.post(&again.path_and_query("/webhooks/inbenta"), &headers, b"");
    assert_eq!(reply.status, 403);
}
