//! [`ChatSessionData`]: `FieldValues` of the `chatsession.*` events.

use serde::de::{Deserialize, Deserializer, MapAccess};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::ChatSessionStatus;
use crate::lenient::{Id, Text};
use crate::open_object::{self, Found, Members, OpenObject, Path, Walk};

/// `FieldValues` of `chatsession.created`, `chatsession.message` and `chatsession.changed`.
///
/// SuperOffice documents these keys in camelCase (`contactId`) and sends them in PascalCase
/// (`ContactId`) in its example; both are read, as is snake_case (`contact_id`, the database
/// column names other entities use), and any other letter case. The fields serialize back in
/// the style that arrived ([`key_style`](Self::key_style)); each member read from a body is
/// written back as it was spelled, even one spelled otherwise than the rest (`user_id` among
/// PascalCase keys, `TOPICID`). Members this crate does not type are kept in `other`, with their keys as sent.
///
/// Ids are [`Id`]s because the example sends some as strings (`"ContactId": "21"`) and others
/// as numbers; `CustomerAlias` is [`Text`] because the example sends the number `5` for a text
/// column. `Status` is SuperOffice's documented `ChatSessionStatus` enum
/// ([`ChatSessionStatus`]), kept as the number sent whether or not this crate knows it.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ChatSessionData {
    /// Alert level of the chat session.
    pub alert_level: Option<i64>,
    /// Whether the chatbot is active in the session.
    pub chatbot_isactive: Option<bool>,
    /// Whether the customer has consented to the chat.
    pub consented: Option<bool>,
    /// Id of the contact (company) the session is linked to.
    pub contact_id: Option<Id>,
    /// The customer's name, as they gave it (their alias in the chat).
    pub customer_alias: Option<Text>,
    /// Id of the customer: a person id; SuperOffice uses `0`, `-1` or null for none (an
    /// anonymous visitor).
    pub customer_id: Option<Id>,
    /// Id of the project the session is linked to.
    pub project_id: Option<Id>,
    /// Rating the customer gave the session.
    pub rating: Option<i64>,
    /// Id of the sale the session is linked to.
    pub sale_id: Option<Id>,
    /// Status of the session: SuperOffice's `ChatSessionStatus`, as the number sent.
    pub status: Option<ChatSessionStatus>,
    /// Id of the ticket the session is linked to.
    pub ticket_id: Option<Id>,
    /// Id of the chat topic (channel) of the session.
    pub topic_id: Option<Id>,
    /// Id of the user (agent, an associate id) handling the session: `0` or absent while a bot
    /// or nobody has it.
    pub user_id: Option<Id>,
    /// Members this crate does not type, as sent.
    pub other: Members,
    /// The key style the members arrived in (the first key that tells it): members set in
    /// code are written in it, members read from a body as they were spelled.
    pub key_style: KeyStyle,
    /// While reading: `None` before the first key, then whether a key settled the style (a
    /// lowercase single word such as `rating` does not: it is both the camel and the snake
    /// spelling).
    style_settled: Option<bool>,
    /// How each typed member read from a body was spelled.
    spelled: Spelled,
}

/// How a typed member of [`ChatSessionData`] was spelled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Spelling {
    /// Not read from a body: in the object's key style.
    #[default]
    Style,
    /// In this style.
    In(KeyStyle),
    /// In another letter case, kept in [`Spelled::odd`].
    Odd,
}

/// The spellings of the typed members read from a body.
#[derive(Debug, Clone, Default)]
struct Spelled {
    /// Per typed member, in the order of [`NAMES`].
    each: [Spelling; 13],
    /// The keys as sent of the [`Spelling::Odd`] ones (allocated only if there is one).
    odd: Option<Box<[Option<Box<str>>; 13]>>,
}

