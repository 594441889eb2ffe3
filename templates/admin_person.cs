<?cs # admin_person.cs - add or edit one person; a stale save merges three ways; a conflict shows only the fields both changed (form.cs conflict()). ?>
<?cs if:Person.id ?><?cs set:Page.Heading = L.people_admin.edit_title ?><?cs else ?><?cs set:Page.Heading = L.people_admin.new_title ?><?cs /if ?>
<?cs if:Page.Lang != "ko" && TP.name_en ?><?cs set:Page.Title = TP.name_en + " " + Page.Heading ?><?cs else ?><?cs set:Page.Title = TP.name_ko + " " + Page.Heading ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs if:TP.slug ?><?cs set:Page.ListUrl = "/admin/members/" + url_escape(TP.slug) + "/people" ?><?cs else ?><?cs set:Page.ListUrl = "/people?tp=association" ?><?cs /if ?>
<p class="crumbs"><a href="<?cs var:Page.ListUrl ?>"><?cs call:loc(TP.name_ko, TP.name_en) ?> <?cs var:L.admin.people ?></a></p>
<h1><?cs call:loc(TP.name_ko, TP.name_en) ?> <?cs var:Page.Heading ?><?cs if:Person.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs if:Page.Review ?><p class="note"><?cs var:L.people_admin.review_note ?></p><?cs /if ?>
<?cs if:Person.id ?><p><a href="/admin/history?entity=person&amp;id=<?cs var:Person.id ?>"><?cs var:L.admin.record_history ?></a></p><?cs /if ?>

<?cs if:Page.DeleteConflict ?>
<section class="conflict" role="alert" aria-labelledby="conflict-h">
<h2 id="conflict-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.people_admin.delete_conflict ?></p>
</section>
<?cs /if ?>

<?cs call:form_errors() ?>
<form method="post" action="<?cs if:Person.id ?>/admin/people/<?cs var:Person.id ?><?cs else ?>/admin/members/<?cs var:url_escape(TP.slug) ?>/people<?cs /if ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("name", L.field.name, Form.name, "text", 1, "") ?>
<?cs call:input("title", L.field.title, Form.title, "text", 0, "") ?>
<?cs call:input("department", L.field.department, Form.department, "text", 0, "") ?>
<?cs call:input("phone", L.field.phone, Form.phone, "tel", 0, L.people_admin.phone_hint) ?>
<?cs call:input("email", L.field.email, Form.email, "email", 0, "") ?>
<?cs call:input("sort", L.field.sort, Form.sort, "number", 0, L.people_admin.sort_hint) ?>
<?cs call:checkbox("visible", L.people_admin.visible_label, Form.visible) ?>
<div class="actions"><button type="submit"><?cs if:Page.Review ?><?cs var:L.form.submit ?><?cs else ?><?cs var:L.form.save ?><?cs /if ?></button>
<a href="<?cs var:Page.ListUrl ?>"><?cs var:L.form.cancel ?></a></div>
</form>

<?cs if:Person.id ?>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.people_admin.delete_title ?></h2>
<p><?cs if:Page.Review ?><?cs var:L.people_admin.delete_review_text ?><?cs else ?><?cs var:L.people_admin.delete_text ?><?cs /if ?></p>
<form method="post" action="/admin/people/<?cs var:Person.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs if:Page.Review ?><?cs var:L.people_admin.delete_submit ?><?cs else ?><?cs var:L.people_admin.delete ?><?cs /if ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
