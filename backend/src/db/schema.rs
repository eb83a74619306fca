//! The database schema. Both migration trees must produce exactly these
//! tables and columns (checked by the schema test in `tests/`).
#![expect(missing_docs, reason = "diesel::table! generates the column types")]
// Portable column types only: Text, BigInt, Integer, Bool, Date, Timestamp (UTC).

diesel::table! {
    regions (code) {
        code -> Text,
        name_zh -> Text,
        name_en -> Text,
        parent_code -> Nullable<Text>,
        level -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        mobile -> Text,
        password_hash -> Text,
        real_name -> Nullable<Text>,
        resident_id -> Nullable<Text>,
        gender -> Nullable<Text>,
        birth_date -> Nullable<Date>,
        region_code -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    institutions (id) {
        id -> Text,
        name -> Text,
        region_code -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    role_grants (id) {
        id -> Text,
        user_id -> Text,
        role -> Text,
        region_code -> Nullable<Text>,
        institution_id -> Nullable<Text>,
        granted_by -> Nullable<Text>,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        mobile -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Text,
        at -> Timestamp,
        summary -> Text,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    app_meta (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::joinable!(users -> regions (region_code));
diesel::joinable!(institutions -> regions (region_code));
diesel::joinable!(role_grants -> users (user_id));
diesel::joinable!(role_grants -> institutions (institution_id));
diesel::joinable!(sessions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    regions,
    users,
    institutions,
    role_grants,
    sessions,
    login_failures,
    audit_log,
    app_meta,
);