impl PartialEq for ChatSessionData {
    fn eq(&self, other: &Self) -> bool {
        self.alert_level == other.alert_level
            && self.chatbot_isactive == other.chatbot_isactive
            && self.consented == other.consented
            && self.contact_id == other.contact_id
            && self.customer_alias == other.customer_alias
            && self.customer_id == other.customer_id
            && self.project_id == other.project_id
            && self.rating == other.rating
            && self.sale_id == other.sale_id
            && self.status == other.status
            && self.ticket_id == other.ticket_id
            && self.topic_id == other.topic_id
            && self.user_id == other.user_id
            && self.other == other.other
            && self.key_style == other.key_style
            && (0..NAMES.len()).all(|index| self.name(index) == other.name(index))
    }
}

/// How the keys of [`ChatSessionData`] are spelled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyStyle {
    /// `ContactId`, as in SuperOffice's payload examples.
    #[default]
    Pascal,
    /// `contactId`, as in SuperOffice's field list.
    Camel,
    /// `contact_id`, as the database columns are named.
    Snake,
}

/// The typed members: names in each style, in the order SuperOffice sends them.
const NAMES: [[&str; 3]; 13] = [
    ["AlertLevel", "alertLevel", "alert_level"],
    ["ChatbotIsactive", "chatbotIsactive", "chatbot_isactive"],
    ["Consented", "consented", "consented"],
    ["ContactId", "contactId", "contact_id"],
    ["CustomerAlias", "customerAlias", "customer_alias"],
    ["CustomerId", "customerId", "customer_id"],
    ["ProjectId", "projectId", "project_id"],
    ["Rating", "rating", "rating"],
    ["SaleId", "saleId", "sale_id"],
    ["Status", "status", "status"],
    ["TicketId", "ticketId", "ticket_id"],
    ["TopicId", "topicId", "topic_id"],
    ["UserId", "userId", "user_id"],
];

impl KeyStyle {
    const fn index(self) -> usize {
        match self {
            KeyStyle::Pascal => 0,
            KeyStyle::Camel => 1,
            KeyStyle::Snake => 2,
        }
    }
}

impl ChatSessionData {
    /// The key the typed member `index` is written under.
    fn name(&self, index: usize) -> &str {
        match self.spelled.each[index] {
            Spelling::Style => NAMES[index][self.key_style.index()],
            Spelling::In(style) => NAMES[index][style.index()],
            Spelling::Odd => self
                .spelled
                .odd
                .as_ref()
                .and_then(|odd| odd[index].as_deref())
                .unwrap_or(NAMES[index][self.key_style.index()]),
        }
    }
}

/// Which typed member `key` names, ignoring case and underscores, and how sure the key is of
/// its style (a lowercase single word such as `rating` could be camel or snake).
#[cfg(test)]
fn classify(key: &str) -> Option<(usize, KeyStyle, bool)> {
    classify_spelled(key).map(|(index, style, sure, _)| (index, style, sure))
}

