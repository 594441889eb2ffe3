<?cs # committee.cs - one committee: its purpose, its composition today or on a past day, every term on
request, its meetings ahead and behind, and the links to its resolutions and calendar. ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en ?><?cs else ?><?cs set:Page.Title = Committee.name_ko ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "committees" ?>
<?cs include:"header.cs" ?>
<?cs include:"committee_macros.cs" ?>
<?cs include:"source_marks.cs" ?>
<p class="crumbs"><a href="/committees"><?cs var:L.committee.back ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?></h1>
<dl class="facts">
<?cs if:Page.Lang != "ko" ?><dt><?cs var:L.member.name_ko ?></dt><dd lang="ko"><?cs var:Committee.name_ko ?></dd><?cs /if ?>
<dt><?cs var:L.member.name_en ?></dt><dd><span lang="en"><?cs call:fact(Committee.name_en) ?></span><?cs call:en_mark(Committee.name_en_derived) ?></dd>
<dt><?cs var:L.committee.purpose ?></dt><dd><?cs call:fact_loc(Committee.purpose, Committee.purpose_en) ?><?cs call:tr_mark(Committee.texts_en_derived, Committee.purpose_en) ?></dd>
<dt><?cs var:L.committee.composition ?></dt><dd><?cs call:fact_loc(Committee.composition, Committee.composition_en) ?><?cs call:tr_mark(Committee.texts_en_derived, Committee.composition_en) ?></dd>
</dl>
<ul class="tags">
<li><a href="/committees/<?cs var:url_escape(Committee.slug) ?>/resolutions"><?cs var:L.committee.all_resolutions ?></a></li>
<li><a href="/committees/<?cs var:url_escape(Committee.slug) ?>/calendar.ics"><?cs var:L.committee.calendar ?></a></li>
<?cs if:Page.CanManage ?><li><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.committee.manage ?></a></li><?cs /if ?>
</ul>

<section aria-labelledby="seats-h">
<h2 id="seats-h"><?cs if:Page.At ?><?cs var:Page.At ?> <?cs var:L.committee.members_on ?><?cs else ?><?cs var:L.committee.members_now ?><?cs /if ?></h2>
<form class="filters" method="get" action="/committees/<?cs var:url_escape(Committee.slug) ?>" aria-label="<?cs var:L.committee.at_form ?>">
<?cs # A date that is no day (Refused.at, 422) is shown back in the field with its message. ?>
<div class="field<?cs if:?Refused.at ?> invalid<?cs /if ?>">
<label for="f-at"><?cs var:L.committee.at_label ?></label>
<input type="text" id="f-at" name="at" maxlength="10" value="<?cs if:?Refused.at ?><?cs var:Refused.at ?><?cs else ?><?cs var:Page.At ?><?cs /if ?>"<?cs if:?Refused.at ?> aria-invalid="true" aria-describedby="f-at-err f-at-hint"<?cs else ?> aria-describedby="f-at-hint"<?cs /if ?>>
<span class="hint" id="f-at-hint"><?cs var:L.committee.at_hint ?></span>
<?cs if:?Refused.at ?><p class="field-error" id="f-at-err" role="alert"><?cs var:L.committee.at_bad ?></p><?cs /if ?>
</div>
<?cs if:Page.History ?><input type="hidden" name="history" value="1"><?cs /if ?>
<div class="field actions">
<button type="submit"><?cs var:L.committee.at_submit ?></button>
<?cs if:Page.At ?><a href="/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.committee.back_to_now ?></a><?cs /if ?>
</div>
</form>
<?cs if:subcount(Members) ?>
<div class="table-wrap">
<table class="seats">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs if:Page.At ?><?cs var:Page.At ?> <?cs var:L.committee.members_on ?><?cs else ?><?cs var:L.committee.members_now ?><?cs /if ?> (<?cs var:subcount(Members) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.term ?></th></tr></thead>
<tbody>
<?cs each:s = Members ?><tr>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<th scope="row" data-label="<?cs var:L.committee.member ?>"><?cs call:seat_name(s) ?></th>
<td data-label="<?cs var:L.committee.term ?>"><?cs call:term(s) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_members ?></p><?cs /if ?>
</section>

<section aria-labelledby="terms-h">
<h2 id="terms-h"><?cs var:L.committee.history ?></h2>
<?cs if:Page.History ?>
<p><a href="/committees/<?cs var:url_escape(Committee.slug) ?><?cs if:Page.At ?>?at=<?cs var:url_escape(Page.At) ?><?cs /if ?>"><?cs var:L.committee.history_hide ?></a></p>
<?cs if:subcount(Terms) ?>
<div class="table-wrap">
<table class="terms">
<caption><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee.history ?> (<?cs var:subcount(Terms) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.committee.term ?></th></tr></thead>
<tbody>
<?cs each:s = Terms ?><tr>
<th scope="row" data-label="<?cs var:L.committee.member ?>"><?cs call:seat_name(s) ?></th>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<td data-label="<?cs var:L.committee.term ?>"><?cs call:term(s) ?><?cs if:s.note ?><br><span class="note"><?cs call:ko(s.note) ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_members ?></p><?cs /if ?>
<?cs else ?>
<p><a href="/committees/<?cs var:url_escape(Committee.slug) ?>?history=1<?cs if:Page.At ?>&amp;at=<?cs var:url_escape(Page.At) ?><?cs /if ?>#terms-h"><?cs var:L.committee.history_show ?></a></p>
<?cs /if ?>
</section>

<section aria-labelledby="up-h">
<h2 id="up-h"><?cs var:L.committee.upcoming ?></h2>
<?cs if:subcount(Upcoming) ?><?cs call:meeting_table(Upcoming, L.committee.upcoming, Committee.slug, 0) ?><?cs else ?><p><?cs var:L.committee.no_upcoming ?></p><?cs /if ?>
</section>

<section aria-labelledby="past-h">
<h2 id="past-h"><?cs var:L.committee.past ?></h2>
<?cs if:subcount(Past) ?><?cs call:meeting_table(Past, L.committee.past, Committee.slug, 0) ?><?cs else ?><p><?cs var:L.committee.no_past ?></p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
