<?cs # admin_library_kinds.cs - the kinds of library documents (the secretariat's table): the list, and a
form to add one. Each kind has a Korean and an English name (the English pages, issue 17). ?>
<?cs set:Page.Title = L.library_admin.kinds ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<p class="crumbs"><a href="/admin/library"><?cs var:L.library_admin.title ?></a></p>
<h1><?cs var:L.library_admin.kinds ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.library_admin.done[Page.Done] ?></p><?cs /if ?>
<div class="table-wrap">
<table class="cards library-kinds">
<caption><?cs var:L.library_admin.kinds ?></caption>
<thead><tr><th scope="col"><?cs var:L.library_admin.kind.name_ko ?></th><th scope="col"><?cs var:L.library_admin.kind.name_en ?></th><th scope="col"><?cs var:L.library_admin.kind.slug ?></th><th scope="col"><?cs var:L.library_admin.kind.sort ?></th></tr></thead>
<tbody>
<?cs each:k = Kinds ?><tr>
<th scope="row" data-label="<?cs var:L.library_admin.kind.name_ko ?>"><a href="/admin/library/kinds/<?cs var:k.id ?>"><?cs call:ko(k.name_ko) ?></a></th>
<td data-label="<?cs var:L.library_admin.kind.name_en ?>" lang="en"><?cs var:k.name_en ?></td>
<td data-label="<?cs var:L.library_admin.kind.slug ?>"><code><?cs var:k.slug ?></code></td>
<td data-label="<?cs var:L.library_admin.kind.sort ?>"><?cs var:k.sort ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<section aria-labelledby="new-kind-h">
<h2 id="new-kind-h"><?cs var:L.library_admin.kind.new ?></h2>
<?cs call:form_errors() ?>
<form method="post" action="/admin/library/kinds" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:input("slug", L.library_admin.kind.slug, Form.slug, "text", 1, L.library_admin.kind.slug_hint) ?>
<?cs call:input("name_ko", L.library_admin.kind.name_ko, Form.name_ko, "text", 1, "") ?>
<?cs call:input("name_en", L.library_admin.kind.name_en, Form.name_en, "text", 1, "") ?>
<?cs call:input("sort", L.library_admin.kind.sort, Form.sort, "number", 0, "") ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button></div>
</form>
</section>
<?cs include:"footer.cs" ?>
