-- 017_data_generation.sql - the data generation every portal process reads (issue 16).
--
-- One row. data_gen grows with every committed transaction that wrote what a page shows; ref_gen also
-- grows when it wrote reference data (the association, regions, industries, technoparks, committees,
-- network figures, news categories). The store layer (src/store/db.c) adds to them in the same
-- transaction as the write, just before COMMIT, so a reader that sees the new generation sees the
-- new rows. Kept pages and the reference-data snapshot are valid only while the generation they were
-- built from is current; several portal processes agree through this row.
--
-- Changing rows by hand with SQL: add one to both afterwards (tools/stack sql does it itself), e.g.
--   UPDATE data_generation SET data_gen = data_gen + 1, ref_gen = ref_gen + 1 WHERE id = 1;
CREATE TABLE data_generation (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	data_gen	BIGINT UNSIGNED NOT NULL,
	ref_gen		BIGINT UNSIGNED NOT NULL,
	CONSTRAINT chk_data_generation_one CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO data_generation (id, data_gen, ref_gen) VALUES (1, 1, 1);
