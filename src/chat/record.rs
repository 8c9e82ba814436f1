//! [`ChatRecord`]: the record of one chat, folded from its events.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::Deserializer;
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use super::people::people;
use super::{
    Author, ChatEvent, ChatEventKind, ChatKind, ChatMessage, ChatState, People, Person, Role,
};

/// The record of one chat, folded from its [`ChatEvent`]s: what a service stores of a chat.
///
/// [`apply`](Self::apply) each event of the chat as it arrives; the record holds the chat's
/// [`state`](Self::state) after all of them, its [`messages`](Self::messages) (each once, the
/// latest version of each, in the order they were sent), its
/// [`participants`](Self::participants) with the roles and names any event told, its times
/// ([`opened_at`](Self::opened_at), [`closed_at`](Self::closed_at),
/// [`last_activity_at`](Self::last_activity_at)) and the [`close_reason`](Self::close_reason).
/// It does no I/O and serializes, so a service keeps it in a JSON column and folds the next
/// event into what it read back.
///
/// ```
/// use chat_webhooks::{inbenta, ChatRecord, ChatState, Role, ToChatEvent};
///
/// let mut record = ChatRecord::new();
/// for body in [
///     // The message arrives first; its sender's role is not in the payload.
///     &br#"{"trigger":"messages:new","appId":"a","data":{"message":{"id":"m1","chat":"c1","sender":"a1","type":"text","message":"Hi, how can I help?"}},"created_at":1741686189}"#[..],
///     br#"{"trigger":"chats:close","appId":"a","data":{"chatId":"c1","userId":"a1"},"created_at":1741686300}"#,
///     br#"{"trigger":"chats:create","appId":"a","data":{"chatId":"c1","userId":"u1"},"created_at":1741686137}"#,
///     br#"{"trigger":"invitations:accept","appId":"a","data":{"chatId":"c1","userId":"a1"},"created_at":1741686149}"#,
/// ] {
///     assert!(record.apply(&inbenta::parse(body)?.into_chat_event()));
/// }
/// assert_eq!(record.state(), ChatState::Closed);       // the late `invitations:accept` does not reopen it
/// assert_eq!(record.messages()[0].author.role, Role::Agent); // learnt after the message came
///
/// // A service stores it and folds the next event into what it reads back.
/// let stored = serde_json::to_string(&record).unwrap();
/// let mut record: ChatRecord = serde_json::from_str(&stored).unwrap();
/// let retry = br#"{"trigger":"chats:close","appId":"a","data":{"chatId":"c1","userId":"a1"},"created_at":1741686300}"#;
/// assert!(!record.apply(&inbenta::parse(retry)?.into_chat_event())); // a retry changes nothing
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
///
/// # The rules
///
/// The record is a join of facts: applying the same set of events in any order, any number of
/// times, gives an equal record, and [`apply`](Self::apply) returns `false` when an event
/// added no fact (a retry, a transcript copy of known messages). Every rule below picks one
/// fact of several by a total order, so no rule depends on arrival order. An event with no
/// [`occurred_at`](ChatEvent::occurred_at) counts as older than any event with one.
///
/// - **One chat.** The first event with a chat id sets the record's
///   [`chat_id`](Self::chat_id) and the first event its [`source`](Self::source); an event of
///   another chat or source is not applied (`apply` returns `false`). An event with no chat id
///   (Channel Talk `user.update`, Inbenta `agents:login`) teaches the record who is who and
///   nothing else.
/// - **State.** Each event that says a state gives a fact: its [`state`](ChatEvent::state)
///   when known, else [`ChatState::Open`] for [`ChatEventKind::ChatStarted`] and
///   [`ChatState::Closed`] for [`ChatEventKind::ChatClosed`] (Ebbot `chat.close` and
///   SuperOffice `chatsession.created` send no state). The state is that of the latest fact
///   by `occurred_at`; between facts of the same time, the one later in a chat's life wins:
///   `Closed`, then `Snoozed`, `Assigned`, `Queued`, `Open`. So a late delivery never reopens
///   a closed chat, and a reopening after the close does.
/// - **Times.** [`opened_at`](Self::opened_at) is the earliest time of a
///   [`ChatStarted`](ChatEventKind::ChatStarted); [`closed_at`](Self::closed_at) and
///   [`close_reason`](Self::close_reason) those of the latest close, while the chat is closed;
///   [`last_activity_at`](Self::last_activity_at) the latest time of any event of the chat or
///   of any of its messages.
/// - **Messages.** A [`MessageCreated`](ChatEventKind::MessageCreated) or
///   [`MessageUpdated`](ChatEventKind::MessageUpdated) event's message, and every message of a
///   [`transcript`](ChatEvent::transcript), is a version of the message with its id (or, with
///   no id, of the message with its author id, send time and text). The latest version wins:
///   by [`version`](ChatMessage::version), then [`updated_at`](ChatMessage::updated_at), then
///   an update before a new message before a transcript copy, then the event's time, then the
///   version's JSON; a field the winner leaves out (text, content type, send time, author id,
///   revision, change time) is filled from the next version that has it, while its
///   attachments, reactions and privacy are the winner's. Messages are in the order they were
///   sent ([`sent_at`](ChatMessage::sent_at), else the time of the first event that brought
///   them; messages with neither come last), then by id (or author, send time and text).
/// - **People.** Every person an event names with an id is learnt by the record's own
///   [`People`] (see there for which role and name win), and a message's author shows what is
///   known of them now: a role or name learnt from a later event applies to earlier messages.
///   [`learn_people`](Self::learn_people) brings in what a directory shared across chats knows.
///
/// # Costs
///
/// Memory is linear in the chat's distinct messages and people: a message with one version
/// (the usual case, retries and copies included) is held once, as shown; one with several
/// keeps those that fill in something the latest lacks. A record of 10,000 messages holds
/// about twice its JSON. [`apply`](Self::apply) costs `O(log n)` lookups for `n` messages and
/// people, plus a move of the messages sent after a message that arrives out of order, plus
/// the messages of a person whose role or name it changes. Reading a record back re-folds its
/// facts: `O(n log n)`. The README's section "Storing chats" has figures.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ChatRecord {
    head: Head,
    /// Every message's facts, in the order they were first seen (an arena).
    slots: Vec<Slot>,
    /// The messages as shown, in order.
    messages: Vec<ChatMessage>,
    /// The slot of each message in `messages`, at the same index.
    order: Vec<u32>,
    /// The slot of each message key.
    by_key: HashMap<Key, u32>,
    /// The slots of each author id.
    by_author: HashMap<String, Vec<u32>>,
}

