-- 009_member_admin_tp.sql - a member admin always belongs to a technopark (issue 13, item 6).
--
-- The forms never made one without, but nothing in the schema said so, and the code meets such an
-- account with a NULL technopark. A database that holds one makes this migration stop with MariaDB's
-- "CONSTRAINT `chk_users_member_admin_tp` failed": give the account its technopark (or another role)
-- in /admin/users, then run the migration again. Nothing is changed behind the operator's back.
ALTER TABLE users ADD CONSTRAINT chk_users_member_admin_tp
	CHECK (role <> 'member_admin' OR technopark_id IS NOT NULL);
