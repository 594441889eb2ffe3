<?cs # admin_library_kind.cs - edit one kind of library documents (the secretariat). ?>
<?cs set:Page.Title = L.library_admin.kind.edit ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<p class="crumbs"><a href="/admin/library/kinds"><?cs var:L.library_admin.kinds ?></a></p>
<h1><?cs var:L.library_admin.kind.edit ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs call:form_errors() ?>
<form method="post" action="/admin/library/kinds/<?cs var:Kind.id ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:input("slug", L.library_admin.kind.slug, Form.slug, "text", 1, L.library_admin.kind.slug_hint) ?>
<?cs call:input("name_ko", L.library_admin.kind.name_ko, Form.name_ko, "text", 1, "") ?>
<?cs call:input("name_en", L.library_admin.kind.name_en, Form.name_en, "text", 1, "") ?>
<?cs call:input("sort", L.library_admin.kind.sort, Form.sort, "number", 0, "") ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/library/kinds"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
