<?cs # admin_agenda_item.cs - change one agenda item (a stale save merges three ways: form.cs conflict()), or
remove it (not while resolutions hang on it). ?>
<?cs set:Page.Title = Meeting.title + " " + L.committee_admin.item_edit_title ?><?cs set:Page.TitleKo = 1 ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<p class="crumbs"><a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs call:ko(Meeting.title) ?></a></p>
<h1><?cs call:ko(Meeting.title) ?> <?cs var:L.committee_admin.item_edit_title ?></h1>
<?cs call:cnav() ?>
<?cs if:User.admin ?><p><a href="/admin/history?entity=agenda_item&amp;id=<?cs var:Item.id ?>"><?cs var:L.admin.record_history ?></a></p><?cs /if ?>
<?cs call:stale() ?>
<?cs if:Page.DeleteRefused ?><p class="errors" role="alert"><?cs var:L.committee_admin.delete_refused_item ?></p><?cs /if ?>
<?cs call:cform_errors() ?>
<form method="post" action="/admin/agenda/<?cs var:Item.id ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("item_title", L.committee_admin.field.item_title, Form.item_title, "text", 1, "") ?>
<?cs call:textarea("item_description", L.committee_admin.field.item_description, Form.item_description, 0, "") ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/meetings/<?cs var:Meeting.id ?>#agenda"><?cs var:L.form.cancel ?></a></div>
</form>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.committee_admin.delete_item ?></h2>
<p><?cs var:L.committee_admin.delete_item_text ?></p>
<form method="post" action="/admin/agenda/<?cs var:Item.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs var:L.committee_admin.delete ?></button></div>
</form>
</section>
<?cs include:"footer.cs" ?>
