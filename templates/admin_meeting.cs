<?cs # admin_meeting.cs - one meeting in the admin: its details (a stale save merges three ways: form.cs
conflict()), its agenda (add, change, move, remove items), its resolutions, and the way to its attendance
and minutes. ?>
<?cs set:Page.Title = Meeting.title + " " + L.committee_admin.meeting_manage ?><?cs set:Page.TitleKo = 1 ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<?cs include:"committee_macros.cs" ?>
<p class="crumbs"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.title ?></a></p>
<h1><?cs call:ko(Meeting.title) ?> <?cs var:L.committee_admin.meeting_manage ?><?cs call:demo_badge(Meeting) ?></h1>
<?cs call:cnav() ?>
<?cs call:done() ?>
<ul class="tags">
<li><a href="/committees/<?cs var:url_escape(Committee.slug) ?>/meetings/<?cs var:Meeting.id ?>"><?cs var:L.committee_admin.public_page ?></a></li>
<li><a href="/admin/meetings/<?cs var:Meeting.id ?>/attendance"><?cs var:L.committee_admin.attendance ?></a></li>
<li><a href="/admin/meetings/<?cs var:Meeting.id ?>/minutes"><?cs var:L.committee_admin.minutes ?></a></li>
<li><a href="/admin/meetings/<?cs var:Meeting.id ?>/resolutions/new"><?cs var:L.committee_admin.resolution_add ?></a></li>
<?cs if:User.admin ?><li><a href="/admin/history?entity=meeting&amp;id=<?cs var:Meeting.id ?>"><?cs var:L.admin.record_history ?></a></li><?cs /if ?>
</ul>
<?cs call:cform_errors() ?>

<section aria-labelledby="details-h">
<h2 id="details-h"><?cs var:L.committee_admin.details ?></h2>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:meeting_fields() ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button></div>
</form>
</section>

