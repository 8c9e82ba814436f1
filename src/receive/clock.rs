//! [`Clock`]: where a [`Receiver`](super::Receiver) reads the time.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

/// Where a [`Receiver`](super::Receiver) reads the time for its replay window
/// ([`max_age`](super::Receiver::max_age)) and its registration windows, when a request comes
/// through [`receive`](super::Receiver::receive) or the axum extractor.
///
/// The receiver reads [`SystemClock`] unless [`Receiver::clock`](super::Receiver::clock)
/// sets another: a fixed time in a test, or the clock your service already injects elsewhere.
/// A closure `Fn() -> DateTime<Utc>` is a clock.
///
/// ```
/// use chat_webhooks::chrono::{DateTime, TimeZone, Utc};
/// use chat_webhooks::receive::Receiver;
///
/// let noon = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
/// let receiver = Receiver::new().clock(move || noon);
/// assert_eq!(receiver.now(), noon);
/// ```
pub trait Clock: Send + Sync + 'static {
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

impl<F: Fn() -> DateTime<Utc> + Send + Sync + 'static> Clock for F {
    fn now(&self) -> DateTime<Utc> {
        self()
    }
}

/// The system's clock (`std::time::SystemTime`): the one this crate reads, when a
/// [`Receiver`](super::Receiver) has no other [`Clock`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::<Utc>::from(std::time::SystemTime::now())
    }
}

/// A receiver's clock: the system's unless one was set.
#[derive(Clone, Default)]
pub(super) struct ClockSlot(Option<Arc<dyn Clock>>);

impl ClockSlot {
    pub(super) fn new(clock: impl Clock) -> Self {
        ClockSlot(Some(Arc::new(clock)))
    }

    pub(super) fn now(&self) -> DateTime<Utc> {
        match &self.0 {
            Some(clock) => clock.now(),
            None => SystemClock.now(),
        }
    }
}

impl fmt::Debug for ClockSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Some(_) => "Clock(set)",
            None => "SystemClock",
        })
    }
}