/// [`classify`], and whether `key` is the style's own spelling of the member (`TOPICID` is
/// not): the fast path's keys all are.
fn classify_spelled(key: &str) -> Option<(usize, KeyStyle, bool, bool)> {
    // Fast path: the spellings SuperOffice uses (a lowercase single word such as `rating` is
    // both the camel and the snake spelling, so it does not settle the style).
    let (style, sure, index) = match key {
        "AlertLevel" => (KeyStyle::Pascal, true, 0),
        "alertLevel" => (KeyStyle::Camel, true, 0),
        "alert_level" => (KeyStyle::Snake, true, 0),
        "ChatbotIsactive" => (KeyStyle::Pascal, true, 1),
        "chatbotIsactive" => (KeyStyle::Camel, true, 1),
        "chatbot_isactive" => (KeyStyle::Snake, true, 1),
        "Consented" => (KeyStyle::Pascal, true, 2),
        "consented" => (KeyStyle::Camel, false, 2),
        "ContactId" => (KeyStyle::Pascal, true, 3),
        "contactId" => (KeyStyle::Camel, true, 3),
        "contact_id" => (KeyStyle::Snake, true, 3),
        "CustomerAlias" => (KeyStyle::Pascal, true, 4),
        "customerAlias" => (KeyStyle::Camel, true, 4),
        "customer_alias" => (KeyStyle::Snake, true, 4),
        "CustomerId" => (KeyStyle::Pascal, true, 5),
        "customerId" => (KeyStyle::Camel, true, 5),
        "customer_id" => (KeyStyle::Snake, true, 5),
        "ProjectId" => (KeyStyle::Pascal, true, 6),
        "projectId" => (KeyStyle::Camel, true, 6),
        "project_id" => (KeyStyle::Snake, true, 6),
        "Rating" => (KeyStyle::Pascal, true, 7),
        "rating" => (KeyStyle::Camel, false, 7),
        "SaleId" => (KeyStyle::Pascal, true, 8),
        "saleId" => (KeyStyle::Camel, true, 8),
        "sale_id" => (KeyStyle::Snake, true, 8),
        "Status" => (KeyStyle::Pascal, true, 9),
        "status" => (KeyStyle::Camel, false, 9),
        "TicketId" => (KeyStyle::Pascal, true, 10),
        "ticketId" => (KeyStyle::Camel, true, 10),
        "ticket_id" => (KeyStyle::Snake, true, 10),
        "TopicId" => (KeyStyle::Pascal, true, 11),
        "topicId" => (KeyStyle::Camel, true, 11),
        "topic_id" => (KeyStyle::Snake, true, 11),
        "UserId" => (KeyStyle::Pascal, true, 12),
        "userId" => (KeyStyle::Camel, true, 12),
        "user_id" => (KeyStyle::Snake, true, 12),
        _ => {
            let (index, style, sure) = classify_folded(key)?;
            return Some((index, style, sure, NAMES[index][style.index()] == key));
        }
    };
    Some((index, style, sure, true))
}

/// [`classify`] for any other casing, with or without underscores.
fn classify_folded(key: &str) -> Option<(usize, KeyStyle, bool)> {
    let folded = key
        .bytes()
        .filter(|&b| b != b'_')
        .map(|b| b.to_ascii_lowercase());
    let index = NAMES.iter().position(|names| {
        names[0].len() == key.len() - key.matches('_').count()
            && names[0]
                .bytes()
                .map(|b| b.to_ascii_lowercase())
                .eq(folded.clone())
    })?;
    let first_upper = key.starts_with(|c: char| c.is_ascii_uppercase());
    Some(if key.contains('_') {
        (index, KeyStyle::Snake, true)
    } else if first_upper {
        (index, KeyStyle::Pascal, true)
    } else {
        (
            index,
            KeyStyle::Camel,
            key.bytes().any(|b| b.is_ascii_uppercase()),
        )
    })
}

impl OpenObject for ChatSessionData {
    const EXPECTING: &'static str = "chat session field values (an object)";

    fn empty() -> Self {
        ChatSessionData::default()
    }

    /// Classifies the key without allocating and notes its style: the first key that settles
    /// the style decides it; until one does, the first key's style stands.
    fn classify(&mut self, name: &str) -> Option<usize> {
        let (index, style, sure, exact) = classify_spelled(name)?;
        match self.style_settled {
            Some(true) => {}
            Some(false) if !sure => {}
            _ => {
                self.key_style = style;
                self.style_settled = Some(sure);
            }
        }
        self.spelled.each[index] = if exact {
            Spelling::In(style)
        } else {
            self.spelled.odd.get_or_insert_with(Box::default)[index] = Some(name.into());
            Spelling::Odd
        };
        Some(index)
    }

