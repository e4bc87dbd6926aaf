-- Plans and their numbered versions. One schema for H2 and PostgreSQL: only types and
-- statements both understand.

-- One row per plan id; latest_version is the row every new upload locks (SELECT … FOR UPDATE),
-- so concurrent uploads of the same plan are numbered one after another.
CREATE TABLE plan (
    id             VARCHAR(200)  NOT NULL PRIMARY KEY,
    organization   VARCHAR(100)  NOT NULL,
    latest_version INTEGER       NOT NULL
);

-- Every accepted upload, never updated or deleted: the document as read (normalised JSON), the
-- body exactly as sent, and what the rules found (language-neutral, rendered when shown).
CREATE TABLE plan_version (
    plan_id        VARCHAR(200)  NOT NULL REFERENCES plan (id),
    version        INTEGER       NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    title          TEXT          NOT NULL,
    rules_version  VARCHAR(64)   NOT NULL,
    document       TEXT          NOT NULL,
    source_format  VARCHAR(10)   NOT NULL,
    source_text    TEXT          NOT NULL,
    findings       TEXT          NOT NULL,
    errors         INTEGER       NOT NULL,
    warnings       INTEGER       NOT NULL,
    infos          INTEGER       NOT NULL,
    PRIMARY KEY (plan_id, version)
);