/// The facts about the chat itself: all but its messages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Head {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    chat_id: Option<String>,
    #[serde(default, skip_serializing_if = "ChatKind::is_unknown")]
    chat_kind: ChatKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<StateFact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opened_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    close: Option<CloseFact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_activity_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "People::is_empty")]
    people: People,
    /// The ids of the people the chat's own events name.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    members: BTreeSet<String>,
}

/// The latest state an event said, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct StateFact {
    state: ChatState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<DateTime<Utc>>,
}

impl StateFact {
    fn rank(&self) -> (Option<DateTime<Utc>>, u8) {
        (self.at, lifecycle(self.state))
    }
}

/// The latest close, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CloseFact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

/// The order of states told at the same time: later in a chat's life first.
fn lifecycle(state: ChatState) -> u8 {
    match state {
        ChatState::Closed => 5,
        ChatState::Snoozed => 4,
        ChatState::Assigned => 3,
        ChatState::Queued => 2,
        ChatState::Open => 1,
        ChatState::Unknown => 0,
    }
}

/// Where a version of a message came from; later variants rank higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Origin {
    /// A copy in a transcript (Ebbot `chat.close`).
    Transcript,
    /// A new message ([`ChatEventKind::MessageCreated`]).
    Created,
    /// An edit or a reaction ([`ChatEventKind::MessageUpdated`]).
    Updated,
}

/// One version of a message, as one event told it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Version {
    origin: Origin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<DateTime<Utc>>,
    /// The message; an author with an id has no role or name here (the record's people have
    /// them).
    message: ChatMessage,
}

impl Version {
    /// Compares by rank, then by JSON: a total order in which a greater version is later.
    fn cmp_rank(&self, other: &Version) -> Ordering {
        let rank = |v: &Version| (v.message.version, v.message.updated_at, v.origin, v.at);
        rank(self).cmp(&rank(other)).then_with(|| {
            if self.message == other.message {
                Ordering::Equal
            } else {
                json(&self.message).cmp(&json(&other.message))
            }
        })
    }
}

