//! [`ScenarioRun`]: `data` of `chat.scenario.run`.

use serde::{Deserialize, Serialize};

use crate::lenient::Id;

/// `data` of `chat.scenario.run`: the scenario that ran and the chat it ran in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScenarioRun {
    /// Id of the chat.
    #[serde(rename = "chatId", default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<Id>,
    /// The scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
}

/// A scenario (a bot flow).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Scenario {
    /// Id of the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Name of the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Number of states (steps) in the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<u64>,
}
