//! The common chat-event model: one shape for every vendor's events.
//!
//! A service that receives chat webhooks from several vendors usually wants to handle "a
//! message was sent" or "a chat was closed" once, not four times. [`ToChatEvent`] turns any
//! supported vendor's event into a [`ChatEvent`], and users implement it for payload types of
//! their own so that those flow through the same code (see `examples/own_vendor.rs`).
//!
//! The conversion never invents data: a field the vendor did not send stays `None`, and an
//! event with no common meaning (SuperOffice's registration `test`, an unknown event name) has
//! kind [`ChatEventKind::Other`] with its [`event_name`](ChatEvent::event_name) kept.
//!
//! The table of every vendor event and its kind is in the crate's README and at the crate root.
//!
//! [`ChatRecord`] folds one chat's events into what a service stores of it (its state, its
//! messages, who is who), and [`People`] learns who is who from every event, across chats.

mod chat_kind;
mod event;
mod kind;
mod message;
mod people;
mod record;
mod state;

pub use self::chat_kind::ChatKind;
pub(crate) use self::event::{key_part_len, KeyPart};
pub use self::event::{ChatEvent, MessageKey};
pub use self::kind::ChatEventKind;
pub use self::message::{Attachment, Author, ChatMessage, MessageReaction, Role};
pub use self::people::{People, Person};
pub use self::record::ChatRecord;
pub use self::state::ChatState;

/// The participants book of 0.2, now the [`People`] directory (one mechanism for a chat and
/// across chats). Its methods that take a person id take the source too: `get(source, id)`,
/// `role_of(source, id)`, `learn_author(source, author, at)`, `resolve_author(source, author)`.
#[deprecated(
    since = "0.3.0",
    note = "use `People`, which takes a source with each id"
)]
pub type Participants = People;

/// Converts a vendor's event into the common [`ChatEvent`].
///
/// Implemented for [`Event`](crate::Event) and for each vendor's `Event`. Implement it for your
/// own payload types to handle them in the same pipeline:
///
/// ```
/// use chat_webhooks::{Author, ChatEvent, ChatEventKind, ChatMessage, Role, ToChatEvent};
///
/// struct InHouseMessage { conversation: u64, from: String, body: String }
///
/// impl ToChatEvent for InHouseMessage {
///     fn to_chat_event(&self) -> ChatEvent {
///         let mut author = Author::new(Role::Customer);
///         author.id = Some(self.from.clone());
///         let mut message = ChatMessage::new(author);
///         message.text = Some(self.body.clone());
///         let mut event = ChatEvent::custom("in-house", ChatEventKind::MessageCreated);
///         event.chat_id = Some(self.conversation.to_string());
///         event.message = Some(message);
///         event
///     }
/// }
///
/// let event = InHouseMessage { conversation: 7, from: "u1".into(), body: "hi".into() }.to_chat_event();
/// assert_eq!(event.kind, ChatEventKind::MessageCreated);
/// assert_eq!(event.message.unwrap().text.as_deref(), Some("hi"));
/// ```
///
/// Two ways in: [`to_chat_event`](Self::to_chat_event) borrows the event, for a service that
/// keeps the vendor event too (to store it, or to answer from it);
/// [`into_chat_event`](Self::into_chat_event) consumes it. Each mapping is written once, in
/// `to_chat_event`: `into_chat_event` is a provided method that calls it, and the crate's
/// vendors do not override it (moving strings instead of copying them saved nothing
/// measurable, and a second copy of a mapping drifts from the first). An implementation of
/// your own may override it.
pub trait ToChatEvent {
    /// The event in the common model, copied from a borrowed event.
    fn to_chat_event(&self) -> ChatEvent;

    /// The event in the common model, made by consuming the event: equal to
    /// [`to_chat_event`](Self::to_chat_event), which it calls by default.
    fn into_chat_event(self) -> ChatEvent
    where
        Self: Sized,
    {
        self.to_chat_event()
    }
}

impl<T: ToChatEvent + ?Sized> ToChatEvent for &T {
    fn to_chat_event(&self) -> ChatEvent {
        (**self).to_chat_event()
    }
}

impl<T: ToChatEvent + ?Sized> ToChatEvent for Box<T> {
    fn to_chat_event(&self) -> ChatEvent {
        (**self).to_chat_event()
    }
}
