-- The annual rating (domain.md §8, issue 10): one row per subject, year and stage (self,
-- proposed, decided), with the policy that judged it and the facts it was judged on (JSON).
CREATE TABLE org_ratings (
    org_id TEXT NOT NULL REFERENCES organizations(id),
    year INTEGER NOT NULL,
    stage TEXT NOT NULL,
    tier TEXT NOT NULL,
    policy TEXT NOT NULL,
    facts TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (org_id, year, stage)
);
CREATE INDEX org_ratings_year ON org_ratings(year, stage);

CREATE TABLE member_ratings (
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    year INTEGER NOT NULL,
    stage TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    tier TEXT NOT NULL,
    policy TEXT NOT NULL,
    facts TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (membership_id, year, stage)
);
CREATE INDEX member_ratings_org ON member_ratings(org_id, year, stage);
CREATE INDEX member_ratings_year ON member_ratings(year, stage);

-- Inspection and supervision cases, and discipline decisions (domain.md §9).
CREATE TABLE inspections (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    membership_id TEXT REFERENCES memberships(id),
    by_org_id TEXT NOT NULL REFERENCES organizations(id),
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    findings TEXT NOT NULL,
    conclusion TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    concluded_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX inspections_org ON inspections(org_id, period_from);

CREATE TABLE disciplines (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    membership_id TEXT REFERENCES memberships(id),
    form TEXT NOT NULL,
    decided_on DATE NOT NULL,
    by_org_id TEXT NOT NULL REFERENCES organizations(id),
    document TEXT NOT NULL,
    reason TEXT NOT NULL,
    self_detected BOOLEAN NOT NULL,
    inspection_id TEXT REFERENCES inspections(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX disciplines_org ON disciplines(org_id, decided_on);
CREATE INDEX disciplines_membership ON disciplines(membership_id, decided_on);
