<?cs # admin_resolution.cs - record a resolution on one of a meeting's agenda items, or change or delete one;
a stale save merges three ways (form.cs conflict()). ?>
<?cs if:Resolution.id ?><?cs set:Page.Heading = L.committee_admin.resolution_edit_title ?><?cs else ?><?cs set:Page.Heading = L.committee_admin.resolution_new_title ?><?cs /if ?>
<?cs set:Page.Title = Meeting.title + " " + Page.Heading ?><?cs set:Page.TitleKo = 1 ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<p class="crumbs"><a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs call:ko(Meeting.title) ?></a></p>
<h1><?cs call:ko(Meeting.title) ?> <?cs var:Page.Heading ?></h1>
<?cs call:cnav() ?>
<?cs if:Meeting.not_started ?><p class="conflict" role="note"><?cs var:L.committee_admin.not_started_note ?></p><?cs /if ?>
<?cs if:Resolution.id && User.admin ?><p><a href="/admin/history?entity=resolution&amp;id=<?cs var:Resolution.id ?>"><?cs var:L.admin.record_history ?></a></p><?cs /if ?>
<?cs call:stale() ?>
<?cs call:cform_errors() ?>
<?cs if:subcount(Items) ?>
<form method="post" action="<?cs if:Resolution.id ?>/admin/resolutions/<?cs var:Resolution.id ?><?cs else ?>/admin/meetings/<?cs var:Meeting.id ?>/resolutions<?cs /if ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs if:!Conflict.fields.agenda_item_id ?><div class="field<?cs if:Form.agenda_item_id.error ?> invalid<?cs /if ?>">
<label for="f-agenda_item_id"><?cs var:L.committee_admin.field.agenda_item_id ?> <span class="req"><?cs var:L.form.required ?></span></label>
<select<?cs call:field_attrs("agenda_item_id", Form.agenda_item_id, 1) ?>>
<option value=""><?cs var:L.committee_admin.choose ?></option>
<?cs each:i = Items ?><option value="<?cs var:i.id ?>"<?cs if:Form.agenda_item_id.value == i.id ?> selected<?cs /if ?><?cs call:ko_lang() ?>><?cs var:i.position ?>. <?cs var:i.title ?></option>
<?cs /each ?></select>
<?cs call:field_msg("agenda_item_id", Form.agenda_item_id) ?>
</div><?cs /if ?>
<?cs call:textarea("body", L.committee_admin.field.body, Form.body, 1, "") ?>
<?cs call:cchoice("outcome", L.committee_admin.field.outcome, Form.outcome, L.committee.outcome, 1, "") ?>
<fieldset class="checks">
<legend><?cs var:L.committee.votes ?></legend>
<p class="hint"><?cs var:L.committee_admin.votes_hint ?></p>
<?cs call:input("votes_for", L.committee_admin.field.votes_for, Form.votes_for, "number", 0, "") ?>
<?cs call:input("votes_against", L.committee_admin.field.votes_against, Form.votes_against, "number", 0, "") ?>
<?cs call:input("votes_abstain", L.committee_admin.field.votes_abstain, Form.votes_abstain, "number", 0, "") ?>
</fieldset>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/meetings/<?cs var:Meeting.id ?>#resolutions"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs else ?><p><?cs var:L.committee_admin.resolution_no_items ?> <a href="/admin/meetings/<?cs var:Meeting.id ?>#agenda"><?cs var:L.committee_admin.agenda_add ?></a></p><?cs /if ?>
<?cs if:Resolution.id ?>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.committee_admin.delete_resolution ?></h2>
<form method="post" action="/admin/resolutions/<?cs var:Resolution.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs var:L.committee_admin.delete ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