fn json(message: &ChatMessage) -> String {
    serde_json::to_string(message).unwrap_or_default()
}

/// A message: its versions, and the time of the first event that brought it.
#[derive(Debug, Clone)]
struct Slot {
    /// The message's identity.
    key: Key,
    /// The time of the first event that brought the message.
    seen_at: Option<DateTime<Utc>>,
    /// The greatest version's origin.
    origin: Origin,
    /// The greatest version's event time.
    at: Option<DateTime<Utc>>,
    /// Every version, greatest first, when there are several. Empty when there is one (the
    /// usual case): then the shown message is that version, so it is not held twice.
    versions: Vec<Version>,
    /// Where the message sorts: its [`sent_at`](ChatMessage::sent_at), else `seen_at`.
    sort_time: Option<DateTime<Utc>>,
}

impl Slot {
    /// Where the slot's message sorts: messages with no time last, then by time, then by key.
    fn sort_key(&self) -> (bool, Option<DateTime<Utc>>, KeyRef<'_>) {
        (self.sort_time.is_none(), self.sort_time, self.key.as_ref())
    }
}

/// Adds `version` to `versions` (greatest first), and drops those that fill in nothing;
/// returns whether the list changed.
fn insert(versions: &mut Vec<Version>, version: Version) -> bool {
    // Greatest first: a probe comes before the version when it is greater.
    match versions.binary_search_by(|probe| version.cmp_rank(probe)) {
        Ok(_) => false,
        Err(at) => {
            versions.insert(at, version);
            // A new version that fills in nothing is dropped, and then it drops no other: the
            // list changed exactly when it stays.
            prune(versions, at)
        }
    }
}

/// The message as shown: the greatest version, with the fields it leaves out filled from the
/// next versions that have them.
fn merged(mut versions: Vec<Version>) -> ChatMessage {
    let mut rest = versions.split_off(1);
    let mut merged = versions
        .pop()
        .map(|v| v.message)
        .unwrap_or_else(|| ChatMessage::new(Author::new(Role::Unknown)));
    for version in &mut rest {
        let other = &mut version.message;
        fill(&mut merged.text, &mut other.text);
        fill(&mut merged.content_type, &mut other.content_type);
        fill(&mut merged.sent_at, &mut other.sent_at);
        fill(&mut merged.author.id, &mut other.author.id);
        fill(&mut merged.author.name, &mut other.author.name);
        fill(&mut merged.version, &mut other.version);
        fill(&mut merged.updated_at, &mut other.updated_at);
        if merged.author.role == Role::Unknown {
            merged.author.role = other.author.role;
        }
    }
    merged
}

/// `message` as a version holds it: an author with an id has no role or name (the record's
/// people hold them).
fn stripped(mut message: ChatMessage) -> ChatMessage {
    if message.author.id.is_some() {
        message.author.role = Role::Unknown;
        message.author.name = None;
    }
    message
}

/// Whether `version` (stripped) is the message `shown` (with its author as the people know
/// them).
fn is_shown(version: &ChatMessage, shown: &ChatMessage) -> bool {
    let ChatMessage {
        id,
        author,
        text,
        content_type,
        sent_at,
        attachments,
        private,
        version,
        updated_at,
        reactions,
    } = version;
    *id == shown.id
        && author.id == shown.author.id
        && (author.id.is_some()
            || (author.role == shown.author.role && author.name == shown.author.name))
        && *text == shown.text
        && *content_type == shown.content_type
        && *sent_at == shown.sent_at
        && *attachments == shown.attachments
        && *private == shown.private
        && *version == shown.version
        && *updated_at == shown.updated_at
        && *reactions == shown.reactions
}

fn fill<T>(into: &mut Option<T>, from: &mut Option<T>) {
    if into.is_none() {
        *into = from.take();
    }
}

/// Sets `time` to the earlier of it and `other`, ignoring `None`; returns whether it changed.
fn min_time(time: &mut Option<DateTime<Utc>>, other: Option<DateTime<Utc>>) -> bool {
    match (*time, other) {
        (_, None) => false,
        (Some(known), Some(other)) if known <= other => false,
        (_, other) => {
            *time = other;
            true
        }
    }
}

