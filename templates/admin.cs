<?cs # admin.cs - the admin start page. ?>
<?cs set:Page.Title = L.admin.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.admin.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<p><?cs var:L.login.signed_in_as ?> <?cs var:User.name ?> (<?cs var:L.role[User.role] ?>)</p>
<?cs if:Page.Secretariat ?><p><a href="/admin/requests?state=pending"><?cs var:L.admin.review ?>: <?cs var:Pending.n ?><?cs var:L.admin.pending_count ?></a></p><?cs /if ?>
<div class="table-wrap">
<table>
<caption><?cs if:Page.Secretariat ?><?cs var:L.admin.all_tps ?><?cs else ?><?cs var:L.admin.your_tp ?><?cs /if ?></caption>
<thead><tr><th scope="col"><?cs var:L.people.org ?></th><th scope="col"><?cs var:L.admin.profile ?></th><th scope="col"><?cs var:L.admin.people ?></th><th scope="col"><?cs var:L.admin.review ?></th></tr></thead>
<tbody>
<?cs each:t = TPs ?><tr>
<th scope="row"><a href="/members/<?cs var:url_escape(t.slug) ?>"><?cs var:t.name_ko ?></a></th>
<td><a href="/admin/members/<?cs var:url_escape(t.slug) ?>"><?cs var:L.admin.profile ?></a></td>
<td><a href="/admin/members/<?cs var:url_escape(t.slug) ?>/people"><?cs var:L.admin.people ?></a></td>
<td class="num"><?cs if:t.pending > 0 ?><a href="/admin/requests?tp=<?cs var:url_escape(t.slug) ?>&amp;state=pending"><?cs var:t.pending ?></a><?cs else ?>0<?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs include:"footer.cs" ?>
