//! [`QueueUpdateData`]: the data of `queues:update`.

use crate::lenient::Id;

open_object! {
    /// The data of `queues:update`: `{chatId, userId, data: {queuePosition}}`.
    pub struct QueueUpdateData("queues:update data (an object)") {
        /// The chat that moved in its queue.
        chat_id: Id = "chatId",
        /// The user waiting in the queue.
        user_id: Id = "userId",
        /// The queue status.
        data: QueueStatus = "data",
    }
}

open_object! {
    /// The queue status in [`QueueUpdateData::data`].
    pub struct QueueStatus("queue status (an object)") {
        /// The chat's position in the queue (Inbenta's connector announces it only when it
        /// is greater than 0).
        queue_position: i64 = "queuePosition",
    }
}

impl QueueUpdateData {
    /// `data.queuePosition`, when sent.
    pub fn queue_position(&self) -> Option<i64> {
        self.data.as_ref()?.queue_position
    }
}

impl super::envelope::ChatRef for QueueUpdateData {
    fn chat_id(&self) -> Option<&Id> {
        self.chat_id.as_ref()
    }
}