/// Sets `time` to the later of it and `other`, ignoring `None`; returns whether it changed.
fn max_time(time: &mut Option<DateTime<Utc>>, other: Option<DateTime<Utc>>) -> bool {
    match (*time, other) {
        (_, None) => false,
        (Some(known), Some(other)) if known >= other => false,
        (_, other) => {
            *time = other;
            true
        }
    }
}

/// The fields of a message that a lower version can fill in, as bits.
fn present(message: &ChatMessage) -> u8 {
    [
        message.text.is_some(),
        message.content_type.is_some(),
        message.sent_at.is_some(),
        message.author.id.is_some(),
        message.author.name.is_some(),
        message.author.role != Role::Unknown,
        message.version.is_some(),
        message.updated_at.is_some(),
    ]
    .iter()
    .enumerate()
    .fold(0, |bits, (i, &set)| bits | (u8::from(set) << i))
}

/// Drops the versions (greatest first) that fill in nothing the greater ones lack, and says
/// whether the version at `index` stays. What is left depends only on the set of versions,
/// not on the order they came in.
fn prune(versions: &mut Vec<Version>, index: usize) -> bool {
    let mut above = 0u8;
    let mut i = 0;
    let mut kept = false;
    versions.retain(|version| {
        let bits = present(&version.message);
        let keep = i == 0 || bits & !above != 0;
        if i == index {
            kept = keep;
        }
        i += 1;
        above |= bits;
        keep
    });
    kept
}

/// A message's identity in its chat, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum KeyRef<'a> {
    /// The vendor's message id.
    Id(&'a str),
    /// For a message with no id: its author's id, send time and text.
    Content(Option<&'a str>, Option<DateTime<Utc>>, Option<&'a str>),
}

impl<'a> KeyRef<'a> {
    fn of(message: &'a ChatMessage) -> Self {
        match &message.id {
            Some(id) => KeyRef::Id(id),
            None => KeyRef::Content(
                message.author.id.as_deref(),
                message.sent_at,
                message.text.as_deref(),
            ),
        }
    }

    fn to_owned(self) -> Key {
        match self {
            KeyRef::Id(id) => Key::Id(id.into()),
            KeyRef::Content(author, sent_at, text) => Key::Content(Box::new((
                author.map(Into::into),
                sent_at,
                text.map(Into::into),
            ))),
        }
    }
}

/// A message's identity in its chat.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(Box<str>),
    #[allow(clippy::type_complexity)]
    Content(Box<(Option<Box<str>>, Option<DateTime<Utc>>, Option<Box<str>>)>),
}

impl Key {
    fn as_ref(&self) -> KeyRef<'_> {
        match self {
            Key::Id(id) => KeyRef::Id(id),
            Key::Content(content) => {
                KeyRef::Content(content.0.as_deref(), content.1, content.2.as_deref())
            }
        }
    }
}

impl ChatRecord {
    /// An empty record: no events yet.
    pub fn new() -> Self {
        ChatRecord::default()
    }

