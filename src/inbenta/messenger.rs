//! Recognising an Inbenta Messenger (ticket) webhook: a different webhook system of
//! Inbenta's, which can be registered on the same URL as HyperChat events but is not one.

use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::json::Prepared;
use crate::{Error, Vendor};

/// The error for a Messenger webhook, with what to do with it.
pub(crate) const MESSAGE: &str = "inbenta messenger webhook, not hyperchat: its `events` are \
     messenger tickets, which chat-webhooks does not read; its x-hook-signature is the messenger \
     secret itself, not an hmac (check it with verify_token)";

/// The shape Inbenta's connectors read: `{"events": [{"resource": ..., "resource_data": ...,
/// "action_data": ...}]}`.
#[derive(Deserialize)]
struct Delivery {
    events: Vec<Item>,
    trigger: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct Item {
    resource: Option<IgnoredAny>,
    resource_data: Option<IgnoredAny>,
    action_data: Option<IgnoredAny>,
}

/// The error for a Messenger webhook, if the body is one: an `events` array whose items
/// carry `resource`, `resource_data` or `action_data`, and no `trigger`. Failure paths only.
pub(crate) fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
    let delivery: Delivery = prepared.probe()?;
    let messenger = delivery.trigger.is_none()
        && !delivery.events.is_empty()
        && delivery.events.iter().all(|item| {
            item.resource.is_some() || item.resource_data.is_some() || item.action_data.is_some()
        });
    messenger.then(|| Error::foreign(Vendor::Inbenta, MESSAGE))
}
