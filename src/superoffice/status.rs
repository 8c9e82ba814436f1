//! [`ChatSessionStatus`]: `FieldValues.Status` of the `chatsession.*` events.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::ChatState;

/// Declares a numeric enum with one variant per documented value and an `Unknown(i64)` variant
/// for any other number, so that a vendor adding a value never breaks a parse: the numeric
/// counterpart of `open_enum!`.
macro_rules! open_number_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $value:literal, $label:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A number this crate does not know, kept as sent.
            Unknown(i64),
        }

        impl $name {
            /// The number as the vendor sends it.
            pub const fn as_i64(self) -> i64 {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Unknown(value) => value,
                }
            }

            /// The vendor's name for the value (`InQueue`); `None` for an unknown number.
            pub const fn name(self) -> Option<&'static str> {
                match self {
                    $( $name::$variant => Some($label), )+
                    $name::Unknown(_) => None,
                }
            }
        }

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                match value {
                    $( $value => $name::$variant, )+
                    other => $name::Unknown(other),
                }
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.as_i64()
            }
        }

        /// The number, as sent (`7`).
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.as_i64(), f)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.as_i64())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NumberVisitor;

                impl Visitor<'_> for NumberVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("an integer")
                    }

                    fn visit_i64<E: de::Error>(self, value: i64) -> Result<$name, E> {
                        Ok($name::from(value))
                    }

                    fn visit_u64<E: de::Error>(self, value: u64) -> Result<$name, E> {
                        i64::try_from(value).map($name::from).map_err(|_| {
                            E::invalid_value(de::Unexpected::Unsigned(value), &self)
                        })
                    }
                }

                deserializer.deserialize_i64(NumberVisitor)
            }
        }

        impl $crate::open_object::Walk for $name {
            fn walk(&self, _: &$crate::open_object::Path<'_>, _: &mut $crate::open_object::Found) {}
        }
    };
}

open_number_enum! {
    /// Where a chat session stands: `FieldValues.Status`, SuperOffice's `ChatSessionStatus`
    /// (documented in its WebApi enum reference and its CRMScript chat trigger pages).
    ///
    /// Serializes as the number sent; a number this crate does not know is
    /// [`Unknown`](Self::Unknown), kept. Construct values with `From<i64>`:
    /// `Unknown(7)` built by hand is not equal to [`Finished`](Self::Finished).
    /// [`chat_state`](Self::chat_state) gives its meaning in the common model.
    ///
    /// ```
    /// use chat_webhooks::superoffice::ChatSessionStatus;
    /// use chat_webhooks::ChatState;
    ///
    /// let status = ChatSessionStatus::from(4);
    /// assert_eq!(status, ChatSessionStatus::InQueue);
    /// assert_eq!((status.as_i64(), status.name()), (4, Some("InQueue")));
    /// assert_eq!(status.chat_state(), ChatState::Queued);
    /// assert_eq!(ChatSessionStatus::from(42).chat_state(), ChatState::Unknown);
    /// ```
    pub enum ChatSessionStatus {
        /// `0`: invalid or unknown.
        Invalid = 0, "Invalid",
        /// `1`: the customer is filling in the pre-chat form.
        PreChatForm = 1, "PreChatForm",
        /// `2`: the customer is looking at the FAQ before the chat.
        Faq = 2, "Faq",
        /// `3`: the customer is filling in the offline form (no agent is available).
        OfflineForm = 3, "OfflineForm",
        /// `4`: waiting in the queue to be picked up.
        InQueue = 4, "InQueue",
        /// `5`: the chat is going on, and the customer wrote last.
        CustomerLast = 5, "CustomerLast",
        /// `6`: the chat is going on, and the user (agent) wrote last.
        UserLast = 6, "UserLast",
        /// `7`: the chat has finished.
        Finished = 7, "Finished",
        /// `8`: the chat was deleted.
        Deleted = 8, "Deleted",
        /// `9`: the chat was closed.
        Closed = 9, "Closed",
        /// `10`: the offline form was posted as a request (ticket).
        RequestPosted = 10, "RequestPosted",
        /// `11`: the chat was closed while it was still in the queue.
        ClosedFromQueue = 11, "ClosedFromQueue",
    }
}

impl ChatSessionStatus {
    /// The status in the common model:
    ///
    /// | `Status` | state |
    /// |---|---|
    /// | 1 `PreChatForm`, 2 `Faq`, 3 `OfflineForm` | [`Open`](ChatState::Open): the customer is in the session and it has not ended, though no agent is in it yet |
    /// | 4 `InQueue` | [`Queued`](ChatState::Queued) |
    /// | 5 `CustomerLast`, 6 `UserLast` | [`Open`](ChatState::Open): someone wrote last, the chat goes on |
    /// | 7 `Finished`, 8 `Deleted`, 9 `Closed`, 11 `ClosedFromQueue` | [`Closed`](ChatState::Closed) |
    /// | 10 `RequestPosted` | [`Closed`](ChatState::Closed): the offline form became a request (ticket); the chat does not go on |
    /// | 0 `Invalid`, unknown numbers | [`Unknown`](ChatState::Unknown) |
    pub const fn chat_state(self) -> ChatState {
        match self {
            ChatSessionStatus::PreChatForm
            | ChatSessionStatus::Faq
            | ChatSessionStatus::OfflineForm
            | ChatSessionStatus::CustomerLast
            | ChatSessionStatus::UserLast => ChatState::Open,
            ChatSessionStatus::InQueue => ChatState::Queued,
            ChatSessionStatus::Finished
            | ChatSessionStatus::Deleted
            | ChatSessionStatus::Closed
            | ChatSessionStatus::RequestPosted
            | ChatSessionStatus::ClosedFromQueue => ChatState::Closed,
            ChatSessionStatus::Invalid | ChatSessionStatus::Unknown(_) => ChatState::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_reads_and_writes_back() {
        for number in -1..=12 {
            let status: ChatSessionStatus = serde_json::from_str(&number.to_string()).unwrap();
            assert_eq!(status.as_i64(), number);
            assert_eq!(serde_json::to_string(&status).unwrap(), number.to_string());
            assert_eq!(status.to_string(), number.to_string());
            assert_eq!(
                status.name().is_none(),
                !(0..=11).contains(&number),
                "{number}"
            );
        }
        assert_eq!(
            ChatSessionStatus::from(11),
            ChatSessionStatus::ClosedFromQueue
        );
        let err = serde_json::from_str::<ChatSessionStatus>("\"7\"").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("invalid type: string \"7\", expected an integer"));
        let err = serde_json::from_str::<ChatSessionStatus>("18446744073709551615").unwrap_err();
        assert!(err.to_string().starts_with("invalid value"), "{err}");
    }

    #[test]
    fn states() {
        let state = |n| ChatSessionStatus::from(n).chat_state();
        assert_eq!(state(0), ChatState::Unknown);
        for n in [1, 2, 3, 5, 6] {
            assert_eq!(state(n), ChatState::Open, "{n}");
        }
        assert_eq!(state(4), ChatState::Queued);
        for n in [7, 8, 9, 10, 11] {
            assert_eq!(state(n), ChatState::Closed, "{n}");
        }
        assert_eq!(state(12), ChatState::Unknown);
    }
}
