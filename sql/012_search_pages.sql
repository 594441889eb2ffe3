-- 012_search_pages.sql - the search finds the about page and the committees themselves (issue 12: 9).
-- Two new kinds of index entries: 'about' (the association's page: its names, summary, history, chairs,
-- functions, joint programmes and publications; ref_id = association.id) and 'bodies' (a committee: its
-- names, purpose and composition; ref_id = committees.id). A person's entry now holds the name of their
-- organisation too, so that "충남테크노파크 배예시" finds 배예시 of 충남.
ALTER TABLE search_docs MODIFY kind ENUM('members','people','news','committees','about','bodies') NOT NULL;
ALTER TABLE search_queue MODIFY kind ENUM('members','people','news','committees','about','bodies') NOT NULL;

-- Through the indexer, as every save: the new entries and the people's new text, once the portal runs
-- (tpportal-admin reindex builds the same).
INSERT INTO search_queue (kind, ref_id) SELECT 'about', id FROM association;
INSERT INTO search_queue (kind, ref_id) SELECT 'bodies', id FROM committees;
INSERT INTO search_queue (kind, ref_id) SELECT 'people', id FROM people;