    /// Folds `event` into the record. Returns `false` when it changed nothing: a retry, a copy
    /// of what the record holds, or an event of another chat (see the rules above).
    pub fn apply(&mut self, event: &ChatEvent) -> bool {
        let source = event.source();
        if self
            .head
            .source
            .as_deref()
            .is_some_and(|known| known != source)
        {
            return false;
        }
        if let (Some(known), Some(chat_id)) = (&self.head.chat_id, &event.chat_id) {
            if known != chat_id {
                return false;
            }
        }
        let mut changed = false;
        if self.head.source.is_none() {
            self.head.source = Some(source.to_owned());
            changed = true;
        }

        // People first, so that the messages below show what is known of their authors.
        let at = event.occurred_at;
        let mut learnt: Vec<&str> = Vec::new();
        for author in people(event) {
            let Some(id) = author.id.as_deref() else {
                continue;
            };
            if self.head.people.learn_author(source, author, at) {
                learnt.push(id);
            }
            if event.chat_id.is_some() && !self.head.members.contains(id) {
                self.head.members.insert(id.to_owned());
                changed = true;
            }
        }
        changed |= !learnt.is_empty();
        for id in learnt {
            self.show_author(id);
        }

        let Some(chat_id) = &event.chat_id else {
            return changed;
        };
        if self.head.chat_id.is_none() {
            self.head.chat_id = Some(chat_id.clone());
            changed = true;
        }
        if event.chat_kind > self.head.chat_kind {
            self.head.chat_kind = event.chat_kind;
            changed = true;
        }
        changed |= max_time(&mut self.head.last_activity_at, at);
        if event.kind == ChatEventKind::ChatStarted {
            changed |= min_time(&mut self.head.opened_at, at);
        }
        let state = match (event.state, event.kind) {
            (state, _) if state.is_known() => Some(state),
            (_, ChatEventKind::ChatStarted) => Some(ChatState::Open),
            (_, ChatEventKind::ChatClosed) => Some(ChatState::Closed),
            _ => None,
        };
        if let Some(state) = state {
            let fact = StateFact { state, at };
            if self
                .head
                .state
                .is_none_or(|known| fact.rank() > known.rank())
            {
                self.head.state = Some(fact);
                changed = true;
            }
            if state == ChatState::Closed {
                let close = CloseFact {
                    at,
                    reason: event.close_reason.clone(),
                };
                let later = |known: &CloseFact| {
                    (close.at, close.reason.as_deref()) > (known.at, known.reason.as_deref())
                };
                if self.head.close.as_ref().is_none_or(later) {
                    self.head.close = Some(close);
                    changed = true;
                }
            }
        }

        let origin = match event.kind {
            ChatEventKind::MessageCreated => Some(Origin::Created),
            ChatEventKind::MessageUpdated => Some(Origin::Updated),
            _ => None,
        };
        if let (Some(origin), Some(message)) = (origin, &event.message) {
            changed |= self.add_message(origin, at, at, message);
        }
        for message in &event.transcript {
            changed |= self.add_message(Origin::Transcript, at, at, message);
        }
        changed
    }

    /// Joins what `people` (a directory shared across chats, fed with every event) knows of
    /// this chat's participants and authors into the record, so that its messages show it.
    /// Returns whether the record changed.
    pub fn learn_people(&mut self, people: &People) -> bool {
        let Some(source) = self.head.source.clone() else {
            return false;
        };
        let ids: Vec<String> = self
            .head
            .members
            .iter()
            .chain(self.by_author.keys())
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut changed = false;
        for id in &ids {
            if self.head.people.merge_person(people, &source, id) {
                self.show_author(id);
                changed = true;
            }
        }
        changed
    }

    /// The chat's state after all its events: see the rules above.
    pub fn state(&self) -> ChatState {
        self.head
            .state
            .map_or(ChatState::Unknown, |fact| fact.state)
    }

    /// The chat's messages: each once, the latest version of each, in the order they were sent.
    pub fn messages(&self) -> &[ChatMessage] {
        &self.messages
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&ChatMessage> {
        let slot = *self.by_key.get(&Key::Id(id.into()))?;
        Some(&self.messages[self.position(slot)])
    }

    /// The source of the chat's events: a [`Vendor::as_str`](crate::Vendor::as_str), or a
    /// custom source's name.
    pub fn source(&self) -> Option<&str> {
        self.head.source.as_deref()
    }

    /// The chat's id.
    pub fn chat_id(&self) -> Option<&str> {
        self.head.chat_id.as_deref()
    }

    /// Whom the chat is with, where an event said.
    pub fn chat_kind(&self) -> ChatKind {
        self.head.chat_kind
    }

    /// When the chat started: the earliest time of a [`ChatEventKind::ChatStarted`].
    pub fn opened_at(&self) -> Option<DateTime<Utc>> {
        self.head.opened_at
    }

    /// When the chat was closed, while it is [`Closed`](ChatState::Closed): the latest close.
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.closed()?.at
    }

    /// Why the chat was closed, while it is [`Closed`](ChatState::Closed), where the vendor
    /// said.
    pub fn close_reason(&self) -> Option<&str> {
        self.closed()?.reason.as_deref()
    }

    /// The latest time of any event of the chat or of any of its messages.
    pub fn last_activity_at(&self) -> Option<DateTime<Utc>> {
        self.head.last_activity_at
    }

