-- When a user's credentials last changed: set on create, on every password change and when the
-- user is disabled. A login cookie issued before it is no longer accepted, so a changed password
-- or a disabled user stops working at once (CONTRACT §7). Null for users created before V7.
ALTER TABLE users ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
