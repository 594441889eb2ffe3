<?cs # admin_people.cs - a technopark's people in the admin, hidden ones included: edit, add, history. ?>
<?cs if:Page.Lang != "ko" && TP.name_en ?><?cs set:Page.Title = TP.name_en + " " + L.admin.people ?><?cs else ?><?cs set:Page.Title = TP.name_ko + " " + L.admin.people ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs call:loc(TP.name_ko, TP.name_en) ?> <?cs var:L.admin.people ?></h1>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.people_admin.done[Page.Done] ?></p><?cs /if ?>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Review ?><p class="note"><?cs var:L.people_admin.review_note ?></p><?cs /if ?>
<p class="actions"><a href="/admin/members/<?cs var:url_escape(TP.slug) ?>/people/new"><?cs var:L.people_admin.add ?></a>
<a href="/members/<?cs var:url_escape(TP.slug) ?>"><?cs var:L.people_admin.view_public ?></a></p>
<?cs if:subcount(People) == 0 ?><p role="status"><?cs var:L.member.no_people ?></p><?cs else ?>
<div class="table-wrap">
<table class="people">
<caption><?cs call:loc(TP.name_ko, TP.name_en) ?> <?cs var:L.member.people ?> (<?cs var:subcount(People) ?><?cs var:L.people.found ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.field.name ?></th><th scope="col"><?cs var:L.field.title ?></th><th scope="col"><?cs var:L.field.department ?></th><th scope="col"><?cs var:L.field.phone ?></th><th scope="col"><?cs var:L.field.email ?></th><th scope="col"><?cs var:L.field.sort ?></th><th scope="col"><?cs var:L.field.visible ?></th><th scope="col"><?cs var:L.people_admin.actions ?></th></tr></thead>
<tbody>
<?cs each:p = People ?><tr>
<th scope="row" data-label="<?cs var:L.field.name ?>"><a href="/admin/people/<?cs var:p.id ?>"><?cs call:ko(p.name) ?></a><?cs if:p.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.field.title ?>"><?cs call:ko(p.title) ?></td>
<td data-label="<?cs var:L.field.department ?>"><?cs call:ko(p.department) ?></td>
<td data-label="<?cs var:L.field.phone ?>"><?cs var:p.phone ?></td>
<td data-label="<?cs var:L.field.email ?>"><?cs var:p.email ?></td>
<td class="num" data-label="<?cs var:L.field.sort ?>"><?cs var:p.sort ?></td>
<td data-label="<?cs var:L.field.visible ?>"><?cs if:p.visible == 1 ?><?cs var:L.people_admin.visible_yes ?><?cs else ?><span class="badge warn"><?cs var:L.people_admin.visible_no ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.people_admin.actions ?>"><a href="/admin/people/<?cs var:p.id ?>"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:L.people_admin.edit ?>: <?cs var:p.name ?>"<?cs /if ?>><?cs var:L.people_admin.edit ?><?cs call:vh_name(p.name) ?></a>
<a href="/admin/history?entity=person&amp;id=<?cs var:p.id ?>"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:L.admin.history ?>: <?cs var:p.name ?>"<?cs /if ?>><?cs var:L.admin.history ?><?cs call:vh_name(p.name) ?></a></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs include:"footer.cs" ?>
