<?cs # admin_library.cs - the library documents this user may edit (deleted ones too), newest first, in
keyset pages of 20; the secretariat also reaches the kinds table from here. ?>
<?cs set:Page.Title = L.library_admin.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.library_admin.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.library_admin.done[Page.Done] ?></p><?cs /if ?>
<p class="actions"><a href="/admin/library/new"><?cs var:L.library_admin.new ?></a> <a href="/library"><?cs var:L.library_admin.view_public ?></a><?cs if:User.role == "secretariat" ?> <a href="/admin/library/kinds"><?cs var:L.library_admin.kinds ?></a><?cs /if ?></p>
<p class="note"><?cs var:L.library_admin.live_note ?></p>
<?cs if:subcount(Documents) == 0 ?><p role="status"><?cs var:L.library.empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="admin-library cards">
<caption><?cs var:L.library_admin.title ?></caption>
<thead><tr><th scope="col"><?cs var:L.library_admin.field.title ?></th><th scope="col"><?cs var:L.library.kind ?></th><th scope="col"><?cs var:L.library.publisher ?></th><th scope="col"><?cs var:L.library.year ?></th><th scope="col"><?cs var:L.library.files ?></th><th scope="col"><?cs var:L.library.updated ?></th></tr></thead>
<tbody>
<?cs each:d = Documents ?><tr>
<th scope="row" data-label="<?cs var:L.library_admin.field.title ?>"><a href="/admin/library/<?cs var:d.id ?>"><?cs call:ko(d.title) ?></a><?cs if:d.deleted == 1 ?> <span class="badge warn"><?cs var:L.library_admin.deleted ?></span><?cs /if ?><?cs if:d.audience == "signed_in" ?> <span class="badge members"><?cs var:L.library.signed_in_badge ?></span><?cs /if ?><?cs if:d.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.library.kind ?>"><?cs call:loc(d.kind_name, d.kind_name_en) ?></td>
<td data-label="<?cs var:L.library.publisher ?>"><?cs if:d.tp_name ?><?cs call:loc(d.tp_name, d.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?></td>
<td data-label="<?cs var:L.library.year ?>"><?cs var:d.year ?></td>
<td data-label="<?cs var:L.library.files ?>"><?cs var:d.files ?></td>
<td data-label="<?cs var:L.library.updated ?>"><?cs var:d.updated ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs if:Page.NotFirst || Page.Older ?><nav class="pager" aria-label="<?cs var:L.news.pages ?>">
<?cs if:Page.NotFirst ?><a href="/admin/library"><?cs var:L.library_admin.first_page ?></a><?cs /if ?>
<?cs if:Page.Older ?><a rel="next" href="/admin/library?before=<?cs var:Page.Older ?>"><?cs var:L.next ?></a><?cs /if ?>
</nav><?cs /if ?>
<?cs include:"footer.cs" ?>
