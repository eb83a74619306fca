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
        mobile_verified_at -> Nullable<Timestamp>,
        privacy_version -> Nullable<Text>,
        privacy_consented_at -> Nullable<Timestamp>,
        resident_id_hash -> Nullable<Text>,
        resident_id_masked -> Nullable<Text>,
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
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    signin_locks (mobile) {
        mobile -> Text,
        locked_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        mobile -> Text,
        failed_at -> Timestamp,
        ip -> Text,
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

diesel::table! {
    course_policies (id) {
        id -> Text,
        region_code -> Text,
        kind -> Text,
        min_hours -> Integer,
        max_class_size -> Integer,
        opening_lead_days -> Integer,
        attendance_threshold_pct -> Integer,
        requires_prior_certificate -> Bool,
        requires_business_licence -> Bool,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
        prior_kinds -> Text,
    }
}

diesel::table! {
    trainers (id) {
        id -> Text,
        institution_id -> Text,
        name -> Text,
        qualification_no -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    classes (id) {
        id -> Text,
        institution_id -> Text,
        region_code -> Text,
        kind -> Text,
        title -> Text,
        mode -> Text,
        place -> Nullable<Text>,
        capacity -> Integer,
        taken -> Integer,
        waitlist_counter -> Integer,
        enrol_opens_at -> Timestamp,
        enrol_closes_at -> Timestamp,
        starts_on -> Date,
        ends_on -> Date,
        first_session_at -> Timestamp,
        minutes -> Integer,
        status -> Text,
        status_reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        attendance_threshold_pct -> Nullable<Integer>,
        fee_fen -> Nullable<BigInt>,
        ended_early_at -> Nullable<Timestamp>,
        ended_early_reason -> Nullable<Text>,
        ended_early_by -> Nullable<Text>,
    }
}

diesel::table! {
    class_trainers (class_id, trainer_id) {
        class_id -> Text,
        trainer_id -> Text,
    }
}

diesel::table! {
    class_sessions (id) {
        id -> Text,
        class_id -> Text,
        seq -> Integer,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        topic -> Text,
        checkin_code -> Nullable<Text>,
    }
}

diesel::table! {
    enrolments (id) {
        id -> Text,
        class_id -> Text,
        user_id -> Text,
        status -> Text,
        waitlist_seq -> Nullable<Integer>,
        business_licence -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    certificates (id) {
        id -> Text,
        number -> Text,
        user_id -> Text,
        class_id -> Text,
        kind -> Text,
        holder_name -> Text,
        hours -> Integer,
        issued_on -> Date,
        issuing_region -> Text,
        status -> Text,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
        revoked_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> Text,
        user_id -> Text,
        kind -> Text,
        class_id -> Nullable<Text>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        subject_id -> Nullable<Text>,
    }
}

diesel::table! {
    attendance (id) {
        id -> Text,
        session_id -> Text,
        user_id -> Text,
        mark -> Text,
        via -> Text,
        marked_by -> Text,
        marked_at -> Timestamp,
    }
}

diesel::table! {
    attendance_changes (id) {
        id -> Text,
        session_id -> Text,
        user_id -> Text,
        from_mark -> Nullable<Text>,
        to_mark -> Text,
        via -> Text,
        changed_by -> Text,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    assessments (id) {
        id -> Text,
        class_id -> Text,
        user_id -> Text,
        plan_submitted -> Bool,
        score -> Nullable<Integer>,
        passed -> Bool,
        comment -> Nullable<Text>,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    class_completions (class_id) {
        class_id -> Text,
        status -> Text,
        submitted_by -> Text,
        submitted_at -> Timestamp,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    certificate_serials (prefix) {
        prefix -> Text,
        last_serial -> Integer,
    }
}

diesel::joinable!(attendance -> class_sessions (session_id));
diesel::joinable!(certificates -> classes (class_id));
diesel::joinable!(classes -> institutions (institution_id));
diesel::joinable!(class_sessions -> classes (class_id));
diesel::joinable!(class_trainers -> classes (class_id));
diesel::joinable!(class_trainers -> trainers (trainer_id));
diesel::joinable!(enrolments -> classes (class_id));
diesel::joinable!(enrolments -> users (user_id));
diesel::joinable!(notifications -> classes (class_id));

diesel::allow_tables_to_appear_in_same_query!(
    regions,
    users,
    institutions,
    role_grants,
    sessions,
    login_failures,
    signin_locks,
    audit_log,
    app_meta,
    course_policies,
    trainers,
    classes,
    class_trainers,
    class_sessions,
    enrolments,
    certificates,
    notifications,
    attendance,
    attendance_changes,
    assessments,
    class_completions,
    certificate_serials,
    subsidy_policies,
    priority_groups,
    subsidy_claims,
    subsidy_payments,
    claim_recoveries,
    claim_objections,
    idempotency_keys,
    mentor_policies,
    mentors,
    mentor_weekly_hours,
    mentor_day_overrides,
    appointments,
    group_sessions,
    group_seats,
    service_records,
    mentor_blocks,
    person_blocks,
    calendar_feeds,
    working_days,
    studio_policies,
    studios,
    studio_members,
    studio_evidence,
    studio_reports,
    studio_evaluations,
    fee_policies,
    fee_lines,
    checkin_failures,
    sms_codes,
    sms_outbox,
    role_invitations,
    deletion_requests,
    policy_proposals,
    outcomes,
    follow_up_policies,
    follow_up_reminders,
    outreach_nudges,
);

diesel::table! {
    sms_codes (id) {
        id -> Text,
        mobile -> Text,
        purpose -> Text,
        code_hash -> Text,
        ip -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        tries -> Integer,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sms_outbox (id) {
        id -> Text,
        mobile -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    role_invitations (id) {
        id -> Text,
        mobile -> Text,
        real_name -> Text,
        role -> Text,
        region_code -> Nullable<Text>,
        institution_id -> Nullable<Text>,
        invited_by -> Text,
        invited_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        accepted_by -> Nullable<Text>,
    }
}

diesel::joinable!(role_invitations -> institutions (institution_id));

diesel::table! {
    checkin_failures (session_id, user_id) {
        session_id -> Text,
        user_id -> Text,
        tries -> Integer,
        last_at -> Timestamp,
    }
}

diesel::joinable!(mentors -> users (user_id));
diesel::joinable!(appointments -> mentors (mentor_id));
diesel::joinable!(group_sessions -> mentors (mentor_id));
diesel::joinable!(group_seats -> group_sessions (session_id));

diesel::table! {
    subsidy_policies (id) {
        id -> Text,
        region_code -> Text,
        kind -> Text,
        effective_from -> Date,
        ends_on -> Nullable<Date>,
        amount_fen -> BigInt,
        payee -> Text,
        eligible_groups -> Text,
        claim_window_months -> Integer,
        notice_days -> Integer,
        one_per_year -> Bool,
        local_groups -> Bool,
        amount_is_cap -> Bool,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    priority_groups (id) {
        id -> Text,
        user_id -> Text,
        group_code -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        evidence -> Text,
        status -> Text,
        reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        issued_in -> Nullable<Text>,
        business_licence -> Nullable<Text>,
        region_code -> Nullable<Text>,
    }
}

diesel::table! {
    subsidy_claims (id) {
        id -> Text,
        claim_kind -> Text,
        certificate_id -> Nullable<Text>,
        user_id -> Text,
        kind -> Nullable<Text>,
        region_code -> Text,
        institution_id -> Nullable<Text>,
        class_id -> Nullable<Text>,
        policy_id -> Nullable<Text>,
        studio_id -> Nullable<Text>,
        mentor_id -> Nullable<Text>,
        fee_policy_id -> Nullable<Text>,
        period -> Nullable<Text>,
        subject -> Text,
        payee -> Text,
        amount_fen -> BigInt,
        status -> Text,
        filed_by -> Nullable<Text>,
        filed_at -> Nullable<Timestamp>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
        approved_by -> Nullable<Text>,
        approved_at -> Nullable<Timestamp>,
        notice_ends_on -> Nullable<Date>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        institution_name -> Text,
    }
}

diesel::table! {
    subsidy_payments (id) {
        id -> Text,
        claim_id -> Text,
        reference -> Text,
        paid_on -> Date,
        amount_fen -> BigInt,
        paid_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    claim_recoveries (id) {
        id -> Text,
        claim_id -> Text,
        amount_fen -> BigInt,
        reason -> Text,
        due_on -> Date,
        opened_by -> Text,
        opened_at -> Timestamp,
        recovered_on -> Nullable<Date>,
        reference -> Nullable<Text>,
        recovered_by -> Nullable<Text>,
        recovered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    claim_objections (id) {
        id -> Text,
        claim_id -> Text,
        text -> Text,
        contact -> Text,
        filed_at -> Timestamp,
        status -> Text,
        resolution -> Nullable<Text>,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        scope -> Text,
        key -> Text,
        request_hash -> Text,
        status_code -> Nullable<Integer>,
        body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    mentor_policies (id) {
        id -> Text,
        region_code -> Text,
        effective_from -> Date,
        term_years -> Integer,
        request_expiry_hours -> Integer,
        cancel_cutoff_hours -> Integer,
        max_open_requests -> Integer,
        yearly_min_services -> Integer,
        min_service_minutes -> Integer,
        reminder_hours -> Integer,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    mentors (id) {
        id -> Text,
        user_id -> Text,
        region_code -> Text,
        status -> Text,
        real_name -> Text,
        title -> Text,
        employer -> Text,
        years_experience -> Integer,
        expertise -> Text,
        tags -> Text,
        industries -> Text,
        service_mode -> Text,
        languages -> Text,
        bio -> Text,
        evidence -> Text,
        term_from -> Nullable<Date>,
        term_to -> Nullable<Date>,
        status_reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        slot_minutes -> Integer,
        buffer_before_minutes -> Integer,
        buffer_after_minutes -> Integer,
        min_notice_hours -> Integer,
        horizon_days -> Integer,
        max_per_day -> Nullable<Integer>,
        max_per_week -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    mentor_weekly_hours (id) {
        id -> Text,
        mentor_id -> Text,
        weekday -> Integer,
        start_minute -> Integer,
        end_minute -> Integer,
    }
}

diesel::table! {
    mentor_day_overrides (id) {
        id -> Text,
        mentor_id -> Text,
        day -> Date,
        start_minute -> Nullable<Integer>,
        end_minute -> Nullable<Integer>,
    }
}

diesel::table! {
    appointments (id) {
        id -> Text,
        mentor_id -> Text,
        trainee_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        status -> Text,
        topic -> Text,
        business -> Text,
        plan_name -> Nullable<Text>,
        expires_at -> Timestamp,
        status_reason -> Nullable<Text>,
        cancelled_by -> Nullable<Text>,
        sequence -> Integer,
        no_show -> Bool,
        service_confirmed_at -> Nullable<Timestamp>,
        rating -> Nullable<Integer>,
        rating_comment -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    group_sessions (id) {
        id -> Text,
        mentor_id -> Text,
        topic -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        place -> Text,
        seats -> Integer,
        taken -> Integer,
        status -> Text,
        status_reason -> Nullable<Text>,
        sequence -> Integer,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    group_seats (id) {
        id -> Text,
        session_id -> Text,
        user_id -> Text,
        status -> Text,
        waitlist_seq -> Nullable<BigInt>,
        no_show -> Bool,
        service_confirmed_at -> Nullable<Timestamp>,
        rating -> Nullable<Integer>,
        rating_comment -> Nullable<Text>,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    service_records (id) {
        id -> Text,
        mentor_id -> Text,
        appointment_id -> Nullable<Text>,
        group_session_id -> Nullable<Text>,
        discussed -> Text,
        advice -> Text,
        follow_up -> Text,
        minutes -> Integer,
        recorded_at -> Timestamp,
        bureau_confirmed_by -> Nullable<Text>,
        bureau_confirmed_at -> Nullable<Timestamp>,
        offline -> Bool,
    }
}

diesel::table! {
    mentor_blocks (mentor_id, block) {
        mentor_id -> Text,
        block -> BigInt,
        owner_id -> Text,
    }
}

diesel::table! {
    person_blocks (user_id, block) {
        user_id -> Text,
        block -> BigInt,
        owner_id -> Text,
    }
}

diesel::table! {
    calendar_feeds (user_id) {
        user_id -> Text,
        token -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    working_days (day) {
        day -> Date,
        kind -> Text,
        name -> Text,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    studio_policies (id) {
        id -> Text,
        region_code -> Text,
        effective_from -> Date,
        ends_on -> Nullable<Date>,
        grant_fen -> BigInt,
        min_members -> Integer,
        min_services -> Integer,
        cycle_years -> Integer,
        report_months -> Integer,
        pass_mark -> Integer,
        rectification_days -> Integer,
        ban_years -> Integer,
        notice_days -> Integer,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    studios (id) {
        id -> Text,
        policy_id -> Text,
        region_code -> Text,
        leader_id -> Text,
        name -> Text,
        specialities -> Text,
        plan -> Text,
        documents -> Text,
        status -> Text,
        recognised_on -> Nullable<Date>,
        cycle_ends_on -> Nullable<Date>,
        rectify_by -> Nullable<Date>,
        revoked_on -> Nullable<Date>,
        revoke_reason -> Nullable<Text>,
        banned_until -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    studio_members (studio_id, mentor_id) {
        studio_id -> Text,
        mentor_id -> Text,
        leader -> Bool,
    }
}

diesel::table! {
    studio_evidence (record_id) {
        record_id -> Text,
        studio_id -> Text,
    }
}

diesel::table! {
    studio_reports (id) {
        id -> Text,
        studio_id -> Text,
        period_start -> Date,
        activities -> Text,
        services -> Integer,
        spent_fen -> BigInt,
        submitted_by -> Text,
        submitted_at -> Timestamp,
    }
}

diesel::table! {
    studio_evaluations (id) {
        id -> Text,
        studio_id -> Text,
        year -> Integer,
        score -> Integer,
        outcome -> Text,
        comment -> Text,
        evaluated_by -> Text,
        evaluated_at -> Timestamp,
    }
}

diesel::table! {
    fee_policies (id) {
        id -> Text,
        region_code -> Text,
        effective_from -> Date,
        ends_on -> Nullable<Date>,
        one_to_one_bands -> Text,
        group_bands -> Text,
        transport_fen -> BigInt,
        yearly_cap_fen -> BigInt,
        notice_days -> Integer,
        updated_by -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    fee_lines (id) {
        id -> Text,
        record_id -> Text,
        kind -> Text,
        mentor_id -> Text,
        claim_id -> Text,
        policy_id -> Text,
        service_year -> Integer,
        due_fen -> BigInt,
        amount_fen -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::joinable!(studio_members -> studios (studio_id));
diesel::joinable!(studio_evidence -> studios (studio_id));
diesel::joinable!(studio_members -> mentors (mentor_id));
diesel::joinable!(fee_lines -> service_records (record_id));

diesel::table! {
    deletion_requests (id) {
        id -> Text,
        user_id -> Text,
        region_code -> Nullable<Text>,
        requested_at -> Timestamp,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    policy_proposals (id) {
        id -> Text,
        region_code -> Text,
        kind -> Text,
        effective_from -> Date,
        amount_fen -> BigInt,
        input -> Text,
        proposed_by -> Text,
        proposed_at -> Timestamp,
        status -> Text,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outcomes (certificate_id) {
        certificate_id -> Text,
        user_id -> Text,
        region_code -> Text,
        status -> Text,
        started_on -> Nullable<Date>,
        credit_code -> Nullable<Text>,
        industry -> Nullable<Text>,
        jobs_created -> Nullable<Integer>,
        by_holder -> Bool,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    follow_up_policies (region_code) {
        region_code -> Text,
        months -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    follow_up_reminders (certificate_id, months) {
        certificate_id -> Text,
        months -> Integer,
        sent_at -> Timestamp,
    }
}

diesel::joinable!(outcomes -> certificates (certificate_id));
diesel::joinable!(follow_up_reminders -> certificates (certificate_id));

diesel::table! {
    outreach_nudges (user_id) {
        user_id -> Text,
        reason -> Text,
        subject -> Text,
        nudged_at -> Timestamp,
        nudged_by -> Nullable<Text>,
    }
}

diesel::joinable!(outreach_nudges -> users (user_id));
