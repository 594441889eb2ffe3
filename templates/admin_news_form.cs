<?cs # admin_news_form.cs - write or edit an article (multipart: its attachments come with it), delete it,
or (secretariat) restore it. A stale save merges three ways (form.cs conflict()). ?>
<?cs if:Article.id ?><?cs set:Page.Heading = L.news_admin.edit_title ?><?cs else ?><?cs set:Page.Heading = L.news_admin.new_title ?><?cs /if ?>
<?cs set:Page.Title = Page.Heading ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs # The summary of mistakes, with this form's own field names. ?>
<?cs def:news_errors() ?><?cs if:Form.errors > 0 ?>
<div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul>
<?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs var:L.news_admin.field[e] ?>: <?cs var:Form[e].error ?></a></li>
<?cs /each ?></ul>
</div>
<?cs /if ?><?cs if:Form.message ?><p class="ok" role="status"><?cs var:Form.message ?></p><?cs /if ?><?cs /def ?>
<?cs def:select_errors(name, f) ?><?cs if:f.error ?> aria-invalid="true" aria-describedby="f-<?cs var:name ?>-err"<?cs /if ?><?cs /def ?>
<p class="crumbs"><a href="/admin/news"><?cs var:L.news_admin.title ?></a></p>
<h1><?cs var:Page.Heading ?><?cs if:Article.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.news_admin.done[Page.Done] ?></p><?cs /if ?>
<?cs if:Article.id ?><p><a href="/news/<?cs var:Article.id ?>"><?cs var:L.news_admin.view_article ?></a></p><?cs /if ?>
<?cs if:Article.deleted == 1 ?><p class="notice warn" role="status"><?cs var:L.news_admin.deleted_note ?></p><?cs /if ?>
<?cs if:Page.StateConflict ?>
<section class="conflict" role="alert" aria-labelledby="state-h">
<h2 id="state-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.news_admin.state_conflict[Page.StateConflict] ?></p>
</section>
<?cs /if ?>
<?cs call:news_errors() ?>
<?cs if:Page.FilesAgain ?><p class="note" role="status"><?cs var:L.attach.again ?></p><?cs /if ?>
<?cs if:Article.deleted != 1 ?>
<form method="post" action="/admin/news<?cs if:Article.id ?>/<?cs var:Article.id ?><?cs /if ?>" enctype="multipart/form-data" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("title", L.news_admin.field.title, Form.title, "text", 1, "") ?>
<?cs if:!Conflict.fields.category ?><div class="field<?cs if:Form.category.error ?> invalid<?cs /if ?>">
<label for="f-category"><?cs var:L.news_admin.field.category ?> <span class="req"><?cs var:L.form.required ?></span></label>
<select id="f-category" name="category"<?cs call:select_errors("category", Form.category) ?>>
<?cs each:c = Categories ?><option value="<?cs var:c.slug ?>"<?cs if:Form.category.value == c.slug ?> selected<?cs /if ?><?cs call:loc_lang(c.name_en) ?>><?cs call:loc_text(c.name_ko, c.name_en) ?></option>
<?cs /each ?></select>
<?cs call:field_msg("category", Form.category) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.publisher ?><div class="field<?cs if:Form.publisher.error ?> invalid<?cs /if ?>">
<label for="f-publisher"><?cs var:L.news_admin.field.publisher ?> <span class="req"><?cs var:L.form.required ?></span></label>
<?cs if:Page.AnyPublisher ?><select id="f-publisher" name="publisher"<?cs call:select_errors("publisher", Form.publisher) ?>>
<option value="association"<?cs if:Form.publisher.value == "association" ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:Form.publisher.value == p.slug ?> selected<?cs /if ?><?cs call:loc_lang(p.name_en) ?>><?cs call:loc_text(p.name_ko, p.name_en) ?></option>
<?cs /each ?></select>
<?cs else ?><?cs each:p = Publishers ?><input type="text" id="f-publisher" value="<?cs var:p.name_ko ?>" readonly>
<input type="hidden" name="publisher" value="<?cs var:p.slug ?>"><?cs /each ?><span class="hint"><?cs var:L.news_admin.own_publisher ?></span><?cs /if ?>
<?cs call:field_msg("publisher", Form.publisher) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.state ?><fieldset class="field<?cs if:Form.state.error ?> invalid<?cs /if ?>" id="f-state">
<legend><?cs var:L.news_admin.field.state ?></legend>
<div class="check"><input type="radio" name="state" value="draft" id="f-state-draft"<?cs if:Form.state.value != "published" ?> checked<?cs /if ?>> <label for="f-state-draft"><?cs var:L.news_admin.state_draft ?></label></div>
<div class="check"><input type="radio" name="state" value="published" id="f-state-published"<?cs if:Form.state.value == "published" ?> checked<?cs /if ?>> <label for="f-state-published"><?cs var:L.news_admin.state_published ?></label></div>
<?cs call:field_msg("state", Form.state) ?>
</fieldset><?cs /if ?>
<?cs # a date input (the focus ring follows :focus-within, site.css); the server also takes 2027/06/15 and 2027.06.15 ?>
<?cs call:input("pinned_until", L.news_admin.field.pinned_until, Form.pinned_until, "date", 0, L.news_admin.pinned_hint + " " + L.news_admin.pinned_format) ?>
<?cs if:!Conflict.fields.body ?><div class="field<?cs if:Form.body.error ?> invalid<?cs /if ?>">
<label for="f-body"><?cs var:L.news_admin.field.body ?> <span class="req"><?cs var:L.form.required ?></span></label>
<span class="hint" id="f-body-hint"><?cs var:L.news_admin.body_hint ?></span>
<textarea rows="16" id="f-body" name="body" required<?cs if:Form.body.error ?> aria-invalid="true" aria-describedby="f-body-err f-body-hint"<?cs else ?> aria-describedby="f-body-hint"<?cs /if ?><?cs call:ko_lang() ?>><?cs var:Form.body.value ?></textarea>
<?cs call:field_msg("body", Form.body) ?>
</div><?cs /if ?>
<?cs if:subcount(Files) ?><fieldset class="field">
<legend><?cs var:L.attach.current ?></legend>
<?cs each:f = Files ?><div class="check"><input type="checkbox" name="remove" value="<?cs var:f.id ?>" id="rm-<?cs var:f.id ?>"> <label for="rm-<?cs var:f.id ?>"><?cs var:L.attach.remove ?>: <?cs call:ko(f.filename) ?> (<?cs var:f.label ?>, <?cs var:f.size ?>)</label><?cs if:f.missing ?> <strong class="badge warn file-missing"><?cs var:L.attach.missing ?></strong><?cs /if ?></div>
<?cs /each ?></fieldset><?cs /if ?>
<div class="field<?cs if:Form.attachment.error ?> invalid<?cs /if ?>">
<label for="f-attachment"><?cs var:L.news_admin.field.attachment ?></label>
<span class="hint" id="f-attachment-hint"><?cs var:L.attach.hint ?></span>
<input type="file" id="f-attachment" name="attachment" multiple accept=".pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx,.pptx,.txt"<?cs if:Form.attachment.error ?> aria-invalid="true" aria-describedby="f-attachment-err f-attachment-hint"<?cs else ?> aria-describedby="f-attachment-hint"<?cs /if ?>>
<?cs if:Form.attachment.error ?><p class="field-error" id="f-attachment-err"><?cs if:Form.attachment.file ?><?cs var:Form.attachment.file ?>: <?cs /if ?><?cs var:Form.attachment.error ?></p><?cs /if ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/news"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs /if ?>
<?cs if:Article.id && Article.deleted != 1 ?>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.news_admin.delete_title ?></h2>
<p><?cs var:L.news_admin.delete_text ?></p>
<form method="post" action="/admin/news/<?cs var:Article.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs var:L.news_admin.delete ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs if:Article.deleted == 1 && User.role == "secretariat" ?>
<section aria-labelledby="restore-h">
<h2 id="restore-h"><?cs var:L.news_admin.restore_title ?></h2>
<form method="post" action="/admin/news/<?cs var:Article.id ?>/restore">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit"><?cs var:L.news_admin.restore ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
