<?cs # source_marks.cs - marks of where a fact comes from (issue 20): dated by its source, derived by the portal. ?>
<?cs # "2020년 기사 기준": the fact is as the source of that year tells it, not as of today. ?>
<?cs def:as_of(year) ?><?cs if:year ?> <span class="note as-of" title="<?cs var:L.source.as_of_title ?>">(<?cs var:L.source.as_of_pre ?><?cs var:year ?><?cs var:L.source.as_of ?>)</span><?cs /if ?><?cs /def ?>
<?cs # An English name the portal made (the source gives none). ?>
<?cs def:en_mark(flag) ?><?cs if:flag == 1 ?> <span class="note derived" lang="<?cs var:Page.Lang ?>" title="<?cs var:L.source.name_en_derived_title ?>">(<?cs var:L.source.name_en_derived ?>)</span><?cs /if ?><?cs /def ?>
<?cs # A region read from the technopark's name (the source gives none). ?>
<?cs def:region_mark(flag) ?><?cs if:flag == 1 ?> <span class="note derived" title="<?cs var:L.source.region_derived_title ?>">(<?cs var:L.source.region_derived ?>)</span><?cs /if ?><?cs /def ?>
<?cs # An English text the portal translated from the Korean (issue 17), on a page that shows it. ?>
<?cs def:tr_mark(flag, en) ?><?cs if:flag == 1 && en && Page.Lang != "ko" ?> <span class="note derived" title="<?cs var:L.source.text_en_derived_title ?>">(<?cs var:L.source.text_en_derived ?>)</span><?cs /if ?><?cs /def ?>
