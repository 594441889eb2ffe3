<?cs # members.cs - the member directory with filters (plain GET form) and sorting. ?>
<?cs set:Page.Title = L.members.title ?><?cs set:Page.Nav = "members" ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<h1><?cs var:L.members.title ?></h1>
<form class="filters" method="get" action="/members" aria-label="<?cs var:L.members.filter ?>">
<div class="field">
<label for="f-region"><?cs var:L.members.region ?></label>
<select id="f-region" name="region">
<option value=""><?cs var:L.all ?></option>
<?cs each:r = Regions ?><option value="<?cs var:r.slug ?>"<?cs if:r.selected ?> selected<?cs /if ?><?cs call:loc_lang(r.name_en) ?>><?cs call:loc_text(r.name_ko, r.name_en) ?> (<?cs var:r.n ?>)</option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-industry"><?cs var:L.members.industry ?></label>
<select id="f-industry" name="industry">
<option value=""><?cs var:L.all ?></option>
<?cs each:i = Industries ?><option value="<?cs var:i.slug ?>"<?cs if:i.selected ?> selected<?cs /if ?><?cs call:loc_lang(i.name_en) ?>><?cs call:loc_text(i.name_ko, i.name_en) ?> (<?cs var:i.n ?>)</option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-sort"><?cs var:L.members.sort ?></label>
<select id="f-sort" name="sort">
<option value="name"<?cs if:Filter.sort == "name" ?> selected<?cs /if ?>><?cs var:L.members.sort_name ?></option>
<option value="joined"<?cs if:Filter.sort == "joined" ?> selected<?cs /if ?>><?cs var:L.members.sort_joined ?></option>
</select>
</div>
<div class="field actions">
<button type="submit"><?cs var:L.apply ?></button>
<?cs if:Filter.region || Filter.industry ?><a href="/members"><?cs var:L.members.reset ?></a><?cs /if ?>
</div>
</form>

<p class="count" role="status"><?cs var:MemberCount ?><?cs var:L.members.count ?></p>
<?cs if:User.login && MemberCount > 0 ?><p class="exports"><a href="/members.csv?region=<?cs var:url_escape(Filter.region) ?>&amp;industry=<?cs var:url_escape(Filter.industry) ?>" download><?cs var:L.export.csv ?></a> <span class="meta"><?cs var:L.export.csv_note ?></span></p><?cs /if ?>
<?cs if:MemberCount == 0 ?>
<p><?cs var:L.members.empty ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="members">
<caption><?cs var:L.members.title ?></caption>
<thead><tr><th scope="col"><?cs var:L.members.name ?></th><th scope="col"><?cs var:L.members.region ?></th><th scope="col"><?cs var:L.members.joined ?></th><th scope="col"><?cs var:L.members.industry ?></th></tr></thead>
<tbody>
<?cs each:m = Members ?><tr>
<th scope="row" data-label="<?cs var:L.members.name ?>"><a href="/members/<?cs var:url_escape(m.slug) ?>"<?cs if:Page.Lang == "ko" || !m.name_en ?><?cs call:ko_lang() ?><?cs /if ?>><?cs call:loc_text(m.name_ko, m.name_en) ?></a><?cs if:m.name_en ?><br><?cs if:Page.Lang == "ko" ?><span class="en" lang="en"><?cs var:m.name_en ?></span><?cs else ?><span class="en" lang="ko"><?cs call:loc(m.name_ko, m.name_en) ?></span><?cs /if ?><?cs if:m.name_en_derived == 1 ?><span class="note derived" title="<?cs var:L.source.name_en_derived_title ?>">*</span><?cs set:Page.EnDerived = 1 ?><?cs /if ?><?cs /if ?></th>
<td data-label="<?cs var:L.members.region ?>"><a href="/members?region=<?cs var:url_escape(m.region_slug) ?>"><?cs call:loc(m.region, m.region_en) ?></a><?cs call:region_mark(m.region_derived) ?></td>
<td data-label="<?cs var:L.members.joined ?>"><?cs if:m.joined_year ?><?cs var:m.joined_year ?><?cs if:m.founding_member == 1 ?> <span class="badge"><?cs var:L.members.founding ?></span><?cs /if ?><?cs elif:m.joined_note ?><span class="note"<?cs call:ko_lang() ?>><?cs call:ko(m.joined_note) ?></span><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.members.industry ?>"><?cs call:fact_loc(m.industries, m.industries_en) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs if:Page.EnDerived ?><p class="note derived">* <?cs var:L.source.name_en_note ?></p><?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
