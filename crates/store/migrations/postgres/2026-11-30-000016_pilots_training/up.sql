-- Pilot guidance and work groups (domain.md §6, issue 11): a unit picked by a committee, the
-- people following it, their visits and the actions set to remedy its weaknesses.
CREATE TABLE pilots (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    selected_by_org_id TEXT NOT NULL REFERENCES organizations(id),
    selected_on DATE NOT NULL,
    ends_on DATE,
    weaknesses TEXT NOT NULL,
    weakness_note TEXT NOT NULL,
    objectives TEXT NOT NULL,
    indicator TEXT NOT NULL,
    target_pct INTEGER,
    closing_assessment TEXT NOT NULL,
    decision TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX pilots_org ON pilots(org_id, selected_on);
CREATE INDEX pilots_selected ON pilots(selected_on);

CREATE TABLE pilot_followers (
    id TEXT PRIMARY KEY NOT NULL,
    pilot_id TEXT NOT NULL REFERENCES pilots(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    role_note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (pilot_id, person_id)
);

CREATE TABLE pilot_visits (
    id TEXT PRIMARY KEY NOT NULL,
    pilot_id TEXT NOT NULL REFERENCES pilots(id),
    visited_on DATE NOT NULL,
    findings TEXT NOT NULL,
    obstacles_removed TEXT NOT NULL,
    assessment TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX pilot_visits_pilot ON pilot_visits(pilot_id, visited_on);

CREATE TABLE pilot_actions (
    id TEXT PRIMARY KEY NOT NULL,
    pilot_id TEXT NOT NULL REFERENCES pilots(id),
    title TEXT NOT NULL,
    owner TEXT NOT NULL,
    set_on DATE NOT NULL,
    due_on DATE NOT NULL,
    status TEXT NOT NULL,
    evidence TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX pilot_actions_pilot ON pilot_actions(pilot_id, due_on);

-- Training (domain.md §7): classes and the people enrolled, members or not.
CREATE TABLE training_classes (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    audience TEXT NOT NULL,
    level TEXT NOT NULL,
    organizer_org_id TEXT NOT NULL REFERENCES organizations(id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    place TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_classes_starts ON training_classes(starts_on);

CREATE TABLE enrollments (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES training_classes(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    unit TEXT NOT NULL,
    outcome TEXT,
    grade TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (class_id, person_id)
);
CREATE INDEX enrollments_person ON enrollments(person_id);
