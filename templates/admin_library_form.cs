<?cs # admin_library_form.cs - add or edit a library document (multipart: its files come with it; a file named
like one the document has is its next version), delete it, or (secretariat) restore it. A stale save
merges three ways (form.cs conflict()). ?>
<?cs if:Document.id ?><?cs set:Page.Heading = L.library_admin.edit_title ?><?cs else ?><?cs set:Page.Heading = L.library_admin.new_title ?><?cs /if ?>
<?cs set:Page.Title = Page.Heading ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs def:library_errors() ?><?cs if:Form.errors > 0 ?>
<div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul>
<?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs var:L.library_admin.field[e] ?>: <?cs var:Form[e].error ?></a></li>
<?cs /each ?></ul>
</div>
<?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?><?cs /def ?>
<?cs def:select_errors(name, f) ?><?cs if:f.error ?> aria-invalid="true" aria-describedby="f-<?cs var:name ?>-err"<?cs /if ?><?cs /def ?>
<p class="crumbs"><a href="/admin/library"><?cs var:L.library_admin.title ?></a></p>
<h1><?cs var:Page.Heading ?><?cs if:Document.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.library_admin.done[Page.Done] ?></p><?cs /if ?>
<?cs if:Document.id ?><p><a href="/library/<?cs var:Document.id ?>"><?cs var:L.library_admin.view_document ?></a></p><?cs /if ?>
<?cs if:Document.deleted == 1 ?><p class="notice warn" role="status"><?cs var:L.library_admin.deleted_note ?></p><?cs /if ?>
<?cs if:Page.StateConflict ?>
<section class="conflict" role="alert" aria-labelledby="state-h">
<h2 id="state-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.library_admin.state_conflict[Page.StateConflict] ?></p>
</section>
<?cs /if ?>
<?cs call:library_errors() ?>
<?cs if:Page.FilesAgain ?><p class="note" role="status"><?cs var:L.attach.again ?></p><?cs /if ?>
<?cs if:Document.deleted != 1 ?>
<form method="post" action="/admin/library<?cs if:Document.id ?>/<?cs var:Document.id ?><?cs /if ?>" enctype="multipart/form-data" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("title", L.library_admin.field.title, Form.title, "text", 1, "") ?>
<?cs if:!Conflict.fields.kind ?><div class="field<?cs if:Form.kind.error ?> invalid<?cs /if ?>">
<label for="f-kind"><?cs var:L.library_admin.field.kind ?> <span class="req"><?cs var:L.form.required ?></span></label>
<select id="f-kind" name="kind"<?cs call:select_errors("kind", Form.kind) ?>>
<?cs each:k = Kinds ?><option value="<?cs var:k.slug ?>"<?cs if:Form.kind.value == k.slug ?> selected<?cs /if ?><?cs call:loc_lang(k.name_en) ?>><?cs call:loc_text(k.name_ko, k.name_en) ?></option>
<?cs /each ?></select>
<?cs call:field_msg("kind", Form.kind) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.publisher ?><div class="field<?cs if:Form.publisher.error ?> invalid<?cs /if ?>">
<label for="f-publisher"><?cs var:L.library_admin.field.publisher ?> <span class="req"><?cs var:L.form.required ?></span></label>
<?cs if:Page.AnyPublisher ?><select id="f-publisher" name="publisher"<?cs call:select_errors("publisher", Form.publisher) ?>>
<option value="association"<?cs if:Form.publisher.value == "association" ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:Form.publisher.value == p.slug ?> selected<?cs /if ?><?cs call:loc_lang(p.name_en) ?>><?cs call:loc_text(p.name_ko, p.name_en) ?></option>
<?cs /each ?></select>
<?cs else ?><?cs each:p = Publishers ?><input type="text" id="f-publisher" value="<?cs call:loc_text(p.name_ko, p.name_en) ?>"<?cs call:loc_lang(p.name_en) ?> readonly>
<input type="hidden" name="publisher" value="<?cs var:p.slug ?>"><?cs /each ?><span class="hint"><?cs var:L.library_admin.own_publisher ?></span><?cs /if ?>
<?cs call:field_msg("publisher", Form.publisher) ?>
</div><?cs /if ?>
<?cs call:input("year", L.library_admin.field.year, Form.year, "number", 1, L.library_admin.year_hint) ?>
<?cs if:!Conflict.fields.language ?><div class="field<?cs if:Form.language.error ?> invalid<?cs /if ?>">
<label for="f-language"><?cs var:L.library_admin.field.language ?> <span class="req"><?cs var:L.form.required ?></span></label>
<select id="f-language" name="language"<?cs call:select_errors("language", Form.language) ?>>
<?cs each:l = L.library.lang ?><option value="<?cs name:l ?>"<?cs if:Form.language.value == name(l) ?> selected<?cs /if ?>><?cs var:l ?></option>
<?cs /each ?></select>
<?cs call:field_msg("language", Form.language) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.audience ?><fieldset class="field<?cs if:Form.audience.error ?> invalid<?cs /if ?>" id="f-audience">
<legend><?cs var:L.library_admin.field.audience ?></legend>
<div class="check"><input type="radio" name="audience" value="public" id="f-audience-public"<?cs if:Form.audience.value != "signed_in" ?> checked<?cs /if ?>> <label for="f-audience-public"><?cs var:L.library.aud.public ?></label></div>
<div class="check"><input type="radio" name="audience" value="signed_in" id="f-audience-signed_in"<?cs if:Form.audience.value == "signed_in" ?> checked<?cs /if ?>> <label for="f-audience-signed_in"><?cs var:L.library.aud.signed_in ?></label></div>
<?cs call:field_msg("audience", Form.audience) ?>
</fieldset><?cs /if ?>
<?cs call:textarea("description", L.library_admin.field.description, Form.description, 0, L.library_admin.description_hint) ?>
<?cs if:subcount(Files) ?><div class="field">
<p class="label"><?cs var:L.library_admin.current_files ?></p>
<ul class="files">
<?cs each:f = Files ?><li><a href="/files/<?cs var:f.id ?>"><?cs var:f.filename ?></a> <span class="meta">(<?cs var:L.library.version_prefix ?><?cs var:f.version ?>, <?cs var:f.label ?>, <?cs var:f.size ?><?cs if:f.text_state == "done" ?>, <?cs var:L.library_admin.text_done ?><?cs elif:f.text_state == "pending" ?>, <?cs var:L.library_admin.text_pending ?><?cs /if ?>)</span></li>
<?cs /each ?></ul>
</div><?cs /if ?>
<div class="field<?cs if:Form.attachment.error ?> invalid<?cs /if ?>">
<label for="f-attachment"><?cs var:L.library_admin.field.attachment ?></label>
<span class="hint" id="f-attachment-hint"><?cs var:L.library_admin.attachment_hint ?> <?cs var:L.attach.hint ?></span>
<input type="file" id="f-attachment" name="attachment" multiple accept=".pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx,.pptx,.txt"<?cs if:Form.attachment.error ?> aria-invalid="true" aria-describedby="f-attachment-err f-attachment-hint"<?cs else ?> aria-describedby="f-attachment-hint"<?cs /if ?>>
<?cs if:Form.attachment.error ?><p class="field-error" id="f-attachment-err"><?cs if:Form.attachment.file ?><?cs var:Form.attachment.file ?>: <?cs /if ?><?cs var:Form.attachment.error ?></p><?cs /if ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/library"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs /if ?>
<?cs if:Document.id && Document.deleted != 1 ?>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.library_admin.delete_title ?></h2>
<p><?cs var:L.library_admin.delete_text ?></p>
<form method="post" action="/admin/library/<?cs var:Document.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs var:L.library_admin.delete ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs if:Document.deleted == 1 && User.role == "secretariat" ?>
<section aria-labelledby="restore-h">
<h2 id="restore-h"><?cs var:L.library_admin.restore_title ?></h2>
<form method="post" action="/admin/library/<?cs var:Document.id ?>/restore">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Document.version ?>">
<div class="actions"><button type="submit"><?cs var:L.library_admin.restore ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
