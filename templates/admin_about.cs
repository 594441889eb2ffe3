<?cs # admin_about.cs - the secretariat's form for the association's profile in Korean and English (issue 17);
a stale save merges three ways (form.cs conflict()). ?>
<?cs set:Page.Title = L.about_admin.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.about_admin.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done == "saved" ?><p class="ok" role="status"><?cs var:L.admin.saved ?></p><?cs /if ?>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<p class="note"><?cs var:L.about_admin.note ?></p>
<p><a href="/about"><?cs var:L.member_form.view_public ?></a> ·
<a href="/admin/history?entity=association&amp;id=1"><?cs var:L.admin.record_history ?></a></p>
<?cs if:Form.errors > 0 ?><div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul><?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs alt:L.about_admin.field[e] ?><?cs var:L.field[e] ?><?cs /alt ?>: <?cs var:Form[e].error ?></a></li><?cs /each ?></ul>
</div><?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?>
<form method="post" action="/admin/about" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("name_ko", L.about_admin.field.name_ko, Form.name_ko, "text", 1, "") ?>
<?cs call:input("name_en", L.about_admin.field.name_en, Form.name_en, "text", 0, "") ?>
<?cs call:input("legal_form", L.about_admin.field.legal_form, Form.legal_form, "text", 0, "") ?>
<?cs call:input("legal_form_en", L.about_admin.field.legal_form_en, Form.legal_form_en, "text", 0, "") ?>
<?cs call:textarea("summary", L.about_admin.field.summary, Form.summary, 0, "") ?>
<?cs call:textarea("summary_en", L.about_admin.field.summary_en, Form.summary_en, 0, L.committee_texts.english_hint) ?>
<?cs call:input("address", L.about_admin.field.address, Form.address, "text", 0, "") ?>
<?cs call:input("address_en", L.about_admin.field.address_en, Form.address_en, "text", 0, "") ?>
<?cs call:input("phone", L.field.phone, Form.phone, "tel", 0, L.member_form.phone_hint) ?>
<?cs call:input("email", L.field.email, Form.email, "email", 0, "") ?>
<?cs call:input("website", L.field.website, Form.website, "url", 0, L.member_form.website_hint) ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
