//! [`People`]: who is who, learnt from any event, in one chat or across chats.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Author, ChatEvent, Role};

/// A directory of people (customers, agents, bots) with the roles and names the events told,
/// that fills in the roles and names other events leave out.
///
/// Some payloads name a person by id only: an Inbenta `messages:new` gives its sender's id but
/// not whether they are the customer or an agent, so the message's author has
/// [`Role::Unknown`]. Other events said it: the user who created the chat (`chats:create`) is
/// its customer, the user of `invitations:accept` an agent, a Channel Talk `user.update` names
/// a user. The directory learns from every event, with or without a chat id: its
/// [`participant`](ChatEvent::participant), its [`message`](ChatEvent::message)'s author and
/// those of its [`transcript`](ChatEvent::transcript), each when it has an id.
///
/// People are keyed by the event's [`source`](ChatEvent::source) and the person's id, so one
/// directory serves every vendor. It is a join of facts, so what it knows does not depend on
/// the order events arrive in, nor on how often each arrives:
/// - **role:** of the facts that give a known role, the one of the latest event
///   ([`occurred_at`](ChatEvent::occurred_at); an event with no time counts as the earliest);
///   between events of the same time, the role first in `System`, `Agent`, `Bot`, `Customer`;
/// - **name:** of the facts that give a name, the one of the latest event; between events of
///   the same time, the greatest name (by byte order), so that the choice does not depend on
///   the order they arrive in.
///
/// Learning a person is a lookup in a sorted map: `O(log n)` for `n` people, linear in the
/// events overall (the README's section "Storing chats" has figures). It serializes as a JSON
/// object `{ source: { id: person } }`.
///
/// ```
/// use chat_webhooks::{inbenta, People, Role, ToChatEvent};
///
/// let mut people = People::new();
/// for body in [
///     &br#"{"trigger":"chats:create","appId":"a","data":{"chatId":"c1","userId":"u1"},"created_at":1741686137}"#[..],
///     br#"{"trigger":"invitations:accept","appId":"a","data":{"chatId":"c1","userId":"a1"},"created_at":1741686149}"#,
/// ] {
///     people.learn(&inbenta::parse(body)?.to_chat_event());
/// }
///
/// let body = br#"{"trigger":"messages:new","appId":"a","data":{"message":{"chat":"c1","sender":"a1","type":"text","message":"Hi"}},"created_at":1741686189}"#;
/// let mut event = inbenta::parse(body)?.to_chat_event();
/// assert_eq!(event.message.as_ref().unwrap().author.role, Role::Unknown); // the payload does not say
/// people.resolve(&mut event);
/// assert_eq!(event.message.as_ref().unwrap().author.role, Role::Agent);   // the directory does
/// assert_eq!(people.get("inbenta", "u1").unwrap().role, Role::Customer);
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct People {
    sources: BTreeMap<String, BTreeMap<String, Person>>,
}

/// What a [`People`] directory knows of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// Their part in the chats: [`Role::Unknown`] until an event tells it.
    #[serde(default = "unknown", skip_serializing_if = "is_unknown")]
    pub role: Role,
    /// Their display name, as the latest event that gave one said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The time of the event the role comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role_at: Option<DateTime<Utc>>,
    /// The time of the event the name comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_at: Option<DateTime<Utc>>,
}

impl Default for Person {
    fn default() -> Self {
        Person::UNKNOWN
    }
}

fn unknown() -> Role {
    Role::Unknown
}

fn is_unknown(role: &Role) -> bool {
    *role == Role::Unknown
}

/// The order between two roles told at the same time: `System` first, then `Agent`, `Bot`,
/// `Customer`, `Unknown` last.
fn precedence(role: Role) -> u8 {
    match role {
        Role::System => 4,
        Role::Agent => 3,
        Role::Bot => 2,
        Role::Customer => 1,
        Role::Unknown => 0,
    }
}

impl Person {
    /// Someone no event told anything of: role [`Role::Unknown`], no name.
    pub(crate) const UNKNOWN: Person = Person {
        role: Role::Unknown,
        name: None,
        role_at: None,
        name_at: None,
    };

    /// The time of the latest event that told the role, when it had a time.
    pub fn role_learnt_at(&self) -> Option<DateTime<Utc>> {
        self.role_at
    }

    /// The time of the latest event that told the name, when it had a time.
    pub fn name_learnt_at(&self) -> Option<DateTime<Utc>> {
        self.name_at
    }

    /// Joins what `author` says at `at` into what is known: see [`People`] for the rules.
    /// Returns whether anything changed.
    fn learn(&mut self, author: &Author, at: Option<DateTime<Utc>>) -> bool {
        let mut changed = false;
        if author.role != Role::Unknown
            && (self.role == Role::Unknown
                || (at, precedence(author.role)) > (self.role_at, precedence(self.role)))
        {
            self.role = author.role;
            self.role_at = at;
            changed = true;
        }
        if let Some(name) = &author.name {
            let newer = match &self.name {
                None => true,
                Some(known) => (at, name.as_str()) > (self.name_at, known.as_str()),
            };
            if newer {
                self.name = Some(name.clone());
                self.name_at = at;
                changed = true;
            }
        }
        changed
    }

