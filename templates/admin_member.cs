<?cs # admin_member.cs - a technopark's profile form; a stale save merges three ways (form.cs conflict()). ?>
<?cs if:Page.Lang != "ko" && TP.name_en ?><?cs set:Page.Title = TP.name_en + " " + L.admin.profile ?><?cs else ?><?cs set:Page.Title = TP.name_ko + " " + L.admin.profile ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs call:loc(TP.name_ko, TP.name_en) ?> <?cs var:L.admin.profile ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done == "saved" ?><p class="ok" role="status"><?cs var:L.admin.saved ?></p><?cs /if ?>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs if:Page.NeedsReview ?><p class="note"><?cs var:L.member_form.review_note ?></p><?cs /if ?>
<?cs if:Overlay.id ?><section class="note pending-request" aria-labelledby="overlay-h">
<h2 id="overlay-h"><?cs var:L.my_requests.pending_title ?> <a href="/admin/requests/<?cs var:Overlay.id ?>">#<?cs var:Overlay.id ?></a></h2>
<p><?cs var:L.my_requests.pending_banner ?></p>
<?cs if:subcount(Overlay.Fields) ?><ul class="changes">
<?cs each:f = Overlay.Fields ?><li><strong><?cs var:L.field[f.name] ?></strong>: <?cs if:f.old ?><del><?cs call:ko(f.old) ?></del><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?> → <?cs if:f.new ?><ins><?cs call:ko(f.new) ?></ins><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
</section><?cs /if ?>
<?cs if:subcount(Pending) ?><p class="note"><?cs var:L.member_form.pending ?>
<?cs each:r = Pending ?><a href="/admin/requests/<?cs var:r.id ?>">#<?cs var:r.id ?></a> <?cs /each ?></p><?cs /if ?>
<p><a href="/members/<?cs var:url_escape(TP.slug) ?>"><?cs var:L.member_form.view_public ?></a> ·
<a href="/admin/history?entity=technopark&amp;id=<?cs var:TP.id ?>"><?cs var:L.admin.record_history ?></a></p>

<?cs call:form_errors() ?>
<?cs if:Form.message ?><?cs /if ?>
<form method="post" action="/admin/members/<?cs var:url_escape(TP.slug) ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:textarea("summary", L.field.summary, Form.summary, 0, "") ?>
<?cs call:input("director", L.field.director, Form.director, "text", 0, "") ?>
<?cs call:input("address", L.field.address, Form.address, "text", 0, "") ?>
<?cs call:input("phone", L.field.phone, Form.phone, "tel", 0, L.member_form.phone_hint) ?>
<?cs call:input("email", L.field.email, Form.email, "email", 0, "") ?>
<?cs call:input("website", L.field.website, Form.website, "url", 0, L.member_form.website_hint) ?>
<?cs call:input("name_en", L.field.name_en, Form.name_en, "text", 0, L.member_form.english_hint) ?>
<?cs call:textarea("summary_en", L.field.summary_en, Form.summary_en, 0, L.member_form.english_hint) ?>
<?cs call:input("address_en", L.field.address_en, Form.address_en, "text", 0, "") ?>
<?cs if:!Conflict.fields.industry ?><fieldset id="f-industry" class="checks<?cs if:Form.industry.error ?> invalid<?cs /if ?>"<?cs if:Form.industry.error ?> aria-describedby="f-industry-err"<?cs /if ?>>
<legend><?cs var:L.field.industry ?></legend>
<input type="hidden" name="industry" value="">
<?cs each:i = Industries ?><div class="check"><input type="checkbox" name="industry" id="f-industry-<?cs var:i.slug ?>" value="<?cs var:i.slug ?>"<?cs if:Form.industry.checked[i.slug] ?> checked<?cs /if ?>>
<label for="f-industry-<?cs var:i.slug ?>"><?cs call:loc(i.name_ko, i.name_en) ?></label></div>
<?cs /each ?>
<?cs call:field_msg("industry", Form.industry) ?>
</fieldset><?cs /if ?>
<div class="actions"><button type="submit"><?cs if:Page.NeedsReview ?><?cs var:L.form.submit ?><?cs else ?><?cs var:L.form.save ?><?cs /if ?></button>
<a href="/admin"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
