-- Directive documents, congress resolutions with their targets, and plans and projects with
-- their indicators and tasks (domain.md §10, issue 13).

-- A document is identified by issuer, type, number and date: numbers restart each term, so the
-- same number recurs (12-HD/BTCTW of 2012, 2018 and 2022). `TU` is both Tỉnh ủy and Thành ủy:
-- the issuing body is named explicitly, and linked to its organization when coso holds it.
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT NOT NULL,
    style TEXT NOT NULL,
    type_code TEXT NOT NULL,
    -- The kind as the document names itself: a QĐ may be a "Quy định" (1764-QĐ/TU).
    type_name TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    serial INTEGER NOT NULL,
    issuer_name TEXT NOT NULL,
    issuer_org_id TEXT REFERENCES organizations(id),
    issued_on DATE NOT NULL,
    title TEXT NOT NULL,
    valid_from DATE,
    valid_until DATE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (issuer_name, type_code, serial, issued_on)
);
CREATE INDEX documents_issued ON documents(issued_on);
CREATE INDEX documents_number ON documents(number);

-- What a document governs: a quota policy, a rating policy, a pilot, a plan, a resolution.
CREATE TABLE document_links (
    document_id TEXT NOT NULL REFERENCES documents(id),
    subject TEXT NOT NULL,
    subject_ref TEXT NOT NULL,
    PRIMARY KEY (document_id, subject, subject_ref)
);
CREATE INDEX document_links_subject ON document_links(subject, subject_ref);

CREATE TABLE resolutions (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    document_id TEXT REFERENCES documents(id),
    title TEXT NOT NULL,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX resolutions_org ON resolutions(org_id, first_year);

CREATE TABLE resolution_targets (
    id TEXT PRIMARY KEY NOT NULL,
    resolution_id TEXT NOT NULL REFERENCES resolutions(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    direction TEXT NOT NULL,
    reach_year INTEGER,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (resolution_id, position)
);

CREATE TABLE target_values (
    target_id TEXT NOT NULL REFERENCES resolution_targets(id),
    year INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (target_id, year)
);

CREATE TABLE plans (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    document_id TEXT REFERENCES documents(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    objectives TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX plans_org ON plans(org_id, starts_on);

-- An indicator follows one of coso's measures when it has one, or figures typed in.
CREATE TABLE plan_indicators (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    measure TEXT,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (plan_id, position)
);

CREATE TABLE plan_tasks (
    id TEXT PRIMARY KEY NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plans(id),
    title TEXT NOT NULL,
    assignee_org_id TEXT NOT NULL REFERENCES organizations(id),
    due_on DATE NOT NULL,
    status TEXT NOT NULL,
    progress_pct INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX plan_tasks_plan ON plan_tasks(plan_id, due_on);
CREATE INDEX plan_tasks_assignee ON plan_tasks(assignee_org_id, due_on);

CREATE TABLE task_reports (
    id TEXT PRIMARY KEY NOT NULL,
    task_id TEXT NOT NULL REFERENCES plan_tasks(id),
    reported_on DATE NOT NULL,
    progress_pct INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task_id, reported_on);
