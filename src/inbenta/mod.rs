//! Inbenta HyperChat webhooks.
//!
//! This module reads the webhooks of the **HyperChat API** (also published as the Messenger
//! "HyperChat API" and the Assist "Agent Chat API"): live-chat events that HyperChat posts as
//! JSON to the URLs registered for them. Every event is a [`Webhook`] envelope: `trigger` (the
//! event's name), `appId`, `data` ("skinny": its shape depends on the trigger) and
//! `created_at`.
//!
//! | `trigger` | variant | payload |
//! |---|---|---|
//! | `chats:create` | [`Event::ChatsCreate`] | [`SkinnyEvent`]: `{chatId, userId}` |
//! | `chats:join` | [`Event::ChatsJoin`] | [`SkinnyEvent`] |
//! | `chats:leave` | [`Event::ChatsLeave`] | [`SkinnyEvent`] |
//! | `chats:close` | [`Event::ChatsClose`] | [`ChatCloseEvent`]: `{chatId, userId, extraData: {reason}}`; `userId` may be `"system"` |
//! | `chats:assign` | [`Event::ChatsAssign`] | [`ChatAssignEvent`]: `{agents: [{id, capacity}]}`; answer with [`assign_response`] |
//! | `forever:alone` | [`Event::ForeverAlone`] | [`SkinnyEvent`]: `{chatId}` |
//! | `invitations:accept` | [`Event::InvitationsAccept`] | [`SkinnyEvent`]: `userId` is the agent |
//! | `messages:new` | [`Event::MessagesNew`] | [`MessageNewEvent`]: `{message: {chat, sender, type, message}}`; `sender` an id or a user object |
//! | `messages:read` | [`Event::MessagesRead`] | [`SkinnyEvent`] |
//! | `queues:update` | [`Event::QueuesUpdate`] | [`QueueUpdateEvent`]: `{chatId, userId, data: {queuePosition}}`; `userId` may be absent |
//! | `system:info` | [`Event::SystemInfo`] | [`SystemInfoEvent`]: `{chatId, data: {ticketId}}` |
//! | `users:activity` | [`Event::UsersActivity`] | [`UserActivityEvent`]: `{chatId, type}` |
//! | `agents:login` (older instances) | [`Event::AgentsLogin`] | [`SkinnyEvent`] |
//! | `agents:logout` (older) | [`Event::AgentsLogout`] | [`SkinnyEvent`] |
//! | `chats:toinbox` (older) | [`Event::ChatsToInbox`] | [`SkinnyEvent`] |
//! | `invitations:new` (older) | [`Event::InvitationsNew`] | [`SkinnyEvent`] |
//! | `invitations:reject` (older) | [`Event::InvitationsReject`] | [`SkinnyEvent`] |
//! | `rooms:join` (older) | [`Event::RoomsJoin`] | [`SkinnyEvent`] |
//! | `rooms:leave` (older) | [`Event::RoomsLeave`] | [`SkinnyEvent`] |
//! | `users:signup` (older) | [`Event::UsersSignup`] | [`SkinnyEvent`] |
//! | anything else | [`Event::Unknown`] | the raw JSON; read its envelope with `unknown.deserialize::<Webhook>()` |
//!
//! Inbenta documents the data of only a few triggers (the shapes above come from its
//! documentation and from the handlers in its own PHP connector); for the others it says only
//! that the data is "skinny" and "mirrors the responses of the API routes". Every payload
//! struct therefore reads the ids this crate knows into typed `Option` fields and keeps every
//! other member, as sent, in an `other` map ([`Members`]) that is written back when the event
//! is serialized: an undocumented member is never an error and never lost.
//!
//! Quirks accepted:
//! - `created_at` is documented as a "unix_timestamp" without a unit: read as seconds or
//!   milliseconds by magnitude ([`Timestamp`](crate::Timestamp)), and written back as sent;
//! - ids as strings or numbers ([`Id`]), `"system"` as a user id;
//! - `messages:new` content that is text (a string) or a media object, in either order
//!   relative to its `type`;
//! - `users:activity` `stop-writing` as well as `not-writing`, and other types (kept as
//!   sent);
//! - a message `sender` that is a user object (`{id, name, ...}`) instead of an id, as
//!   Inbenta's real-time adapter reads it;
//! - trigger names in any letter case (kept as sent).
//!
//! Inbenta's published envelope is a template, not JSON (unquoted keys, `{{placeholders}}`,
//! `//` comments, a trailing comma), so it is not a test fixture; the fixtures follow its
//! members:
//!
//! ```text
//! trigger: {{event_name}},
//! appId: {{app_id}},
//! data: {{object}}, // each event has different data
//! created_at: {{unix_timestamp}}, // the time on which the webhook was fired
//! ```
//!
//! Inbenta sends no delivery id and documents no retries; events may arrive out of order.
//!
//! Message text is kept verbatim: an agent's text may be HTML (markup and entities as
//! typed). A media message's `url` is relative to the versioned API root and needs the app's
//! credentials to fetch: [`media_url`] makes the absolute URL, and its `type` is a MIME type.
//!
//! # Authenticity
//!
//! Registering a webhook starts a handshake: HyperChat sends an `X-Hook-Secret` header, which
//! must be answered with status 200 and the same header ([`handshake`]). Keep the secret:
//! every event then carries `X-Hook-Signature`, an HMAC-SHA256 of the raw body keyed with it
//! ([`verify_signature`]; its encoding is undocumented, so hex and base64 are both accepted).
//!
//! Anyone can send an `X-Hook-Secret` header. Accept one only while you are registering the
//! webhook yourself: [`Receiver::open_registration`](crate::receive::Receiver::open_registration)
//! opens such a window, the first handshake in it adds its secret to the receiver and closes
//! it, and every other unsigned handshake is refused. A request that carries a valid
//! `X-Hook-Signature` is an event, whatever other headers it has.
//!
//! ```
//! use chat_webhooks::inbenta;
//!
//! // Registration, while you register the webhook: the request has an X-Hook-Secret header.
//! // Answer it and store the secret.
//! let answer = inbenta::handshake("4f0c9a7e51d2b8e6")?;
//! assert_eq!((answer.status(), answer.response_headers()[0].0), (200, inbenta::SECRET_HEADER));
//! let secret = answer.into_secret();
//!
//! // Every event: verify, then parse.
//! # let body: &[u8] = br#"{"trigger":"chats:close","appId":"gAb5UV4ty","data":{"chatId":"kX2p9","userId":"system"},"created_at":1741686137}"#;
//! # let signature_header = inbenta::sign(secret.as_bytes(), body);
//! inbenta::verify_signature(secret.as_bytes(), body, &signature_header)?;
//! let inbenta::Event::ChatsClose(close) = inbenta::parse(body)? else { unreachable!() };
//! assert!(close.data.as_ref().unwrap().is_system());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Inbenta's Messenger and Case Management APIs have a **different** webhook system that uses
//! the same header name differently: there `X-Hook-Signature` carries the registered secret
//! itself (not an HMAC), verification is an empty `GET` with an `X-Inbenta-Challenge` to echo,
//! and deliveries are batched lists of `{id, item, action, ...}` (as Inbenta's connectors read
//! them, `{"events": [{"resource", "resource_data", "action_data"}]}`). This module does not
//! read those; use [`verify_token`](crate::verify_token) for their header. Such a body given to
//! [`parse`] or [`parse_event`](crate::parse_event) is refused with an error of category
//! [`Foreign`](crate::Category::Foreign) that says
//! `inbenta messenger webhook, not hyperchat`, not with "no vendor matched".

