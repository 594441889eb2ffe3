-- 007_request_seen.sql - when the submitter of a change request saw its decision (issue 12, item 4).
--
-- A decided request (approved or rejected) shows on its submitter's admin home page until they open
-- it (page_admin_review.c sets seen_at then); a withdrawn one is the submitter's own act and is seen
-- at once. Requests decided before this migration count as seen: nobody waits for news of them.
ALTER TABLE change_requests ADD COLUMN seen_at DATETIME NULL AFTER review_comment;
UPDATE change_requests SET seen_at = COALESCE(reviewed_at, submitted_at) WHERE state <> 'pending';
ALTER TABLE change_requests ADD KEY k_cr_submitter (submitted_by, state, id);