    /// The people the chat's own events named with an id, as (id, what is known of them), by
    /// id; someone no event told anything of has role [`Role::Unknown`] and no name.
    pub fn participants(&self) -> impl Iterator<Item = (&str, &Person)> + '_ {
        static UNKNOWN: Person = Person::UNKNOWN;
        let source = self.head.source.as_deref().unwrap_or_default();
        self.head.members.iter().map(move |id| {
            let person = self.head.people.get(source, id).unwrap_or(&UNKNOWN);
            (id.as_str(), person)
        })
    }

    /// Everyone the record learnt of, participants or not (a user event's user).
    pub fn people(&self) -> &People {
        &self.head.people
    }

    fn closed(&self) -> Option<&CloseFact> {
        match self.state() {
            ChatState::Closed => self.head.close.as_ref(),
            _ => None,
        }
    }

    /// Adds a version of `message` told by an event at `at`, of a message first seen at
    /// `seen_at`; returns whether the record changed.
    fn add_message(
        &mut self,
        origin: Origin,
        at: Option<DateTime<Utc>>,
        seen_at: Option<DateTime<Utc>>,
        message: &ChatMessage,
    ) -> bool {
        // Activity includes the messages' own times (a transcript's messages).
        let changed = max_time(&mut self.head.last_activity_at, message.sent_at);
        let key = KeyRef::of(message);
        let Some(&index) = self.by_key.get(&key.to_owned()) else {
            let index = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
            let key = key.to_owned();
            self.slots.push(Slot {
                key: key.clone(),
                seen_at,
                origin,
                at,
                versions: Vec::new(),
                sort_time: None,
            });
            self.by_key.insert(key, index);
            self.show(index, stripped(message.clone()), None);
            return true;
        };
        let position = self.position(index);
        let slot = &mut self.slots[index as usize];
        let shown = &self.messages[position];
        let version = Version {
            origin,
            at,
            message: stripped(message.clone()),
        };
        let mut versions = if slot.versions.is_empty() {
            if origin == slot.origin && at == slot.at && is_shown(&version.message, shown) {
                // A retry of the one version: at most an earlier first sight.
                if !min_time(&mut slot.seen_at, seen_at) {
                    return changed;
                }
                let shown = self.messages.remove(position);
                self.order.remove(position);
                let author = shown.author.id.clone();
                self.show(index, stripped(shown), author);
                return true;
            }
            vec![Version {
                origin: slot.origin,
                at: slot.at,
                message: stripped(shown.clone()),
            }]
        } else {
            std::mem::take(&mut slot.versions)
        };
        let seen = min_time(&mut slot.seen_at, seen_at);
        if !insert(&mut versions, version) {
            if versions.len() > 1 {
                slot.versions = versions;
            }
            if !seen {
                return changed;
            }
            let shown = self.messages.remove(position);
            self.order.remove(position);
            let author = shown.author.id.clone();
            self.show(index, stripped(shown), author);
            return true;
        }
        // Take the message out at its old place (its sort time is not updated yet), then
        // show it at its new one.
        slot.origin = versions[0].origin;
        slot.at = versions[0].at;
        if versions.len() > 1 {
            slot.versions = versions.clone();
        }
        let shown = self.messages.remove(position);
        self.order.remove(position);
        self.show(index, merged(versions), shown.author.id);
        true
    }

    /// Puts `message`, slot `index`'s message as merged, at its place, with its author as the
    /// people know them; `old_author` is the author id it was shown with, if it was.
    fn show(&mut self, index: u32, mut message: ChatMessage, old_author: Option<String>) {
        let slot = &mut self.slots[index as usize];
        slot.sort_time = message.sent_at.or(slot.seen_at);
        if let Some(id) = &message.author.id {
            // An author with an id is shown as the people know them (a version without the
            // id may have said more, but not of whom).
            let person = self
                .head
                .people
                .get(self.head.source.as_deref().unwrap_or_default(), id);
            message.author.role = person.map_or(Role::Unknown, |person| person.role);
            message.author.name = person.and_then(|person| person.name.clone());
        }
        if old_author != message.author.id {
            if let Some(old) = old_author {
                if let Some(slots) = self.by_author.get_mut(&old) {
                    slots.retain(|&slot| slot != index);
                }
            }
            if let Some(id) = &message.author.id {
                self.by_author.entry(id.clone()).or_default().push(index);
            }
        }
        let key = self.slots[index as usize].sort_key();
        let at = self
            .order
            .partition_point(|&other| self.slots[other as usize].sort_key() < key);
        self.messages.insert(at, message);
        self.order.insert(at, index);
    }

    /// Where slot `index`'s message is in `messages`.
    fn position(&self, index: u32) -> usize {
        let key = self.slots[index as usize].sort_key();
        self.order
            .partition_point(|&other| self.slots[other as usize].sort_key() < key)
    }

    /// Shows what the record's people know of `id` on every message they wrote.
    fn show_author(&mut self, id: &str) {
        let Some(slots) = self.by_author.get(id) else {
            return;
        };
        let source = self.head.source.as_deref().unwrap_or_default();
        let Some(person) = self.head.people.get(source, id) else {
            return;
        };
        for &slot in slots {
            let key = self.slots[slot as usize].sort_key();
            let at = self
                .order
                .partition_point(|&other| self.slots[other as usize].sort_key() < key);
            let author: &mut Author = &mut self.messages[at].author;
            author.role = person.role;
            author.name.clone_from(&person.name);
        }
    }

    /// Slot `index`'s versions, greatest first, as stored; `position` is its message's.
    fn versions(&self, index: u32, position: usize) -> Vec<Version> {
        let slot = &self.slots[index as usize];
        if slot.versions.is_empty() {
            vec![Version {
                origin: slot.origin,
                at: slot.at,
                message: stripped(self.messages[position].clone()),
            }]
        } else {
            slot.versions.clone()
        }
    }
}

