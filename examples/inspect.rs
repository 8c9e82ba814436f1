//! Inspect a captured webhook body: which vendor sent it, which event it is, and what it means
//! in the common model.
//!
//! ```sh
//! cargo run --example inspect -- fixtures/superoffice/chatsession.created.json
//! cargo run --example inspect -- - < body.json
//! cargo run --example inspect -- body.json --secret "$SECRET" --signature "$HEADER_VALUE"
//! ```
//!
//! With `--secret` and `--signature` the body is verified first, with the scheme of the vendor
//! it comes from: the `X-SuperOffice-Signature` or `X-Hook-Signature` header value for
//! SuperOffice and Inbenta, the `token` query parameter for Channel Talk, and the token you put
//! in your webhook URL for Ebbot. `--vendor NAME` skips detection.
//!
//! Exit status: 0 on success, 1 when the body does not parse, 2 for a usage error or an
//! unreadable file, 3 when verification fails.

use std::io::{Read, Write};
use std::process::ExitCode;

use chat_webhooks::{detect_vendor, parse_event_as, SignatureError, ToChatEvent, Vendor};

const USAGE: &str = "usage: inspect <FILE|-> [--vendor NAME] [--secret SECRET --signature VALUE]";

struct Args {
    input: String,
    vendor: Option<Vendor>,
    secret: Option<String>,
    signature: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut input = None;
    let mut vendor = None;
    let mut secret = None;
    let mut signature = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--vendor" => {
                let name = value("--vendor")?;
                vendor = Some(
                    name.parse()
                        .map_err(|err| format!("--vendor {name}: {err}"))?,
                );
            }
            "--secret" => secret = Some(value("--secret")?),
            "--signature" => signature = Some(value("--signature")?),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if secret.is_some() != signature.is_some() {
        return Err("--secret and --signature go together".to_owned());
    }
    let input = input.ok_or("no input: give a file, or - for standard input")?;
    Ok(Args {
        input,
        vendor,
        secret,
        signature,
    })
}

fn read_body(input: &str) -> std::io::Result<Vec<u8>> {
    if input == "-" {
        let mut body = Vec::new();
        std::io::stdin().read_to_end(&mut body)?;
        Ok(body)
    } else {
        std::fs::read(input)
    }
}

fn verify(
    vendor: Vendor,
    secret: &str,
    signature: &str,
    body: &[u8],
) -> Result<(), SignatureError> {
    let _ = (secret, signature, body);
    match vendor {
        #[cfg(feature = "superoffice")]
        Vendor::SuperOffice => {
            chat_webhooks::superoffice::verify_signature(secret.as_bytes(), body, signature)
        }
        #[cfg(feature = "inbenta")]
        Vendor::Inbenta => {
            chat_webhooks::inbenta::verify_signature(secret.as_bytes(), body, signature)
        }
        #[cfg(feature = "channel-talk")]
        Vendor::ChannelTalk => chat_webhooks::channel_talk::verify_token(secret, signature),
        // Ebbot signs nothing: the recommended practice is a secret token in the webhook URL.
        _ => chat_webhooks::verify_token(secret, signature),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("inspect: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let body = match read_body(&args.input) {
        Ok(body) => body,
        Err(err) => {
            eprintln!("inspect: cannot read {}: {err}", args.input);
            return ExitCode::from(2);
        }
    };
    let vendor = match args.vendor.map_or_else(|| detect_vendor(&body), Ok) {
        Ok(vendor) => vendor,
        Err(err) => {
            eprintln!("inspect: {}: {err}", args.input);
            return ExitCode::from(1);
        }
    };
    let mut report = String::new();
    if let (Some(secret), Some(signature)) = (&args.secret, &args.signature) {
        match verify(vendor, secret, signature, &body) {
            Ok(()) => report.push_str(&format!("verified: {vendor}\n")),
            Err(err) => {
                eprintln!(
                    "inspect: {}: {vendor} verification failed: {err}",
                    args.input
                );
                return ExitCode::from(3);
            }
        }
    }
    let event = match parse_event_as(vendor, &body) {
        Ok(event) => event,
        Err(err) => {
            eprintln!("inspect: {}: {err}", args.input);
            return ExitCode::from(1);
        }
    };
    let common = serde_json::to_string_pretty(&event.to_chat_event())
        .expect("a ChatEvent always serializes");
    report.push_str(&format!(
        "vendor: {}\nevent:  {}\n{common}\n",
        event.vendor(),
        event.event_name()
    ));
    match std::io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stops early (`| head`) is not an error of ours.
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("inspect: cannot write the report: {err}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
