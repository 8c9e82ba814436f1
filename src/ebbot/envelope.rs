//! [`Webhook`] and [`ChatUpdateEvent`]: the envelope every Ebbot webhook shares.

use chrono::{DateTime, Utc};

use super::{
    Chat, ChatCloseData, ChatCreateData, ChatData, ChatUserUpdateData, Message, ScenarioRunData,
    StatusChangeData,
};
use crate::lenient::{Id, Timestamp};
use crate::open_object::Members;
use crate::table::Envelope;

open_object! {
    /// An Ebbot outgoing webhook: the envelope shared by every topic, with the payload under
    /// `data` typed by `P`.
    ///
    /// Only `topic` is required; every other member may be absent or `null`. `chat.update` is
    /// the one topic that carries its payload under `chat` instead: see [`ChatUpdateEvent`].
    pub struct Webhook<P = Members>("an Ebbot webhook (an object)") {
        /// The topic (event name), such as `chat.create`.
        topic: String = "topic" (required),
        /// Id of the bot the chat belongs to. Written as `null` when `None`: with `topic`, it
        /// is how [`parse_event`](crate::parse_event) recognises Ebbot.
        bot_id: Id = "botId" (always),
        /// The payload.
        data: P = "data",
        /// Who caused the event, as far as Ebbot tells (empty strings in every published
        /// example).
        context: Context = "context",
        /// Id of the request inside Ebbot that caused the event; `context.request_id`
        /// repeats it. Several events can share it (one request, several messages), so it is
        /// not a de-duplication key on its own.
        request_id: Id = "requestId",
        /// When the event was sent: epoch milliseconds.
        timestamp: Timestamp = "timestamp",
    }
}

impl<P> Webhook<P> {
    /// A webhook of `topic` with every other member absent.
    pub fn new(topic: impl Into<String>) -> Self {
        Webhook {
            topic: topic.into(),
            bot_id: None,
            data: None,
            context: None,
            request_id: None,
            timestamp: None,
            other: Members::new(),
        }
    }
}

open_object! {
    /// The `chat.update` webhook: the shared envelope with the [`Chat`] under `chat`, not
    /// `data`.
    pub struct ChatUpdateEvent("an Ebbot chat.update webhook (an object)") {
        /// The topic: `chat.update`.
        topic: String = "topic" (required),
        /// Id of the bot the chat belongs to. Written as `null` when `None`: with `topic`, it
        /// is how [`parse_event`](crate::parse_event) recognises Ebbot.
        bot_id: Id = "botId" (always),
        /// The chat as it is after the update.
        chat: Chat = "chat",
        /// Who caused the event, as far as Ebbot tells.
        context: Context = "context",
        /// Id of the request inside Ebbot that caused the event; `context.request_id`
        /// repeats it. Several events can share it (one request, several messages), so it is
        /// not a de-duplication key on its own.
        request_id: Id = "requestId",
        /// When the event was sent: epoch milliseconds.
        timestamp: Timestamp = "timestamp",
    }
}

impl ChatUpdateEvent {
    /// A webhook of `topic` with every other member absent.
    pub fn new(topic: impl Into<String>) -> Self {
        ChatUpdateEvent {
            topic: topic.into(),
            ..ChatUpdateEvent::default()
        }
    }
}

open_object! {
    /// The `context` of a webhook: the account and request behind it.
    pub struct Context("a webhook context (an object)") {
        /// Id of the Ebbot company (account); an empty string in the published examples.
        company_id: Id = "company_id",
        /// Id of the Ebbot user who caused the event; empty when none did.
        user_id: Id = "user_id",
        /// Id of the Ebbot user impersonated, when an admin acts as another user; usually
        /// empty.
        impersonated_user_id: Id = "impersonated_user_id",
        /// Id of the request that caused the event, the same as the envelope's `requestId`.
        request_id: Id = "request_id",
    }
}

/// A payload that names the chat its event is about.
pub(crate) trait ChatRef {
    /// The chat's id.
    fn chat_id(&self) -> Option<&Id>;
}

macro_rules! chat_ref {
    ($($ty:ty => $field:ident),+ $(,)?) => {
        $(
            impl ChatRef for $ty {
                fn chat_id(&self) -> Option<&Id> {
                    self.$field.as_ref()
                }
            }
        )+
    };
}

chat_ref!(
    ChatCreateData => id,
    ChatData => id,
    ChatUserUpdateData => id,
    Message => chat_id,
    ScenarioRunData => chat_id,
    StatusChangeData => id,
    ChatCloseData => id,
    Chat => id,
);

/// The envelope facts every topic shares.
fn request_id<'a>(request_id: Option<&'a Id>, context: Option<&'a Context>) -> Option<&'a str> {
    request_id
        .or_else(|| context?.request_id.as_ref())
        .map(Id::as_str)
}

impl<P: ChatRef> Envelope for Webhook<P> {
    fn event_name(&self) -> &str {
        &self.topic
    }

    fn event_id(&self) -> Option<&str> {
        request_id(self.request_id.as_ref(), self.context.as_ref())
    }

    fn chat_id(&self) -> Option<&str> {
        self.data.as_ref()?.chat_id().map(Id::as_str)
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        self.timestamp.as_ref().map(Timestamp::as_datetime)
    }
}

impl Envelope for ChatUpdateEvent {
    fn event_name(&self) -> &str {
        &self.topic
    }

    fn event_id(&self) -> Option<&str> {
        request_id(self.request_id.as_ref(), self.context.as_ref())
    }

    fn chat_id(&self) -> Option<&str> {
        self.chat.as_ref()?.id.as_ref().map(Id::as_str)
    }

    fn occurred_at(&self) -> Option<DateTime<Utc>> {
        self.timestamp.as_ref().map(Timestamp::as_datetime)
    }
}
