<?cs # committee_macros.cs - macros the committee and meeting pages share: when a meeting is, who holds a seat,
a term, a status, a resolution's outcome and votes. Included after header.cs. ?>
<?cs # "2027-03-16 (화) 14:00~16:00"; a meeting over several days names its last day. ?>
<?cs def:when(m) ?><?cs var:m.date ?> (<?cs var:L.committee.dow[m.dow] ?>) <?cs var:m.starts ?>~<?cs if:m.end_date ?><?cs var:m.end_date ?> <?cs /if ?><?cs var:m.ends ?><?cs /def ?>
<?cs # Who holds seat s: a technopark (as its representative), or a person with their organisation. ?>
<?cs def:seat_name(s) ?><?cs if:s.tp_name ?><a href="/members/<?cs var:url_escape(s.tp_slug) ?>"><?cs call:loc(s.tp_name, s.tp_name_en) ?></a> <span class="note">(<?cs var:L.committee.representative ?>)</span><?cs elif:s.hidden ?><span class="unknown"><?cs var:L.committee.hidden ?></span><?cs elif:s.person ?><?cs call:ko(s.person) ?><?cs if:s.org ?> <span class="note">(<?cs call:loc(s.org, s.org_en) ?><?cs if:s.person_title ?> <?cs call:ko(s.person_title) ?><?cs /if ?>)</span><?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs if:s.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs /def ?>
<?cs # A term "2024-03-01 ~ 2026-02-28"; an open end shows nothing after "~", unknown dates say so. ?>
<?cs def:term(s) ?><?cs if:s.term_start || s.term_end ?><?cs if:s.term_start ?><?cs var:s.term_start ?><?cs else ?><span class="unknown"><?cs var:L.committee.term_start_unknown ?></span><?cs /if ?> ~ <?cs var:s.term_end ?><?cs else ?><span class="unknown"><?cs var:L.committee.term_unknown ?></span><?cs /if ?><?cs /def ?>
<?cs def:status(m) ?><span class="state state-<?cs var:m.status ?>"><?cs var:L.committee.status[m.status] ?></span><?cs /def ?>
<?cs # A count that includes demo rows says how many: "(데모 7 포함)". ?>
<?cs def:demo_count(n) ?><?cs if:n > 0 ?> <span class="badge demo" title="<?cs var:L.committee.seats_demo_title ?>">(<?cs var:L.committee.seats_demo ?> <?cs var:n ?> <?cs var:L.committee.seats_demo_incl ?>)</span><?cs /if ?><?cs /def ?>
<?cs # A real row (a member technopark's seat, a vote) inside a demo meeting: the row is demo too. ?>
<?cs def:demo_row(meeting, row) ?><?cs if:meeting.is_demo == 1 && row.is_demo != 1 ?> <span class="badge demo" title="<?cs var:L.meeting.demo_row ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs /def ?>
<?cs def:demo_badge(m) ?><?cs if:m.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.committee.demo_meeting ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs /def ?>
<?cs # Votes as recorded: "찬성 6 · 반대 0 · 기권 1", or that none were recorded. ?>
<?cs def:votes(r) ?><?cs if:string.length(r.votes_for) > 0 || string.length(r.votes_against) > 0 || string.length(r.votes_abstain) > 0 ?><?cs var:L.committee.votes_for ?> <?cs if:string.length(r.votes_for) > 0 ?><?cs var:r.votes_for ?><?cs else ?>-<?cs /if ?> · <?cs var:L.committee.votes_against ?> <?cs if:string.length(r.votes_against) > 0 ?><?cs var:r.votes_against ?><?cs else ?>-<?cs /if ?> · <?cs var:L.committee.votes_abstain ?> <?cs if:string.length(r.votes_abstain) > 0 ?><?cs var:r.votes_abstain ?><?cs else ?>-<?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.committee.votes_unrecorded ?></span><?cs /if ?><?cs /def ?>
<?cs def:outcome(r) ?><span class="outcome outcome-<?cs var:r.outcome ?>"><?cs var:L.committee.outcome[r.outcome] ?></span><?cs /def ?>
<?cs # A table of meetings (list: Upcoming or Past), with a committee column when with_committee is 1. ?>
<?cs def:meeting_table(list, caption, slug, with_committee) ?><div class="table-wrap">
<table class="meetings">
<caption><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.when ?></th><?cs if:with_committee ?><th scope="col"><?cs var:L.committee.committee ?></th><?cs /if ?><th scope="col"><?cs var:L.committee.meeting ?></th><th scope="col"><?cs var:L.committee.where ?></th><th scope="col"><?cs var:L.committee.status_label ?></th></tr></thead>
<tbody>
<?cs each:m = list ?><?cs if:with_committee ?><?cs set:m.href = "/committees/" + url_escape(m.committee_slug) + "/meetings/" + m.id ?><?cs else ?><?cs set:m.href = "/committees/" + url_escape(slug) + "/meetings/" + m.id ?><?cs /if ?><tr>
<td data-label="<?cs var:L.committee.when ?>"><?cs call:when(m) ?></td>
<?cs if:with_committee ?><td data-label="<?cs var:L.committee.committee ?>"><a href="/committees/<?cs var:url_escape(m.committee_slug) ?>"><?cs call:loc(m.committee, m.committee_en) ?></a></td><?cs /if ?>
<th scope="row" data-label="<?cs var:L.committee.meeting ?>"><a href="<?cs var:m.href ?>"><?cs call:ko(m.title) ?></a><?cs call:demo_badge(m) ?></th>
<td data-label="<?cs var:L.committee.where ?>"><?cs if:m.place ?><?cs call:ko(m.place) ?><?cs elif:m.online_url ?><?cs var:L.committee.online ?><?cs else ?><span class="unknown"><?cs var:L.committee.place_unknown ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.committee.status_label ?>"><?cs call:status(m) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div><?cs /def ?>