mod assign;
mod auth;
mod chats;
mod convert;
mod envelope;
mod media;
mod messages;
mod messenger;
mod queues;
mod users;

pub use self::assign::{assign_response, ASSIGN_RESPONSE_CONTENT_TYPE, ASSIGN_TIMEOUT};
pub use self::auth::{
    handshake, sign, verify_signature, HookSecret, SECRET_HEADER, SIGNATURE_HEADER,
};
pub use self::chats::{
    AvailableAgent, ChatAssignData, ChatCloseData, CloseDetails, CloseReason, SkinnyData,
    SystemInfoData, SystemInfoDetails, SYSTEM_USER,
};
pub use self::envelope::Webhook;
pub use self::media::{media_url, ApiRoot, MediaUrlError};
pub use self::messages::{
    Media, Message, MessageContent, MessageNewData, MessageSender, MessageType, SenderUser,
};
pub(crate) use self::messenger::foreign;
pub use self::queues::{QueueStatus, QueueUpdateData};
pub use self::users::{ActivityType, UserActivityData};
pub use crate::open_object::Members;

use crate::json::Prepared;
use crate::lenient::Id;
use crate::unknown::EnvelopePaths;
use crate::{Error, Vendor};

/// An event whose data is `{chatId, userId}` (or a part of it, or undocumented).
pub type SkinnyEvent = Webhook<SkinnyData>;

