<?cs # admin_committees.cs - the committees this user may manage: all for the secretariat, their own for a secretary. ?>
<?cs set:Page.Title = L.committee_admin.title ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<h1><?cs var:L.committee_admin.title ?></h1>
<?cs call:cnav() ?>
<p><?cs if:Page.Secretariat ?><?cs var:L.committee_admin.intro_secretariat ?><?cs else ?><?cs var:L.committee_admin.intro_secretary ?><?cs /if ?></p>
<?cs if:subcount(Committees) ?>
<div class="table-wrap">
<table class="committees">
<caption><?cs var:L.committee_admin.title ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.committee ?></th><th scope="col"><?cs var:L.committee.seats_now ?></th><th scope="col"><?cs var:L.committee.upcoming ?></th><th scope="col"><?cs var:L.committee_admin.meetings ?></th><th scope="col"><?cs var:L.committee_admin.actions ?></th></tr></thead>
<tbody>
<?cs each:c = Committees ?><tr>
<th scope="row" data-label="<?cs var:L.committee.committee ?>"><a href="/admin/committees/<?cs var:url_escape(c.slug) ?>"><?cs call:loc(c.name_ko, c.name_en) ?></a></th>
<td class="num" data-label="<?cs var:L.committee.seats_now ?>"><?cs var:c.seats ?></td>
<td class="num" data-label="<?cs var:L.committee.upcoming ?>"><?cs var:c.upcoming ?></td>
<td class="num" data-label="<?cs var:L.committee_admin.meetings ?>"><?cs var:c.meetings ?></td>
<td data-label="<?cs var:L.committee_admin.actions ?>"><a href="/admin/committees/<?cs var:url_escape(c.slug) ?>/meetings/new" aria-label="<?cs call:loc_text(c.name_ko, c.name_en) ?>: <?cs var:L.committee_admin.meeting_add ?>"><?cs var:L.committee_admin.meeting_add ?></a></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p role="status"><?cs var:L.committee_admin.none ?></p><?cs /if ?>
<?cs include:"footer.cs" ?>
