<?cs # admin_committee_texts.cs - the secretariat's form for a committee's names, purpose and composition in Korean
and English (issue 17); a stale save merges three ways (form.cs conflict()). ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en + " " + L.committee_texts.title ?><?cs else ?><?cs set:Page.Title = Committee.name_ko + " " + L.committee_texts.title ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<p class="crumbs"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_texts.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<p class="note"><?cs var:L.committee_texts.note ?></p>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs if:Form.errors > 0 ?><div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul><?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs var:L.committee_texts.field[e] ?>: <?cs var:Form[e].error ?></a></li><?cs /each ?></ul>
</div><?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?>
<form method="post" action="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/texts" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("name_ko", L.committee_texts.field.name_ko, Form.name_ko, "text", 1, "") ?>
<?cs call:input("name_en", L.committee_texts.field.name_en, Form.name_en, "text", 0, "") ?>
<?cs call:textarea("purpose", L.committee_texts.field.purpose, Form.purpose, 0, "") ?>
<?cs call:textarea("purpose_en", L.committee_texts.field.purpose_en, Form.purpose_en, 0, L.committee_texts.english_hint) ?>
<?cs call:textarea("composition", L.committee_texts.field.composition, Form.composition, 0, "") ?>
<?cs call:textarea("composition_en", L.committee_texts.field.composition_en, Form.composition_en, 0, L.committee_texts.english_hint) ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
