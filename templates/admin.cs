<?cs # admin.cs - the admin start page. ?>
<?cs set:Page.Title = L.admin.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.admin.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<p><?cs var:L.login.signed_in_as ?> <span<?cs call:ko_lang() ?>><?cs var:User.name ?></span> (<?cs var:L.role[User.role] ?>)</p>
<?cs if:subcount(Decided) ?><section class="decided" aria-labelledby="decided-h">
<h2 id="decided-h"><?cs var:L.my_requests.decided_title ?></h2>
<ul>
<?cs each:d = Decided ?><li><a href="/admin/requests/<?cs var:d.id ?>"><?cs var:L.request.title ?> #<?cs var:d.id ?> (<?cs var:L.request["entity_" + d.entity] ?> <?cs var:L.request["action_" + d.action] ?>)</a>: <span class="state state-<?cs var:d.state ?>"><?cs var:L.request["state_" + d.state] ?></span>, <span class="at"><?cs var:d.reviewed_at ?></span><?cs if:d.reviewed_by ?> <?cs call:ko(d.reviewed_by) ?><?cs /if ?><?cs if:d.review_comment ?><br><?cs var:L.request.comment ?>: <?cs call:ko(d.review_comment) ?><?cs /if ?></li>
<?cs /each ?></ul>
<p class="note"><?cs var:L.my_requests.decided_note ?></p>
</section><?cs /if ?>
<p><a href="/admin/requests?mine=1"><?cs var:L.my_requests.title ?></a><?cs if:Mine.pending > 0 ?> (<?cs var:Mine.pending ?><?cs var:L.admin.pending_count ?>)<?cs /if ?></p>
<?cs if:Page.Secretariat ?><p><a href="/admin/requests?state=pending"><?cs var:L.admin.review ?>: <?cs var:Pending.n ?><?cs var:L.admin.pending_count ?></a></p><?cs /if ?>
<?cs if:Page.Secretariat ?><?cs include:"admin_mail_failed.cs" ?><?cs /if ?>
<div class="table-wrap">
<table>
<caption><?cs if:Page.Secretariat ?><?cs var:L.admin.all_tps ?><?cs else ?><?cs var:L.admin.your_tp ?><?cs /if ?></caption>
<thead><tr><th scope="col"><?cs var:L.people.org ?></th><th scope="col"><?cs var:L.admin.profile ?></th><th scope="col"><?cs var:L.admin.people ?></th><th scope="col"><?cs var:L.admin.review ?></th></tr></thead>
<tbody>
<?cs each:t = TPs ?><tr>
<th scope="row" data-label="<?cs var:L.people.org ?>"><a href="/members/<?cs var:url_escape(t.slug) ?>"><?cs call:loc(t.name_ko, t.name_en) ?></a></th>
<td data-label="<?cs var:L.admin.profile ?>"><a href="/admin/members/<?cs var:url_escape(t.slug) ?>"><?cs var:L.admin.profile ?></a></td>
<td data-label="<?cs var:L.admin.people ?>"><a href="/admin/members/<?cs var:url_escape(t.slug) ?>/people"><?cs var:L.admin.people ?></a></td>
<td class="num" data-label="<?cs var:L.admin.review ?>"><?cs if:t.pending > 0 ?><a href="/admin/requests?tp=<?cs var:url_escape(t.slug) ?>&amp;state=pending"><?cs var:t.pending ?></a><?cs else ?>0<?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs include:"footer.cs" ?>