<section aria-labelledby="agenda">
<h2 id="agenda" tabindex="-1"><?cs var:L.meeting.agenda ?></h2>
<?cs if:subcount(Agenda) ?>
<div class="table-wrap">
<table class="agenda">
<caption><?cs call:ko(Meeting.title) ?> <?cs var:L.meeting.agenda ?> (<?cs var:subcount(Agenda) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee_admin.position ?></th><th scope="col"><?cs var:L.committee_admin.field.item_title ?></th><th scope="col"><?cs var:L.meeting.resolutions ?></th><th scope="col"><?cs var:L.committee_admin.actions ?></th></tr></thead>
<tbody>
<?cs each:a = Agenda ?><tr>
<td class="num" data-label="<?cs var:L.committee_admin.position ?>"><?cs var:a.position ?></td>
<th scope="row" data-label="<?cs var:L.committee_admin.field.item_title ?>"><a href="/admin/agenda/<?cs var:a.id ?>"><?cs call:ko(a.title) ?></a><?cs if:a.description ?><br><span class="note"><?cs call:ko(a.description) ?></span><?cs /if ?></th>
<td class="num" data-label="<?cs var:L.meeting.resolutions ?>"><?cs var:a.resolutions ?></td>
<td data-label="<?cs var:L.committee_admin.actions ?>"><div class="actions">
<?cs if:!first(a) ?><form method="post" action="/admin/agenda/<?cs var:a.id ?>/move" class="inline"><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:a.version ?>"><input type="hidden" name="direction" value="up"><button type="submit" class="secondary"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:a.position ?>. <?cs var:a.title ?>: <?cs var:L.committee_admin.move_up ?>"<?cs /if ?>><?cs var:L.committee_admin.move_up ?><?cs call:vh_name(a.title) ?></button></form><?cs /if ?>
<?cs if:!last(a) ?><form method="post" action="/admin/agenda/<?cs var:a.id ?>/move" class="inline"><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:a.version ?>"><input type="hidden" name="direction" value="down"><button type="submit" class="secondary"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:a.position ?>. <?cs var:a.title ?>: <?cs var:L.committee_admin.move_down ?>"<?cs /if ?>><?cs var:L.committee_admin.move_down ?><?cs call:vh_name(a.title) ?></button></form><?cs /if ?>
<a href="/admin/agenda/<?cs var:a.id ?>"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:a.position ?>. <?cs var:a.title ?>: <?cs var:L.committee_admin.edit ?>"<?cs /if ?>><?cs var:L.committee_admin.edit ?><?cs call:vh_name(a.title) ?></a>
</div></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.meeting.no_agenda ?></p><?cs /if ?>
<h3 id="item-add-h"><?cs var:L.committee_admin.agenda_add ?></h3>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>/agenda" class="stacked" aria-labelledby="item-add-h">
<?cs call:csrf() ?>
<input type="hidden" name="key" value="<?cs var:Form.item_key.value ?>">
<?cs call:input("item_title", L.committee_admin.field.item_title, Form.item_title, "text", 1, "") ?>
<?cs call:textarea("item_description", L.committee_admin.field.item_description, Form.item_description, 0, "") ?>
<div class="actions"><button type="submit"><?cs var:L.committee_admin.agenda_add ?></button></div>
</form>
</section>

<section aria-labelledby="resolutions">
<h2 id="resolutions" tabindex="-1"><?cs var:L.meeting.resolutions ?></h2>
<p class="actions"><a href="/admin/meetings/<?cs var:Meeting.id ?>/resolutions/new"><?cs var:L.committee_admin.resolution_add ?></a></p>
<?cs if:subcount(Resolutions) ?>
<div class="table-wrap">
<table class="resolutions">
<caption><?cs call:ko(Meeting.title) ?> <?cs var:L.meeting.resolutions ?> (<?cs var:subcount(Resolutions) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.agenda_item ?></th><th scope="col"><?cs var:L.committee.resolution ?></th><th scope="col"><?cs var:L.committee.outcome_label ?></th><th scope="col"><?cs var:L.committee.votes ?></th></tr></thead>
<tbody>
<?cs each:r = Resolutions ?><tr>
<td data-label="<?cs var:L.committee.agenda_item ?>"><?cs var:r.item_position ?>. <?cs call:ko(r.item_title) ?></td>
<th scope="row" data-label="<?cs var:L.committee.resolution ?>"><a href="/admin/resolutions/<?cs var:r.id ?>"><?cs call:ko(r.body) ?></a></th>
<td data-label="<?cs var:L.committee.outcome_label ?>"><?cs call:outcome(r) ?></td>
<td data-label="<?cs var:L.committee.votes ?>"><?cs call:votes(r) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.meeting.no_resolutions ?></p><?cs /if ?>
</section>

<section aria-labelledby="documents">
<h2 id="documents" tabindex="-1"><?cs var:L.meeting.documents ?></h2>
<?cs if:Page.DocumentGone ?>
<section class="conflict" role="alert" aria-labelledby="doc-conflict-h">
<h3 id="doc-conflict-h"><?cs var:L.form.conflict_title ?></h3>
<p><?cs var:L.committee_admin.document_gone ?></p>
</section>
<?cs /if ?>
<?cs if:subcount(Documents) ?><ul>
<?cs each:d = Documents ?><li><?cs if:d.missing ?><?cs call:ko(d.filename) ?> <strong class="badge warn file-missing"><?cs var:L.attach.missing ?></strong><?cs else ?><a href="/files/<?cs var:d.id ?>"><?cs call:ko(d.filename) ?></a><?cs /if ?> <span class="note">(<?cs var:d.label ?>, <?cs var:d.size ?>)</span>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>/documents/<?cs var:d.id ?>/delete" class="inline"><?cs call:csrf() ?><button type="submit" class="link"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:d.filename ?>: <?cs var:L.committee_admin.delete ?>"<?cs /if ?>><?cs var:L.committee_admin.delete ?><?cs call:vh_name(d.filename) ?></button></form></li>
<?cs /each ?></ul><?cs else ?><p><?cs var:L.meeting.no_documents ?></p><?cs /if ?>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>/documents" enctype="multipart/form-data" class="stacked">
<?cs call:csrf() ?>
<input type="hidden" name="key" value="<?cs var:Form.doc_key.value ?>">
<div class="field<?cs if:Form.attachment.error ?> invalid<?cs /if ?>">
<label for="f-attachment"><?cs var:L.committee_admin.field.attachment ?></label>
<span class="hint" id="f-attachment-hint"><?cs var:L.attach.hint ?></span>
<input type="file" id="f-attachment" name="attachment" multiple accept=".pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx,.pptx,.txt"<?cs if:Form.attachment.error ?> aria-invalid="true" aria-describedby="f-attachment-err f-attachment-hint"<?cs else ?> aria-describedby="f-attachment-hint"<?cs /if ?>>
<?cs if:Form.attachment.error ?><p class="field-error" id="f-attachment-err"><?cs if:Form.attachment.file ?><?cs var:Form.attachment.file ?>: <?cs /if ?><?cs var:Form.attachment.error ?></p><?cs /if ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.committee_admin.documents_add ?></button></div>
</form>
</section>
<?cs include:"footer.cs" ?>
