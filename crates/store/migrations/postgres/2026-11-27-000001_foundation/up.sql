-- Foundation: organizations through time, persons and memberships, positions, accounts, audit.
CREATE TABLE organizations (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    founded_on DATE NOT NULL,
    dissolved_on DATE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE org_events (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    effective_on DATE NOT NULL,
    decision_number TEXT NOT NULL,
    decision_date DATE,
    related_org_id TEXT REFERENCES organizations(id),
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX org_events_org ON org_events(org_id, effective_on);

CREATE TABLE org_versions (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    valid_from DATE NOT NULL,
    valid_to DATE,
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    kind TEXT NOT NULL,
    sector TEXT,
    parent_id TEXT REFERENCES organizations(id),
    path TEXT COLLATE "C" NOT NULL,
    depth INTEGER NOT NULL,
    event_id TEXT REFERENCES org_events(id)
);
CREATE INDEX org_versions_org ON org_versions(org_id, valid_from);
CREATE INDEX org_versions_path ON org_versions(path, valid_from);
CREATE INDEX org_versions_parent ON org_versions(parent_id, valid_from);
CREATE INDEX org_versions_name ON org_versions(name_folded);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    full_name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    birth_name TEXT,
    born_on DATE NOT NULL,
    sex TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    religion TEXT NOT NULL,
    home_town TEXT NOT NULL,
    residence TEXT NOT NULL,
    education TEXT NOT NULL,
    theory_level TEXT NOT NULL,
    profession TEXT NOT NULL,
    occupation TEXT NOT NULL,
    cccd TEXT UNIQUE,
    phone TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX persons_name ON persons(name_folded);

CREATE TABLE memberships (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL UNIQUE REFERENCES persons(id),
    card_number TEXT UNIQUE,
    record_number TEXT,
    admitted_on DATE NOT NULL,
    official_on DATE,
    status TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    last_event_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX memberships_org ON memberships(org_id, status);

CREATE TABLE membership_events (
    id TEXT PRIMARY KEY NOT NULL,
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    kind TEXT NOT NULL,
    occurred_on DATE NOT NULL,
    decision_number TEXT NOT NULL,
    from_org_id TEXT REFERENCES organizations(id),
    to_org_id TEXT REFERENCES organizations(id),
    status_after TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX membership_events_membership ON membership_events(membership_id, occurred_on);

CREATE TABLE membership_periods (
    id TEXT PRIMARY KEY NOT NULL,
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE
);
CREATE INDEX membership_periods_org ON membership_periods(org_id, valid_from);
CREATE INDEX membership_periods_membership ON membership_periods(membership_id, valid_from);

CREATE TABLE positions (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id),
    org_id TEXT NOT NULL REFERENCES organizations(id),
    role TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    decision_number TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX positions_org ON positions(org_id, role);
CREATE INDEX positions_person ON positions(person_id);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    org_id TEXT REFERENCES organizations(id),
    person_id TEXT REFERENCES persons(id),
    active BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL,
    attempted_at TIMESTAMP NOT NULL,
    succeeded BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_username ON login_attempts(username, attempted_at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_at ON audit_log(at);
