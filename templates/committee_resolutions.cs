<?cs # committee_resolutions.cs - every resolution of a committee, newest meeting first, by year and outcome. ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en + " " + L.committee.resolutions ?><?cs else ?><?cs set:Page.Title = Committee.name_ko + " " + L.committee.resolutions ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "committees" ?>
<?cs include:"header.cs" ?>
<?cs include:"committee_macros.cs" ?>
<p class="crumbs"><a href="/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee.resolutions ?></h1>
<form class="filters" method="get" action="/committees/<?cs var:url_escape(Committee.slug) ?>/resolutions" aria-label="<?cs var:L.committee.filter ?>">
<div class="field">
<label for="f-year"><?cs var:L.committee.year ?></label>
<select id="f-year" name="year">
<option value=""><?cs var:L.all ?></option>
<?cs each:y = Years ?><option value="<?cs var:y.year ?>"<?cs if:y.year == Filter.year ?> selected<?cs /if ?>><?cs var:y.year ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-outcome"><?cs var:L.committee.outcome_label ?></label>
<select id="f-outcome" name="outcome">
<option value=""><?cs var:L.all ?></option>
<?cs each:o = L.committee.outcome ?><option value="<?cs name:o ?>"<?cs if:Filter.outcome == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option>
<?cs /each ?></select>
</div>
<div class="field actions">
<button type="submit"><?cs var:L.apply ?></button>
<?cs if:Filter.year || Filter.outcome ?><a href="/committees/<?cs var:url_escape(Committee.slug) ?>/resolutions"><?cs var:L.members.reset ?></a><?cs /if ?>
</div>
</form>
<p class="count" role="status"><?cs var:subcount(Resolutions) ?><?cs var:L.committee.count ?></p>
<?cs if:subcount(Resolutions) ?>
<div class="table-wrap">
<table class="resolutions">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee.resolutions ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.date ?></th><th scope="col"><?cs var:L.committee.meeting ?></th><th scope="col"><?cs var:L.committee.agenda_item ?></th><th scope="col"><?cs var:L.committee.resolution ?></th><th scope="col"><?cs var:L.committee.outcome_label ?></th><th scope="col"><?cs var:L.committee.votes ?></th></tr></thead>
<tbody>
<?cs each:r = Resolutions ?><tr>
<td data-label="<?cs var:L.committee.date ?>"><?cs var:r.date ?></td>
<td data-label="<?cs var:L.committee.meeting ?>"><a href="/committees/<?cs var:url_escape(Committee.slug) ?>/meetings/<?cs var:r.meeting_id ?>"><?cs call:ko(r.meeting_title) ?></a><?cs call:demo_badge(r) ?></td>
<td data-label="<?cs var:L.committee.agenda_item ?>"><?cs var:r.item_position ?>. <?cs call:ko(r.item_title) ?></td>
<th scope="row" data-label="<?cs var:L.committee.resolution ?>"><?cs call:ko(r.body) ?></th>
<td data-label="<?cs var:L.committee.outcome_label ?>"><?cs call:outcome(r) ?></td>
<td class="votes" data-label="<?cs var:L.committee.votes ?>"><?cs call:votes(r) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_resolutions ?></p><?cs /if ?>
<?cs include:"footer.cs" ?>
