//! SuperOffice custom-table (extra table) events: kept as unknown events, their type-tagged
//! `FieldValues` read with `superoffice::FieldValue`.
#![cfg(feature = "superoffice")]

use chat_webhooks::superoffice::{self, FieldValue, Webhook};
use chrono::NaiveDate;

/// The shape SuperOffice documents for `y_table.created` (values type-tagged).
const CREATED: &str = r#"{
  "EventId": "5d3c7e21-8a4f-4b6e-9c12-0f8e7d6a5b43",
  "Timestamp": "2025-09-16T12:22:14.5034351Z",
  "Changes": ["id", "x_count", "x_when", "x_name"],
  "Event": "y_table.created",
  "PrimaryKey": 6,
  "Entity": "y_table",
  "ContextIdentifier": "Cust12345",
  "ChangedByAssociateId": 5,
  "WebhookName": "Extra table hook",
  "FieldValues": {
    "id": "[I:6]",
    "x_count": "[I:-1]",
    "x_when": "[DT:09/16/2025 14:22:14.0000000]",
    "x_name": "Bicycle"
  }
}"#;

#[test]
fn custom_table_events_stay_unknown_and_their_values_read_typed() {
    let event = superoffice::parse(CREATED.as_bytes()).unwrap();
    let superoffice::Event::Unknown(unknown) = &event else {
        panic!("{event:?}");
    };
    assert_eq!(unknown.name(), "y_table.created");
    let envelope: Webhook = unknown.deserialize().unwrap();
    let values = envelope.field_values.unwrap();
    let read = |key: &str| {
        let text: String = values.get_as(key).unwrap().unwrap();
        FieldValue::parse(&text).unwrap()
    };
    assert_eq!(read("id"), FieldValue::Int(6));
    assert_eq!(read("x_count"), FieldValue::Int(-1));
    let when = NaiveDate::from_ymd_opt(2025, 9, 16)
        .unwrap()
        .and_hms_opt(14, 22, 14)
        .unwrap();
    assert_eq!(read("x_when"), FieldValue::DateTime(when));
    assert_eq!(read("x_name"), FieldValue::Text("Bicycle".into()));
    // Kept as sent: it serializes back to the body.
    assert_eq!(serde_json::to_string(&event).unwrap(), CREATED);
}

#[test]
fn an_unknown_tag_is_an_error_that_names_it() {
    let err = "[X:1]".parse::<FieldValue>().unwrap_err();
    assert_eq!(err.unknown_tag(), Some("X"));
    assert_eq!(err.to_string(), "unknown type tag `X` in \"[X:1]\"");
}