/// A `chats:close` event.
pub type ChatCloseEvent = Webhook<ChatCloseData>;

/// A `system:info` event.
pub type SystemInfoEvent = Webhook<SystemInfoData>;

/// A `chats:assign` event.
pub type ChatAssignEvent = Webhook<ChatAssignData>;

/// A `messages:new` event.
pub type MessageNewEvent = Webhook<MessageNewData>;

/// A `queues:update` event.
pub type QueueUpdateEvent = Webhook<QueueUpdateData>;

/// A `users:activity` event.
pub type UserActivityEvent = Webhook<UserActivityData>;

const VENDOR: Vendor = Vendor::Inbenta;

event_enum! {
    vendor: VENDOR;
    /// An Inbenta HyperChat webhook, by its `trigger`.
    events {
    /// `chats:create`: a new chat was created.
    ChatsCreate(SkinnyEvent) = "chats:create",
    /// `chats:join`: a user joined a chat.
    ChatsJoin(SkinnyEvent) = "chats:join",
    /// `chats:leave`: a user left a chat.
    ChatsLeave(SkinnyEvent) = "chats:leave",
    /// `chats:close`: a chat was closed, by a user or by `"system"`.
    ChatsClose(ChatCloseEvent) = "chats:close",
    /// `chats:assign`: a chat is looking for an agent. Fired each time the invitation moves
    /// from one agent to another; answer within [`ASSIGN_TIMEOUT`] with
    /// [`assign_response`] to choose the agent.
    ChatsAssign(ChatAssignEvent) = "chats:assign",
    /// `forever:alone`: no agent is left to invite to the chat (restart the assignment loop
    /// or close the chat).
    ForeverAlone(SkinnyEvent) = "forever:alone",
    /// `invitations:accept`: an agent accepted the invitation to a chat.
    InvitationsAccept(SkinnyEvent) = "invitations:accept",
    /// `messages:new`: a message was sent to an ongoing chat.
    MessagesNew(MessageNewEvent) = "messages:new",
    /// `messages:read`: a message was received in an ongoing chat.
    MessagesRead(SkinnyEvent) = "messages:read",
    /// `queues:update`: a chat moved to a new position in its queue.
    QueuesUpdate(QueueUpdateEvent) = "queues:update",
    /// `system:info`: a system event (for example, a ticket created when a chat closed).
    SystemInfo(SystemInfoEvent) = "system:info",
    /// `users:activity`: a user started or stopped writing, or left the chat for a while.
    UsersActivity(UserActivityEvent) = "users:activity",
    /// `agents:login` (older instances): an agent logged in.
    AgentsLogin(SkinnyEvent) = "agents:login",
    /// `agents:logout` (older instances): an agent logged out.
    AgentsLogout(SkinnyEvent) = "agents:logout",
    /// `chats:toinbox` (older instances): a chat was sent to another room's inbox.
    ChatsToInbox(SkinnyEvent) = "chats:toinbox",
    /// `invitations:new` (older instances): an agent was invited to a chat.
    InvitationsNew(SkinnyEvent) = "invitations:new",
    /// `invitations:reject` (older instances): an agent rejected the invitation to a chat.
    InvitationsReject(SkinnyEvent) = "invitations:reject",
    /// `rooms:join` (older instances): a user joined a room.
    RoomsJoin(SkinnyEvent) = "rooms:join",
    /// `rooms:leave` (older instances): a user left a room.
    RoomsLeave(SkinnyEvent) = "rooms:leave",
    /// `users:signup` (older instances): a user signed up.
    UsersSignup(SkinnyEvent) = "users:signup",
    }
}

