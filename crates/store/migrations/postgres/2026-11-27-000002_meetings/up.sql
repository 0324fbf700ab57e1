-- Cell meetings as their minutes state them, superior attendance, quotas and assignments.
CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    held_on DATE NOT NULL,
    starts_at TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    venue TEXT NOT NULL,
    online BOOLEAN NOT NULL,
    chair TEXT NOT NULL,
    minute_taker TEXT NOT NULL,
    topic TEXT NOT NULL,
    sources TEXT NOT NULL,
    agenda TEXT NOT NULL,
    content TEXT NOT NULL,
    questions TEXT NOT NULL,
    conclusions TEXT NOT NULL,
    self_assessment TEXT NOT NULL,
    notice_sent_on DATE,
    notice_to_superior BOOLEAN NOT NULL,
    invited INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_org ON meetings(org_id, held_on);
CREATE INDEX meetings_held ON meetings(held_on);

CREATE TABLE meeting_absences (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    with_reason BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (meeting_id, membership_id)
);
CREATE INDEX meeting_absences_membership ON meeting_absences(membership_id);

CREATE TABLE quota_policies (
    id TEXT PRIMARY KEY NOT NULL,
    document TEXT NOT NULL,
    issued_on DATE NOT NULL,
    issuer TEXT NOT NULL,
    level TEXT NOT NULL,
    min_per_year INTEGER NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE superior_assignments (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    quota_policy_id TEXT NOT NULL REFERENCES quota_policies(id),
    decision_number TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX superior_assignments_person ON superior_assignments(person_id, valid_from);
CREATE INDEX superior_assignments_org ON superior_assignments(org_id, valid_from);

CREATE TABLE superior_attendances (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    assigned BOOLEAN NOT NULL,
    remarks TEXT NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX superior_attendances_person ON superior_attendances(person_id);
