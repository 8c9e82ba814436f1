//! [`Participants`]: a chat's book of who is who, learnt from its events.

use serde::{Deserialize, Serialize};

use super::{Author, ChatEvent, Role};

/// A book of a chat's participants, learnt from its events, that fills in the roles and names
/// later events leave out.
///
/// Some payloads name a person by id only: an Inbenta `messages:new` gives its sender's id but
/// not whether they are the customer or an agent, so the message's author has
/// [`Role::Unknown`]. Earlier events of the same chat said it: the user who created the chat
/// (`chats:create`) is its customer, and the user of `invitations:accept` is an agent. The book
/// remembers every person an event names with an id (its
/// [`participant`](ChatEvent::participant), its [`message`](ChatEvent::message)'s author and
/// those of its [`transcript`](ChatEvent::transcript)) with the role and name the event gives,
/// and fills in an [`Unknown`](Role::Unknown) role or a missing name of a later event's people
/// with the same id.
///
/// It learns from what the conversion settles, so every vendor feeds it: Inbenta's
/// `chats:create`, `queues:update`, `invitations:accept` and `invitations:new`, Channel Talk's
/// message authors (role from `personType`, name from `refers`) and users, Ebbot's chat users
/// (`chat.create`, `chat.user.update`) and message authors' `full_name`, SuperOffice's customer
/// (`CustomerId`, `CustomerAlias`) and agent (`UserId`). A role the book knows is never replaced by another: the
/// first event to settle it wins, so a repeated or late delivery changes nothing.
///
/// The book is pure (no I/O, no clock) and serializes as a JSON array of
/// [`Author`]s, so that a service can keep one per chat next to the chat's row and load it with
/// the chat's next event. People's ids are the vendor's, so keep one book per chat (or per
/// vendor account); do not share one across vendors.
///
/// ```
/// use chat_webhooks::{inbenta, Participants, Role, ToChatEvent};
///
/// let mut book = Participants::new();
/// for body in [
///     &br#"{"trigger":"chats:create","appId":"a","data":{"chatId":"c1","userId":"u1"},"created_at":1741686137}"#[..],
///     br#"{"trigger":"invitations:accept","appId":"a","data":{"chatId":"c1","userId":"a1"},"created_at":1741686149}"#,
/// ] {
///     book.learn(&inbenta::parse(body)?.to_chat_event());
/// }
///
/// let body = br#"{"trigger":"messages:new","appId":"a","data":{"message":{"chat":"c1","sender":"a1","type":"text","message":"Hi"}},"created_at":1741686189}"#;
/// let mut event = inbenta::parse(body)?.to_chat_event();
/// assert_eq!(event.message.as_ref().unwrap().author.role, Role::Unknown); // the payload does not say
/// book.resolve(&mut event);
/// assert_eq!(event.message.as_ref().unwrap().author.role, Role::Agent);   // the book does
/// # Ok::<(), chat_webhooks::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Participants {
    people: Vec<Author>,
}

impl Participants {
    /// An empty book.
    pub fn new() -> Self {
        Participants::default()
    }

    /// Remembers the people `event` names with an id: its participant, its message's author and
    /// its transcript's authors, with their roles and names. A role or name the book already
    /// knows is kept; an unknown one is filled in.
    pub fn learn(&mut self, event: &ChatEvent) {
        for author in people(event) {
            self.learn_author(author);
        }
    }

    /// Remembers one person, when they have an id: see [`learn`](Self::learn).
    pub fn learn_author(&mut self, author: &Author) {
        let Some(id) = author.id.as_deref() else {
            return;
        };
        match self
            .people
            .iter_mut()
            .find(|known| known.id.as_deref() == Some(id))
        {
            Some(known) => {
                if known.role == Role::Unknown {
                    known.role = author.role;
                }
                if known.name.is_none() {
                    known.name.clone_from(&author.name);
                }
            }
            None => self.people.push(author.clone()),
        }
    }

    /// Fills in the [`Unknown`](Role::Unknown) roles and missing names of `event`'s people
    /// (participant, message author, transcript authors) from the book, by id. What the event
    /// says itself is never changed.
    pub fn resolve(&self, event: &mut ChatEvent) {
        if let Some(participant) = &mut event.participant {
            self.resolve_author(participant);
        }
        if let Some(message) = &mut event.message {
            self.resolve_author(&mut message.author);
        }
        for message in &mut event.transcript {
            self.resolve_author(&mut message.author);
        }
    }

    /// Fills in one person's unknown role and missing name from the book, by id.
    pub fn resolve_author(&self, author: &mut Author) {
        let Some(known) = author.id.as_deref().and_then(|id| self.get(id)) else {
            return;
        };
        if author.role == Role::Unknown {
            author.role = known.role;
        }
        if author.name.is_none() {
            author.name.clone_from(&known.name);
        }
    }

    /// [`learn`](Self::learn) from `event`, then [`resolve`](Self::resolve) it: the one call
    /// for each event of a chat, in the order they arrive.
    pub fn observe(&mut self, event: &mut ChatEvent) {
        self.learn(event);
        self.resolve(event);
    }

    /// The person with this id, as far as the book knows them.
    pub fn get(&self, id: &str) -> Option<&Author> {
        self.people
            .iter()
            .find(|known| known.id.as_deref() == Some(id))
    }

    /// The role of the person with this id: [`Role::Unknown`] when the book does not know it.
    pub fn role_of(&self, id: &str) -> Role {
        self.get(id).map_or(Role::Unknown, |known| known.role)
    }

    /// Everyone in the book, in the order they were first seen.
    pub fn iter(&self) -> std::slice::Iter<'_, Author> {
        self.people.iter()
    }

    /// How many people the book knows.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether the book knows no one.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

impl<'a> IntoIterator for &'a Participants {
    type Item = &'a Author;
    type IntoIter = std::slice::Iter<'a, Author>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The people an event names: its participant, its message's author, its transcript's authors.
fn people(event: &ChatEvent) -> impl Iterator<Item = &Author> {
    event
        .participant
        .iter()
        .chain(event.message.iter().map(|message| &message.author))
        .chain(event.transcript.iter().map(|message| &message.author))
}
