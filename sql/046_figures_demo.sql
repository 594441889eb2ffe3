-- 046_figures_demo.sql - a year of network figures entered by a demo account is demo data (issue 20).
--
-- Demo data is always marked and kept apart from the seed: a year a demo secretariat adds, or whose
-- numbers it changes, says so on /stats, on the home page and in /stats.csv. A later change by a real
-- account makes the numbers that account's, and the mark goes (the figures model sets it on every write
-- from the writing account, src/model/figures.c). The seed's years are not demo.
ALTER TABLE network_figures ADD COLUMN is_demo TINYINT(1) NOT NULL DEFAULT 0 AFTER source_id;
