-- Evaluation reports (評価シート, CONTRACT §10) and their numbered versions, like plans (V1): one
-- row per evaluation id, locked (SELECT … FOR UPDATE) by each new upload so that versions are
-- numbered one after another; every accepted upload kept, never updated or deleted.
CREATE TABLE evaluation (
    id             VARCHAR(200)  NOT NULL PRIMARY KEY,
    organization   VARCHAR(100)  NOT NULL,
    latest_version INTEGER       NOT NULL
);

-- The document as read (normalised JSON) and as sent, the plan version it was traced against, what
-- the rules found (language-neutral) and the traces (JSON: [{field, index, initiativeNos, score}]).
CREATE TABLE evaluation_version (
    evaluation_id  VARCHAR(200)  NOT NULL REFERENCES evaluation (id),
    version        INTEGER       NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the user who stored it (width as activity.username)
    stored_by      VARCHAR(200)  NOT NULL,
    fiscal_year    INTEGER       NOT NULL,
    plan_id        VARCHAR(200)  NOT NULL,
    plan_version   INTEGER       NOT NULL,
    rules_version  VARCHAR(64)   NOT NULL,
    document       TEXT          NOT NULL,
    source_format  VARCHAR(10)   NOT NULL,
    source_text    TEXT          NOT NULL,
    findings       TEXT          NOT NULL,
    traces         TEXT          NOT NULL,
    errors         INTEGER       NOT NULL,
    warnings       INTEGER       NOT NULL,
    infos          INTEGER       NOT NULL,
    PRIMARY KEY (evaluation_id, version)
);