    fn member_name(&self, index: usize) -> &'static str {
        NAMES
            .get(index)
            .map_or("", |names| names[self.key_style.index()])
    }

    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        fn put<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
            slot: &mut Option<T>,
            map: &mut A,
        ) -> Result<(), A::Error> {
            *slot = open_object::read_value(map)?;
            Ok(())
        }
        match index {
            0 => put(&mut self.alert_level, map),
            1 => put(&mut self.chatbot_isactive, map),
            2 => put(&mut self.consented, map),
            3 => put(&mut self.contact_id, map),
            4 => put(&mut self.customer_alias, map),
            5 => put(&mut self.customer_id, map),
            6 => put(&mut self.project_id, map),
            7 => put(&mut self.rating, map),
            8 => put(&mut self.sale_id, map),
            9 => put(&mut self.status, map),
            10 => put(&mut self.ticket_id, map),
            11 => put(&mut self.topic_id, map),
            _ => put(&mut self.user_id, map),
        }
    }

    fn write_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        macro_rules! entry {
            ($index:expr, $field:expr) => {
                if let Some(value) = &$field {
                    map.serialize_entry(self.name($index), value)?;
                } else if self.other.was_sent($index) {
                    map.serialize_entry(self.name($index), &())?;
                }
            };
        }
        entry!(0, self.alert_level);
        entry!(1, self.chatbot_isactive);
        entry!(2, self.consented);
        entry!(3, self.contact_id);
        entry!(4, self.customer_alias);
        entry!(5, self.customer_id);
        entry!(6, self.project_id);
        entry!(7, self.rating);
        entry!(8, self.sale_id);
        entry!(9, self.status);
        entry!(10, self.ticket_id);
        entry!(11, self.topic_id);
        entry!(12, self.user_id);
        Ok(())
    }

    fn writes(&self, name: &str) -> bool {
        (0..NAMES.len()).any(|index| self.name(index) == name)
    }

    fn other(&self) -> &Members {
        &self.other
    }

    fn other_mut(&mut self) -> &mut Members {
        &mut self.other
    }
}

impl Walk for ChatSessionData {
    fn walk(&self, path: &Path<'_>, out: &mut Found) {
        open_object::report(&self.other, path, out);
    }
}

impl Serialize for ChatSessionData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        open_object::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for ChatSessionData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        open_object::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_reads_and_writes_back() {
        for (json, style) in [
            (
                r#"{"ContactId":"21","CustomerAlias":5,"Rating":0}"#,
                KeyStyle::Pascal,
            ),
            (
                r#"{"rating":0,"contactId":"21","customerAlias":5}"#,
                KeyStyle::Camel,
            ),
            (
                r#"{"rating":0,"contact_id":"21","customer_alias":5}"#,
                KeyStyle::Snake,
            ),
        ] {
            let fields: ChatSessionData = serde_json::from_str(json).unwrap();
            assert_eq!(fields.key_style, style, "{json}");
            assert_eq!(fields.contact_id.as_ref().unwrap(), "21");
            assert_eq!(fields.customer_alias.as_ref().unwrap(), "5");
            assert_eq!(fields.rating, Some(0));
            let back: serde_json::Value = serde_json::to_value(&fields).unwrap();
            let sent: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(back, sent);
        }
    }

    #[test]
    fn unknown_members_are_kept() {
        let fields: ChatSessionData =
            serde_json::from_str(r#"{"UserId":3,"customerName":"Goat"}"#).unwrap();
        assert_eq!(fields.other.get("customerName").unwrap().get(), r#""Goat""#);
        assert_eq!(
            serde_json::to_string(&fields).unwrap(),
            r#"{"UserId":3,"customerName":"Goat"}"#
        );
    }

    #[test]
    fn other_casings_read_too() {
        let fields: ChatSessionData =
            serde_json::from_str(r#"{"CONTACTID": 1, "customer_ID": 2, "Rating": 3}"#).unwrap();
        assert_eq!(fields.contact_id.unwrap(), "1");
        assert_eq!(fields.customer_id.unwrap(), "2");
        assert_eq!(fields.rating, Some(3));
        assert_eq!(classify("rating"), Some((7, KeyStyle::Camel, false)));
        assert_eq!(classify("customer_alias"), Some((4, KeyStyle::Snake, true)));
        assert_eq!(classify("contact"), None);
    }

    #[test]
    fn duplicates_in_two_styles_are_rejected() {
        let err = serde_json::from_str::<ChatSessionData>(r#"{"ContactId":1,"contactId":2}"#)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate field `ContactId` at line 1 column 26"
        );
    }
}
