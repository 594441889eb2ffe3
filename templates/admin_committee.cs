<?cs # admin_committee.cs - one committee in the admin: every term (current, past, ahead), its meetings, and
(for the secretariat) the accounts that may manage it. ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en + " " + L.committee_admin.title ?><?cs else ?><?cs set:Page.Title = Committee.name_ko + " " + L.committee_admin.title ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<?cs include:"committee_macros.cs" ?>
<p class="crumbs"><a href="/admin/committees"><?cs var:L.committee_admin.title ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.title ?></h1>
<?cs call:cnav() ?>
<?cs call:done() ?>
<?cs call:cform_errors() ?>
<p><a href="/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.committee_admin.public_page ?></a><?cs if:Page.Secretariat ?> ·
<a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/texts"><?cs var:L.committee_texts.edit ?></a><?cs /if ?></p>

<section aria-labelledby="seats-h">
<h2 id="seats-h"><?cs var:L.committee_admin.seats ?></h2>
<p class="actions"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/seats/new"><?cs var:L.committee_admin.seat_add ?></a></p>
<?cs if:subcount(Seats) ?>
<div class="table-wrap">
<table class="seats">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.seats ?> (<?cs var:subcount(Seats) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.committee.term ?></th><th scope="col"><?cs var:L.committee_admin.term_state ?></th><th scope="col"><?cs var:L.committee_admin.actions ?></th></tr></thead>
<tbody>
<?cs each:s = Seats ?><tr>
<th scope="row" data-label="<?cs var:L.committee.member ?>"><?cs if:s.tp_name ?><?cs call:loc(s.tp_name, s.tp_name_en) ?> <span class="note">(<?cs var:L.committee.representative ?>)</span><?cs elif:s.person ?><?cs call:ko(s.person) ?><?cs if:s.org ?> <span class="note">(<?cs call:loc(s.org, s.org_en) ?>)</span><?cs /if ?><?cs if:s.person_visible == 0 ?> <span class="badge warn"><?cs var:L.committee_admin.hidden_person ?></span><?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs if:s.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<td data-label="<?cs var:L.committee.term ?>"><?cs call:term(s) ?></td>
<td data-label="<?cs var:L.committee_admin.term_state ?>"><?cs var:L.committee_admin.state[s.state] ?></td>
<td data-label="<?cs var:L.committee_admin.actions ?>"><a href="/admin/seats/<?cs var:s.id ?>"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs if:s.tp_name ?><?cs var:s.tp_name ?><?cs else ?><?cs var:s.person ?><?cs /if ?> <?cs var:L.committee.role[s.role] ?> <?cs var:s.term_start ?>: <?cs var:L.committee_admin.edit ?>"<?cs /if ?>><?cs var:L.committee_admin.edit ?><?cs if:Page.Lang != "ko" ?><span class="vh">: <?cs if:s.tp_name ?><?cs call:loc(s.tp_name, s.tp_name_en) ?><?cs else ?><span lang="ko"><?cs var:s.person ?></span><?cs /if ?> <?cs var:L.committee.role[s.role] ?> <?cs var:s.term_start ?></span><?cs /if ?></a></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_members ?></p><?cs /if ?>
</section>

<?cs if:subcount(Rules) ?>
<section aria-labelledby="rules-h" class="conflict">
<h2 id="rules-h"><?cs var:L.committee_rules.title ?></h2>
<p><?cs var:L.committee_rules.intro ?></p>
<div class="table-wrap">
<table class="rules">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_rules.title ?> (<?cs var:subcount(Rules) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.date ?></th><th scope="col"><?cs var:L.committee.meeting ?></th><th scope="col"><?cs var:L.committee_rules.rule ?></th></tr></thead>
<tbody>
<?cs each:r = Rules ?><tr>
<td class="nowrap" data-label="<?cs var:L.committee.date ?>"><?cs var:r.starts_at ?></td>
<th scope="row" data-label="<?cs var:L.committee.meeting ?>"><a href="/admin/meetings/<?cs var:r.id ?>"><?cs call:ko(r.title) ?></a></th>
<td data-label="<?cs var:L.committee_rules.rule ?>"><?cs var:L.committee_rules.rules[r.rule] ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
</section>
<?cs /if ?>
<section aria-labelledby="meetings-h">
<h2 id="meetings-h"><?cs var:L.committee_admin.meetings ?></h2>
<p class="actions"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/meetings/new"><?cs var:L.committee_admin.meeting_add ?></a></p>
<?cs if:subcount(Meetings) ?>
<div class="table-wrap">
<table class="meetings">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.meetings ?> (<?cs var:subcount(Meetings) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.date ?></th><th scope="col"><?cs var:L.committee.meeting ?></th><th scope="col"><?cs var:L.committee.status_label ?></th><th scope="col"><?cs var:L.meeting.agenda ?></th><th scope="col"><?cs var:L.meeting.minutes ?></th></tr></thead>
<tbody>
<?cs each:m = Meetings ?><tr>
<td data-label="<?cs var:L.committee.date ?>"><?cs var:m.date ?> (<?cs var:L.committee.dow[m.dow] ?>) <?cs var:m.starts ?></td>
<th scope="row" data-label="<?cs var:L.committee.meeting ?>"><a href="/admin/meetings/<?cs var:m.id ?>"><?cs call:ko(m.title) ?></a><?cs call:demo_badge(m) ?></th>
<td data-label="<?cs var:L.committee.status_label ?>"><?cs call:status(m) ?></td>
<td class="num" data-label="<?cs var:L.meeting.agenda ?>"><?cs var:m.items ?></td>
<td data-label="<?cs var:L.meeting.minutes ?>"><?cs if:m.minutes_published == 1 ?><?cs var:L.committee_admin.minutes_is_published ?><?cs elif:m.minutes_published == 0 && string.length(m.minutes_published) > 0 ?><?cs var:L.committee_admin.minutes_draft ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_past ?></p><?cs /if ?>
</section>

<section aria-labelledby="secr-h">
<h2 id="secr-h"><?cs var:L.committee_admin.secretaries ?></h2>
<p><?cs var:L.committee_admin.secretaries_text ?></p>
<?cs if:Page.SecretaryConflict ?>
<section class="conflict" role="alert" aria-labelledby="secr-conflict-h">
<h3 id="secr-conflict-h"><?cs var:L.form.conflict_title ?></h3>
<p><?cs var:L.committee_admin.secretary_conflict[Page.SecretaryConflict] ?></p>
</section>
<?cs /if ?>
<?cs if:subcount(Secretaries) ?><ul>
<?cs each:u = Secretaries ?><li><?cs call:ko(u.display_name) ?> (<?cs var:u.login ?>, <?cs var:L.role[u.role] ?>)<?cs if:u.active == 0 ?> <span class="badge warn"><?cs var:L.users.active_no ?></span><?cs /if ?>
<?cs if:Page.Secretariat ?><form method="post" action="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/secretaries/<?cs var:u.id ?>/delete" class="inline"><?cs call:csrf() ?><input type="hidden" name="appointment" value="<?cs var:u.appointment ?>"><input type="hidden" name="version" value="<?cs var:u.version ?>"><button type="submit" class="link"<?cs if:Page.Lang == "ko" ?> aria-label="<?cs var:u.display_name ?>: <?cs var:L.committee_admin.secretary_remove ?>"<?cs /if ?>><?cs var:L.committee_admin.secretary_remove ?><?cs call:vh_name(u.display_name) ?></button></form><?cs /if ?></li>
<?cs /each ?></ul><?cs else ?><p><?cs var:L.committee_admin.secretaries_none ?></p><?cs /if ?>
<?cs if:Page.Secretariat ?>
<form method="post" action="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/secretaries" class="stacked narrow">
<?cs call:csrf() ?>
<input type="hidden" name="key" value="<?cs var:Form.key.value ?>">
<div class="field<?cs if:Form.user.error ?> invalid<?cs /if ?>">
<label for="f-user"><?cs var:L.committee_admin.field.user ?></label>
<select<?cs call:field_attrs("user", Form.user, 0) ?>>
<option value=""><?cs var:L.committee_admin.choose ?></option>
<?cs each:u = Candidates ?><option value="<?cs var:u.id ?>"<?cs if:Form.user.value == u.id ?> selected<?cs /if ?><?cs call:ko_lang() ?>><?cs var:u.display_name ?> (<?cs var:u.login ?>, <?cs var:L.role[u.role] ?>)</option>
<?cs /each ?></select>
<?cs call:field_msg("user", Form.user) ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.committee_admin.secretary_add ?></button></div>
</form>
<?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