    /// Joins another directory's knowledge of the same person. Returns whether anything
    /// changed.
    fn join(&mut self, other: &Person) -> bool {
        let mut changed = false;
        if other.role != Role::Unknown {
            changed |= self.learn(&Author::new(other.role), other.role_at);
        }
        if let Some(name) = &other.name {
            let mut named = Author::new(Role::Unknown);
            named.name = Some(name.clone());
            changed |= self.learn(&named, other.name_at);
        }
        changed
    }

    /// Fills in `author`'s unknown role and missing name.
    fn fill(&self, author: &mut Author) {
        if author.role == Role::Unknown {
            author.role = self.role;
        }
        if author.name.is_none() {
            author.name.clone_from(&self.name);
        }
    }
}

impl People {
    /// An empty directory.
    pub fn new() -> Self {
        People::default()
    }

    /// Learns the people `event` names with an id (its participant, its message's author, its
    /// transcript's authors), as of the event's time. Returns whether the directory changed:
    /// `false` for a retry.
    pub fn learn(&mut self, event: &ChatEvent) -> bool {
        let source = event.source();
        let mut changed = false;
        for author in people(event) {
            changed |= self.learn_author(source, author, event.occurred_at);
        }
        changed
    }

    /// Learns one person of `source` (a [`Vendor::as_str`](crate::Vendor::as_str) or a custom
    /// source's name), as of `at`, when they have an id. Returns whether the directory changed.
    pub fn learn_author(
        &mut self,
        source: &str,
        author: &Author,
        at: Option<DateTime<Utc>>,
    ) -> bool {
        let Some(id) = author.id.as_deref() else {
            return false;
        };
        if author.role == Role::Unknown && author.name.is_none() {
            // Nothing to tell but that they exist: a directory knows what people are.
            return false;
        }
        self.entry(source, id).learn(author, at)
    }

    /// Joins everything `other` knows into this directory. Returns whether it changed.
    pub fn merge(&mut self, other: &People) -> bool {
        let mut changed = false;
        for (source, people) in &other.sources {
            for (id, person) in people {
                changed |= self.entry(source, id).join(person);
            }
        }
        changed
    }

    /// Joins what `other` knows of one person into this directory. Returns whether it changed.
    pub(crate) fn merge_person(&mut self, other: &People, source: &str, id: &str) -> bool {
        match other.get(source, id) {
            Some(person) => self.entry(source, id).join(person),
            None => false,
        }
    }

    /// The person of `source` with this id, as far as the directory knows them.
    pub fn get(&self, source: &str, id: &str) -> Option<&Person> {
        self.sources.get(source)?.get(id)
    }

    /// The role of the person of `source` with this id: [`Role::Unknown`] when not known.
    pub fn role_of(&self, source: &str, id: &str) -> Role {
        self.get(source, id)
            .map_or(Role::Unknown, |person| person.role)
    }

    /// Fills in the [`Unknown`](Role::Unknown) roles and missing names of `event`'s people
    /// (participant, message author, transcript authors) from the directory, by the event's
    /// source and the person's id. What the event says itself is never changed.
    pub fn resolve(&self, event: &mut ChatEvent) {
        let Some(people) = self.sources.get(event.source()) else {
            return;
        };
        let fill = |author: &mut Author| {
            if let Some(person) = author.id.as_deref().and_then(|id| people.get(id)) {
                person.fill(author);
            }
        };
        if let Some(participant) = &mut event.participant {
            fill(participant);
        }
        if let Some(message) = &mut event.message {
            fill(&mut message.author);
        }
        for message in &mut event.transcript {
            fill(&mut message.author);
        }
    }

    /// Fills in one person's unknown role and missing name from the directory, by id.
    pub fn resolve_author(&self, source: &str, author: &mut Author) {
        if let Some(person) = author.id.as_deref().and_then(|id| self.get(source, id)) {
            person.fill(author);
        }
    }

    /// [`learn`](Self::learn) from `event`, then [`resolve`](Self::resolve) it.
    pub fn observe(&mut self, event: &mut ChatEvent) -> bool {
        let changed = self.learn(event);
        self.resolve(event);
        changed
    }

    /// Everyone in the directory as (source, id, person), by source then id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &Person)> + '_ {
        self.sources.iter().flat_map(|(source, people)| {
            people
                .iter()
                .map(move |(id, person)| (source.as_str(), id.as_str(), person))
        })
    }

    /// How many people the directory knows.
    pub fn len(&self) -> usize {
        self.sources.values().map(BTreeMap::len).sum()
    }

    /// Whether the directory knows no one.
    pub fn is_empty(&self) -> bool {
        self.sources.values().all(BTreeMap::is_empty)
    }

    fn entry(&mut self, source: &str, id: &str) -> &mut Person {
        // Look up before inserting, so that a known person costs no allocation.
        if !self.sources.contains_key(source) {
            self.sources.insert(source.to_owned(), BTreeMap::new());
        }
        let people = self.sources.get_mut(source).expect("inserted above");
        if !people.contains_key(id) {
            people.insert(id.to_owned(), Person::default());
        }
        people.get_mut(id).expect("inserted above")
    }
}

/// The people an event names: its participant, its message's author, its transcript's authors.
pub(crate) fn people(event: &ChatEvent) -> impl Iterator<Item = &Author> {
    event
        .participant
        .iter()
        .chain(event.message.iter().map(|message| &message.author))
        .chain(event.transcript.iter().map(|message| &message.author))
}
