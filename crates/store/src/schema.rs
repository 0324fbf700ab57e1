//! The Diesel schema shared by both backends; migrations/{sqlite,postgres} create it.
diesel::table! {
    organizations (id) {
        id -> Text,
        code -> Text,
        founded_on -> Date,
        dissolved_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    org_events (id) {
        id -> Text,
        org_id -> Text,
        kind -> Text,
        effective_on -> Date,
        decision_number -> Text,
        decision_date -> Nullable<Date>,
        related_org_id -> Nullable<Text>,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    org_versions (id) {
        id -> Text,
        org_id -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        name -> Text,
        name_folded -> Text,
        kind -> Text,
        sector -> Nullable<Text>,
        parent_id -> Nullable<Text>,
        path -> Text,
        depth -> Integer,
        event_id -> Nullable<Text>,
    }
}

diesel::table! {
    persons (id) {
        id -> Text,
        full_name -> Text,
        name_folded -> Text,
        birth_name -> Nullable<Text>,
        born_on -> Date,
        sex -> Text,
        ethnicity -> Text,
        religion -> Text,
        home_town -> Text,
        residence -> Text,
        education -> Text,
        theory_level -> Text,
        profession -> Text,
        occupation -> Text,
        cccd -> Nullable<Text>,
        phone -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        person_id -> Text,
        card_number -> Nullable<Text>,
        record_number -> Nullable<Text>,
        admitted_on -> Date,
        official_on -> Nullable<Date>,
        status -> Text,
        org_id -> Text,
        last_event_on -> Date,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    membership_events (id) {
        id -> Text,
        membership_id -> Text,
        kind -> Text,
        occurred_on -> Date,
        decision_number -> Text,
        from_org_id -> Nullable<Text>,
        to_org_id -> Nullable<Text>,
        status_after -> Text,
        note -> Text,
        created_at -> Timestamp,
        ground -> Nullable<Text>,
        approval -> Text,
        record_cleared_on -> Nullable<Date>,
    }
}

diesel::table! {
    membership_periods (id) {
        id -> Text,
        membership_id -> Text,
        org_id -> Text,
        status -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
    }
}

diesel::table! {
    positions (id) {
        id -> Text,
        person_id -> Text,
        org_id -> Text,
        role -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        decision_number -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        org_id -> Nullable<Text>,
        person_id -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> Text,
        username -> Text,
        attempted_at -> Timestamp,
        succeeded -> Bool,
        address -> Text,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        actor_id -> Nullable<Text>,
        actor_name -> Text,
        at -> Timestamp,
        action -> Text,
        entity -> Text,
        entity_id -> Text,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
    }
}

diesel::joinable!(org_versions -> organizations (org_id));
diesel::joinable!(org_events -> organizations (org_id));
diesel::joinable!(memberships -> persons (person_id));
diesel::joinable!(membership_events -> memberships (membership_id));
diesel::joinable!(membership_periods -> memberships (membership_id));
diesel::joinable!(positions -> persons (person_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizations,
    org_events,
    org_versions,
    persons,
    memberships,
    membership_events,
    membership_periods,
    positions,
    users,
    sessions,
    api_tokens,
    login_attempts,
    audit_log,
    meetings,
    meeting_absences,
    quota_policies,
    superior_assignments,
    superior_attendances,
    cell_lengths,
    settings,
    deleted_meetings,
    roster,
    org_ratings,
    member_ratings,
    inspections,
    disciplines,
    pilots,
    pilot_followers,
    pilot_visits,
    pilot_actions,
    training_classes,
    enrollments,
    register_files,
    reconciliation_notes,
    documents,
    document_links,
    resolutions,
    resolution_targets,
    target_values,
    plans,
    plan_indicators,
    plan_tasks,
    task_reports,
);

diesel::table! {
    meetings (id) {
        id -> Text,
        org_id -> Text,
        kind -> Text,
        held_on -> Date,
        starts_at -> Text,
        duration_minutes -> Integer,
        venue -> Text,
        online -> Bool,
        chair -> Text,
        minute_taker -> Text,
        topic -> Text,
        sources -> Text,
        agenda -> Text,
        content -> Text,
        questions -> Text,
        conclusions -> Text,
        self_assessment -> Text,
        notice_sent_on -> Nullable<Date>,
        notice_to_superior -> Bool,
        invited -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    meeting_absences (id) {
        id -> Text,
        meeting_id -> Text,
        membership_id -> Text,
        with_reason -> Bool,
        reason -> Text,
    }
}

diesel::table! {
    quota_policies (id) {
        id -> Text,
        document -> Text,
        issued_on -> Date,
        issuer -> Text,
        level -> Text,
        min_per_year -> Integer,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    superior_assignments (id) {
        id -> Text,
        person_id -> Text,
        org_id -> Text,
        quota_policy_id -> Text,
        decision_number -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    superior_attendances (id) {
        id -> Text,
        meeting_id -> Text,
        person_id -> Text,
        assigned -> Bool,
        remarks -> Text,
    }
}

diesel::table! {
    cell_lengths (id) {
        id -> Text,
        org_id -> Text,
        min_minutes -> Integer,
        min_combined_minutes -> Integer,
        decision -> Text,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    deleted_meetings (id) {
        id -> Text,
        org_id -> Text,
        kind -> Text,
        held_on -> Date,
        topic -> Text,
        reason -> Text,
        deleted_by -> Text,
        deleted_at -> Timestamp,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::joinable!(meeting_absences -> meetings (meeting_id));
diesel::joinable!(superior_attendances -> meetings (meeting_id));
diesel::joinable!(superior_attendances -> persons (person_id));
diesel::joinable!(superior_assignments -> quota_policies (quota_policy_id));

diesel::table! {
    roster (ancestor_id, membership_id) {
        ancestor_id -> Text,
        membership_id -> Text,
        name_folded -> Text,
    }
}

diesel::joinable!(roster -> memberships (membership_id));

diesel::table! {
    tally (ancestor_id, measure, day) {
        ancestor_id -> Text,
        measure -> Text,
        day -> Date,
        delta -> Integer,
    }
}

diesel::table! {
    org_ratings (org_id, year, stage) {
        org_id -> Text,
        year -> Integer,
        stage -> Text,
        tier -> Text,
        policy -> Text,
        facts -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    member_ratings (membership_id, year, stage) {
        membership_id -> Text,
        year -> Integer,
        stage -> Text,
        org_id -> Text,
        tier -> Text,
        policy -> Text,
        facts -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    inspections (id) {
        id -> Text,
        kind -> Text,
        org_id -> Text,
        membership_id -> Nullable<Text>,
        by_org_id -> Text,
        period_from -> Date,
        period_to -> Date,
        findings -> Text,
        conclusion -> Text,
        follow_up -> Text,
        concluded_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    disciplines (id) {
        id -> Text,
        org_id -> Text,
        membership_id -> Nullable<Text>,
        form -> Text,
        decided_on -> Date,
        by_org_id -> Text,
        document -> Text,
        reason -> Text,
        self_detected -> Bool,
        inspection_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(member_ratings -> memberships (membership_id));

diesel::table! {
    pilots (id) {
        id -> Text,
        org_id -> Text,
        selected_by_org_id -> Text,
        selected_on -> Date,
        ends_on -> Nullable<Date>,
        weaknesses -> Text,
        weakness_note -> Text,
        objectives -> Text,
        indicator -> Text,
        target_pct -> Nullable<Integer>,
        closing_assessment -> Text,
        decision -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pilot_followers (id) {
        id -> Text,
        pilot_id -> Text,
        person_id -> Text,
        role_note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pilot_visits (id) {
        id -> Text,
        pilot_id -> Text,
        visited_on -> Date,
        findings -> Text,
        obstacles_removed -> Text,
        assessment -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    pilot_actions (id) {
        id -> Text,
        pilot_id -> Text,
        title -> Text,
        owner -> Text,
        set_on -> Date,
        due_on -> Date,
        status -> Text,
        evidence -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    training_classes (id) {
        id -> Text,
        title -> Text,
        category -> Text,
        audience -> Text,
        level -> Text,
        organizer_org_id -> Text,
        starts_on -> Date,
        ends_on -> Date,
        place -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    enrollments (id) {
        id -> Text,
        class_id -> Text,
        person_id -> Text,
        unit -> Text,
        outcome -> Nullable<Text>,
        grade -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(enrollments -> training_classes (class_id));
diesel::joinable!(pilot_followers -> persons (person_id));

diesel::table! {
    register_files (id) {
        id -> Text,
        org_id -> Text,
        purpose -> Text,
        as_of -> Date,
        file_name -> Text,
        content -> Binary,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reconciliation_notes (file_id, member_key, field) {
        file_id -> Text,
        member_key -> Text,
        field -> Text,
        note -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> Text,
        number -> Text,
        style -> Text,
        type_code -> Text,
        type_name -> Text,
        issuer_code -> Text,
        serial -> Integer,
        issuer_name -> Text,
        issuer_org_id -> Nullable<Text>,
        issued_on -> Date,
        title -> Text,
        valid_from -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    document_links (document_id, subject, subject_ref) {
        document_id -> Text,
        subject -> Text,
        subject_ref -> Text,
    }
}

diesel::table! {
    resolutions (id) {
        id -> Text,
        org_id -> Text,
        document_id -> Nullable<Text>,
        title -> Text,
        first_year -> Integer,
        last_year -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    resolution_targets (id) {
        id -> Text,
        resolution_id -> Text,
        position -> Integer,
        name -> Text,
        unit -> Text,
        value -> Double,
        direction -> Text,
        reach_year -> Nullable<Integer>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    target_values (target_id, year) {
        target_id -> Text,
        year -> Integer,
        value -> Double,
        source -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    plans (id) {
        id -> Text,
        org_id -> Text,
        document_id -> Nullable<Text>,
        kind -> Text,
        title -> Text,
        starts_on -> Date,
        ends_on -> Date,
        objectives -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plan_indicators (id) {
        id -> Text,
        plan_id -> Text,
        position -> Integer,
        name -> Text,
        unit -> Text,
        target -> Double,
        measure -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plan_tasks (id) {
        id -> Text,
        plan_id -> Text,
        title -> Text,
        assignee_org_id -> Text,
        due_on -> Date,
        status -> Text,
        progress_pct -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    task_reports (id) {
        id -> Text,
        task_id -> Text,
        reported_on -> Date,
        progress_pct -> Integer,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(document_links -> documents (document_id));
diesel::joinable!(resolution_targets -> resolutions (resolution_id));
diesel::joinable!(target_values -> resolution_targets (target_id));
diesel::joinable!(plan_indicators -> plans (plan_id));
diesel::joinable!(plan_tasks -> plans (plan_id));
diesel::joinable!(task_reports -> plan_tasks (task_id));
