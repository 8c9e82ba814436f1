//! [`ScenarioRunData`]: `data` of `chat.scenario.run`.

use crate::lenient::Id;

open_object! {
    /// `data` of `chat.scenario.run`: the scenario that ran and the chat it ran in.
    pub struct ScenarioRunData("a scenario run (an object)") {
        /// Id of the chat.
        chat_id: Id = "chatId",
        /// The scenario.
        scenario: Scenario = "scenario",
    }
}

open_object! {
    /// A scenario (a bot flow).
    pub struct Scenario("a scenario (an object)") {
        /// Id of the scenario.
        id: Id = "id",
        /// Name of the scenario.
        name: String = "name",
        /// Number of states (steps) in the scenario.
        states: u64 = "states",
    }
}
