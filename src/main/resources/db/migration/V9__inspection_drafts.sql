-- Drafts of a department's self-inspection (README "Endpoints"): the browser form's answers as
-- typed, kept between sessions. One draft per organization, department and fiscal year, shared by
-- that department's officers: saving replaces it, storing a submission for it deletes it (in the
-- submission's transaction). A draft is never checked and counts nowhere: no list, status or
-- compliance line reads this table.
CREATE TABLE inspection_draft (
    organization  VARCHAR(100)  NOT NULL,
    -- the registry's name of the department, as inspection.department
    department    VARCHAR(200)  NOT NULL,
    fiscal_year   INTEGER       NOT NULL,
    checklist_id  VARCHAR(200)  NOT NULL,
    -- JSON text of the answers as typed: [{itemId, answer, value, evidence, remediationAction, remediationDue}]
    answers       TEXT          NOT NULL,
    -- the user who saved it last (width as activity.username)
    saved_by      VARCHAR(200)  NOT NULL,
    saved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization, department, fiscal_year)
);
