-- Stored records name the user who made them (CONTRACT §7): a plan version's storedBy, an
-- inspection's submittedBy, an audit's recordedBy (a completion's completedBy has its column since
-- V4). Nullable: rows stored before accounts existed name nobody, and stay valid. The width is that
-- of audit_completion.completed_by and activity.username, so a name that fits one fits all.
ALTER TABLE plan_version ADD COLUMN stored_by VARCHAR(200);
ALTER TABLE inspection ADD COLUMN submitted_by VARCHAR(200);
ALTER TABLE audit ADD COLUMN recorded_by VARCHAR(200);