impl PartialEq for ChatRecord {
    /// Records are equal when they hold the same facts: the same chat, the same people and the
    /// same versions of the same messages.
    fn eq(&self, other: &Self) -> bool {
        self.head == other.head
            && self.messages == other.messages
            && self.order.iter().zip(&other.order).all(|(&a, &b)| {
                let (a, b) = (&self.slots[a as usize], &other.slots[b as usize]);
                (a.seen_at, a.origin, a.at, &a.versions) == (b.seen_at, b.origin, b.at, &b.versions)
            })
    }
}

impl Eq for ChatRecord {}

/// A message as stored: its versions, greatest first, and when it was first seen.
#[derive(Serialize, Deserialize)]
struct StoredMessage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seen_at: Option<DateTime<Utc>>,
    versions: Vec<Version>,
}

/// The record as stored: its facts, the messages' versions in order.
#[derive(Serialize)]
struct Stored<'a> {
    #[serde(flatten)]
    head: &'a Head,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    messages: Vec<StoredMessage>,
}

#[derive(Deserialize)]
struct Loaded {
    #[serde(flatten)]
    head: Head,
    #[serde(default)]
    messages: Vec<StoredMessage>,
}

impl Serialize for ChatRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Stored {
            head: &self.head,
            messages: self
                .order
                .iter()
                .enumerate()
                .map(|(position, &index)| StoredMessage {
                    seen_at: self.slots[index as usize].seen_at,
                    versions: self.versions(index, position),
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ChatRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let loaded = Loaded::deserialize(deserializer)?;
        let mut record = ChatRecord {
            head: loaded.head,
            ..ChatRecord::default()
        };
        // Fold the stored versions again: the derived parts follow, and a record edited by
        // hand is brought back to what its facts say.
        for stored in loaded.messages {
            for version in stored.versions {
                record.add_message(version.origin, version.at, stored.seen_at, &version.message);
            }
        }
        Ok(record)
    }
}

impl fmt::Display for ChatRecord {
    /// The transcript: one line per message, `[time] role name: text` (a message with no
    /// text shows its attachments' names, or its content type).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for message in &self.messages {
            if let Some(at) = message.sent_at {
                write!(f, "[{}] ", at.format("%Y-%m-%d %H:%M:%S"))?;
            }
            write!(f, "{}", message.author.role)?;
            if let Some(name) = &message.author.name {
                write!(f, " {name}")?;
            }
            if message.private {
                f.write_str(" (private)")?;
            }
            match (&message.text, message.attachments.as_slice()) {
                (Some(text), _) => writeln!(f, ": {text}")?,
                (None, []) => writeln!(
                    f,
                    ": ({})",
                    message.content_type.as_deref().unwrap_or("no text")
                )?,
                (None, files) => {
                    f.write_str(": (")?;
                    for (i, file) in files.iter().enumerate() {
                        let name = file.name.as_deref().or(file.url.as_deref());
                        let sep = if i == 0 { "" } else { ", " };
                        write!(f, "{sep}{}", name.unwrap_or("attachment"))?;
                    }
                    f.write_str(")\n")?;
                }
            }
        }
        Ok(())
    }
}
