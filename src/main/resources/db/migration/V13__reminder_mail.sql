-- The reminder mail's record of what it sent (README "Reminder mail"; jp.tenken.reminder.ReminderMailJob).
-- One row per item, due date, stage and recipient: a stage of an item is mailed to an officer once.
-- The row is inserted in the transaction that sends the mail and committed only once the SMTP
-- server took the mail: a second instance inserting the same key waits for that transaction and
-- then finds the key taken; a mail that was refused rolls the row back, so it is tried again at
-- the next run. A new due date (a resubmitted remediation) is a new key: it is reminded again.
CREATE TABLE reminder_sent (
    -- jp.tenken.reminder.Reminder#key: SHA-256 (hex) of the item's kind and identity
    item_key     VARCHAR(64)   NOT NULL,
    due_date     DATE          NOT NULL,
    -- DUE_IN_7, DUE_IN_1 or OVERDUE
    stage        VARCHAR(20)   NOT NULL,
    -- the officer's user name (width as users.username)
    recipient    VARCHAR(64)   NOT NULL,
    organization VARCHAR(100)  NOT NULL,
    department   VARCHAR(200)  NOT NULL,
    -- what a person reads to find the item: 改善策 ORG-01 (inspection id) / 是正措置 監査指摘F1 (audit id)
    item         VARCHAR(1000) NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_key, due_date, stage, recipient)
);

CREATE INDEX reminder_sent_recipient ON reminder_sent (recipient, organization, department);
