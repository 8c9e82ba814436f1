//! Channel App function calls: requests Channel sends to an App's function endpoint, which
//! can reach a webhook URL but are not webhooks.

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::json::Prepared;
use crate::{Error, Vendor};

/// The error for an App function call, with what to do with it.
pub(crate) const MESSAGE: &str = "channel app function call, not a webhook: a body of \
     `method`, `params` and `context` is a call to your channel app's function endpoint, which \
     chat-webhooks does not read; answer it there (its x-signature is checked by \
     channel_talk::verify_app_signature)";

/// The shape of Channel's App function call: `{method, params, context: {caller, channel},
/// systemVersion}` (Channel's app SDK).
#[derive(Deserialize)]
struct Call {
    method: Option<String>,
    params: Option<IgnoredAny>,
    context: Option<IgnoredAny>,
    #[serde(rename = "systemVersion")]
    system_version: Option<IgnoredAny>,
    event: Option<IgnoredAny>,
    entity: Option<IgnoredAny>,
}

/// The error for an App function call, if the body is one: a string `method` and a
/// `context`, with `params` or `systemVersion`, and neither `event` nor `entity`. Failure
/// paths only.
pub(crate) fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
    let call: Call = prepared.probe()?;
    let is_call = call.method.is_some()
        && call.context.is_some()
        && (call.params.is_some() || call.system_version.is_some())
        && call.event.is_none()
        && call.entity.is_none();
    is_call.then(|| Error::foreign(Vendor::ChannelTalk, MESSAGE))
}