impl Event {
    /// `appId`: the HyperChat app (instance) the event is from, where sent.
    pub fn app_id(&self) -> Option<&Id> {
        match self {
            Event::ChatsClose(event) => event.app_id.as_ref(),
            Event::SystemInfo(event) => event.app_id.as_ref(),
            Event::ChatsAssign(event) => event.app_id.as_ref(),
            Event::MessagesNew(event) => event.app_id.as_ref(),
            Event::QueuesUpdate(event) => event.app_id.as_ref(),
            Event::UsersActivity(event) => event.app_id.as_ref(),
            Event::Unknown(_) => None,
            skinny => skinny.skinny().and_then(|event| event.app_id.as_ref()),
        }
    }

    /// The event, for the triggers whose data is [`SkinnyData`].
    fn skinny(&self) -> Option<&SkinnyEvent> {
        match self {
            Event::ChatsCreate(event)
            | Event::ChatsJoin(event)
            | Event::ChatsLeave(event)
            | Event::ForeverAlone(event)
            | Event::InvitationsAccept(event)
            | Event::MessagesRead(event)
            | Event::AgentsLogin(event)
            | Event::AgentsLogout(event)
            | Event::ChatsToInbox(event)
            | Event::InvitationsNew(event)
            | Event::InvitationsReject(event)
            | Event::RoomsJoin(event)
            | Event::RoomsLeave(event)
            | Event::UsersSignup(event) => Some(event),
            _ => None,
        }
    }
}

/// What the registry (`registry.rs`) knows of Inbenta: recognised by the `trigger` and `appId` keys; delivery
/// time `created_at`, when the webhook was fired.
pub(crate) struct Spec;

impl crate::registry::VendorSpec for Spec {
    const VENDOR: Vendor = VENDOR;
    const DETECT: &'static [&'static str] = &["trigger", "appId"];
    const SCHEME: crate::auth::Scheme = auth::SCHEME;
    const EXAMPLE: &'static [u8] =
        br#"{"trigger":"chats:close","appId":"a","data":{"chatId":"c1"},"created_at":1704067200}"#;
    const ENVELOPE: EnvelopePaths = EnvelopePaths {
        event_id: &[],
        chat_id: &[&["data", "chatId"], &["data", "message", "chat"]],
        occurred_at: &[&["created_at"]],
    };
    const DELIVERY_TIME: bool = true;
    const SECRET_EXCHANGE: Option<crate::auth::SecretExchange> = Some(auth::SECRET_EXCHANGE);

    type Event = Event;

    fn foreign(prepared: &Prepared<'_>) -> Option<Error> {
        foreign(prepared)
    }

    fn parse(prepared: &Prepared<'_>) -> Result<Event, Error> {
        parse_prepared(prepared)
    }
}

/// Parses an Inbenta HyperChat webhook body.
///
/// ```
/// let body = br#"{"trigger": "queues:update", "appId": "gAb5UV4ty",
///     "data": {"chatId": "kX2p9", "userId": 5012, "data": {"queuePosition": 3}},
///     "created_at": 1741686137000}"#;
/// let chat_webhooks::inbenta::Event::QueuesUpdate(update) = chat_webhooks::inbenta::parse(body)? else {
///     unreachable!()
/// };
/// let data = update.data.as_ref().unwrap();
/// assert_eq!(data.queue_position(), Some(3));
/// assert_eq!(data.user_id.as_ref().unwrap().as_i64(), Some(5012));
/// assert_eq!(update.created_at.unwrap().to_string(), "2025-03-11T09:42:17Z");
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
pub fn parse(body: &[u8]) -> Result<Event, Error> {
    parse_prepared(&crate::detect::prepare(
        body,
        crate::detect::Until::Vendor(VENDOR),
    ))
}

fn parse_prepared(prepared: &Prepared<'_>) -> Result<Event, Error> {
    // A Messenger webhook has no `trigger`: say what it is rather than that the key is missing.
    let name = prepared
        .discriminator(VENDOR, "trigger")
        .map_err(|err| foreign(prepared).unwrap_or(err))?;
    dispatch(prepared, &name, &name)
}
