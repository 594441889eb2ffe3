<?cs # member.cs - one technopark: facts (unknown ones said so), focus industries, activities, people. ?>
<?cs if:Page.Lang != "ko" && TP.name_en ?><?cs set:Page.Title = TP.name_en ?><?cs else ?><?cs set:Page.Title = TP.name_ko ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs set:Page.Nav = "members" ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<p class="crumbs"><a href="/members"><?cs var:L.member.back ?></a></p>
<h1><?cs call:loc(TP.name_ko, TP.name_en) ?></h1>
<?cs if:TP.summary || (Page.Lang != "ko" && TP.summary_en) ?><p class="lead"><?cs call:loc(TP.summary, TP.summary_en) ?><?cs call:as_of(TP.summary_src_year) ?></p><?cs /if ?>

<section aria-labelledby="facts-h">
<h2 id="facts-h"><?cs var:L.member.facts ?></h2>
<dl class="facts">
<?cs if:Page.Lang != "ko" ?><dt><?cs var:L.member.name_ko ?></dt><dd lang="ko"><?cs var:TP.name_ko ?></dd><?cs /if ?>
<dt><?cs var:L.member.name_en ?></dt><dd><span lang="en"><?cs call:fact(TP.name_en) ?></span><?cs call:en_mark(TP.name_en_derived) ?></dd>
<dt><?cs var:L.member.region ?></dt><dd><a href="/members?region=<?cs var:url_escape(TP.region_slug) ?>"><?cs call:loc(TP.region, TP.region_en) ?></a><?cs call:region_mark(TP.region_derived) ?></dd>
<dt><?cs var:L.member.joined ?></dt><dd><?cs if:TP.joined_year ?><?cs var:TP.joined_year ?><?cs if:TP.founding_member == 1 ?> (<?cs var:L.members.founding ?>)<?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs if:TP.joined_note ?><br><span class="note"<?cs call:ko_lang() ?>><?cs call:ko(TP.joined_note) ?></span><?cs /if ?></dd>
<dt><?cs var:L.member.director ?></dt><dd><?cs call:fact_ko(TP.director) ?><?cs if:TP.director_note ?> <span class="note"<?cs call:ko_lang() ?>>(<?cs call:ko(TP.director_note) ?>)</span><?cs /if ?><?cs if:TP.director ?><?cs call:as_of(TP.director_src_year) ?><?cs /if ?></dd>
<dt><?cs var:L.member.address ?></dt><dd><?cs call:fact_loc(TP.address, TP.address_en) ?></dd>
<dt><?cs var:L.member.phone ?></dt><dd><?cs call:fact(TP.phone) ?></dd>
<dt><?cs var:L.member.email ?></dt><dd><?cs if:TP.email ?><a href="mailto:<?cs var:url_escape(TP.email) ?>"><?cs var:TP.email ?></a><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?></dd>
<dt><?cs var:L.member.website ?></dt><dd><?cs call:fact(TP.website) ?></dd>
</dl>
<?cs if:subcount(DemoFields) ?><p class="note demo-fields"><span class="badge demo"><?cs var:L.demo ?></span> <?cs var:L.member.demo_fields ?> <?cs each:f = DemoFields ?><?cs var:f ?><?cs if:!last(f) ?>, <?cs /if ?><?cs /each ?></p><?cs /if ?>
</section>

<section aria-labelledby="ind-h">
<h2 id="ind-h"><?cs var:L.member.industries ?></h2>
<?cs if:subcount(Industries) ?><ul class="tags">
<?cs each:i = Industries ?><li><a href="/members?industry=<?cs var:url_escape(i.slug) ?>"><?cs call:loc(i.name_ko, i.name_en) ?></a></li>
<?cs /each ?></ul><?cs else ?><p><span class="unknown"><?cs var:L.unknown ?></span></p><?cs /if ?>
</section>

<?cs if:subcount(Events) ?>
<section aria-labelledby="ev-h">
<h2 id="ev-h"><?cs var:L.member.events ?></h2>
<ul class="timeline">
<?cs each:e = Events ?><li><span class="when"<?cs if:e.year_note ?><?cs call:ko_lang() ?><?cs /if ?>><?cs # a note restates its year ("2025년까지 (계획)"): it stands alone, not beside the year ?><?cs if:e.year_note ?><?cs var:e.year_note ?><?cs elif:e.year ?><?cs var:e.year ?><?cs /if ?></span> <?cs call:ko(e.description) ?></li>
<?cs /each ?></ul>
</section>
<?cs /if ?>

<section aria-labelledby="news-h">
<h2 id="news-h"><?cs var:L.news.member_latest ?></h2>
<?cs if:subcount(News) ?><?cs include:"news_item.cs" ?><ul class="news-list">
<?cs each:a = News ?><?cs call:news_item(a, "") ?>
<?cs /each ?></ul>
<p><a href="/news?tp=<?cs var:url_escape(TP.slug) ?>"><?cs var:L.news.member_more ?></a></p><?cs else ?><p><?cs var:L.news.member_none ?></p><?cs /if ?>
</section>

<section aria-labelledby="library-h">
<h2 id="library-h"><?cs var:L.library.member_latest ?></h2>
<?cs if:subcount(Library) ?><ul class="library-list">
<?cs each:d = Library ?><li><span class="cat">[<?cs call:loc(d.kind_name, d.kind_name_en) ?>]</span> <a href="/library/<?cs var:d.id ?>"><?cs call:ko(d.title) ?></a> <span class="meta">(<?cs var:d.year ?>)</span><?cs if:d.audience == "signed_in" ?> <span class="badge members"><?cs var:L.library.signed_in_badge ?></span><?cs /if ?><?cs if:d.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></li>
<?cs /each ?></ul>
<p><a href="/library?tp=<?cs var:url_escape(TP.slug) ?>"><?cs var:L.library.member_more ?></a></p><?cs else ?><p><?cs var:L.library.member_none ?></p><?cs /if ?>
</section>

<section aria-labelledby="seats-h">
<h2 id="seats-h"><?cs var:L.committee.seats_on_tp ?></h2>
<?cs if:subcount(Seats) ?>
<div class="table-wrap">
<table class="committee-seats">
<caption><?cs call:loc(TP.name_ko, TP.name_en) ?>: <?cs var:L.committee.tp_seats_caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.committee ?></th><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.term ?></th></tr></thead>
<tbody>
<?cs each:s = Seats ?><tr>
<th scope="row" data-label="<?cs var:L.committee.committee ?>"><a href="/committees/<?cs var:url_escape(s.committee_slug) ?>"><?cs call:loc(s.committee, s.committee_en) ?></a></th>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<td data-label="<?cs var:L.committee.member ?>"><?cs if:s.person ?><?cs call:ko(s.person) ?><?cs else ?><?cs var:L.committee.representative ?><?cs /if ?><?cs if:s.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.committee.term ?>"><?cs if:s.term_start || s.term_end ?><?cs if:s.term_start ?><?cs var:s.term_start ?><?cs else ?><span class="unknown"><?cs var:L.committee.term_start_unknown ?></span><?cs /if ?> ~ <?cs var:s.term_end ?><?cs else ?><span class="unknown"><?cs var:L.committee.term_unknown ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.committee.no_seats ?></p><?cs /if ?>
</section>

<section aria-labelledby="people-h">
<h2 id="people-h"><?cs var:L.member.people ?></h2>
<?cs if:subcount(People) ?>
<?cs if:!Page.ShowContacts ?><p class="note"><?cs var:L.contacts_hidden ?></p><?cs /if ?>
<?cs if:User.login ?><p class="exports"><a href="/members/<?cs var:url_escape(TP.slug) ?>/people.vcf" download><?cs var:L.export.vcf ?></a> <span class="meta"><?cs var:L.export.vcf_note ?></span></p><?cs /if ?>
<div class="table-wrap">
<table class="people">
<caption><?cs call:loc(TP.name_ko, TP.name_en) ?>: <?cs var:L.member.people ?></caption>
<thead><tr><th scope="col"><?cs var:L.people.name ?></th><th scope="col"><?cs var:L.people.position ?></th><th scope="col"><?cs var:L.people.department ?></th><?cs if:Page.ShowContacts ?><th scope="col"><?cs var:L.people.phone ?></th><th scope="col"><?cs var:L.people.email ?></th><?cs /if ?></tr></thead>
<tbody>
<?cs each:p = People ?><tr>
<th scope="row" data-label="<?cs var:L.people.name ?>"><?cs call:ko(p.name) ?><?cs if:p.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs if:p.note && p.is_demo != 1 ?><br><span class="note"<?cs call:ko_lang() ?>><?cs call:ko(p.note) ?></span><?cs /if ?><?cs if:p.is_demo != 1 ?><?cs call:as_of(p.src_year) ?><?cs /if ?></th>
<td data-label="<?cs var:L.people.position ?>"><?cs call:fact_ko(p.title) ?></td>
<td data-label="<?cs var:L.people.department ?>"><?cs call:fact_ko(p.department) ?></td>
<?cs if:Page.ShowContacts ?><td class="tel" data-label="<?cs var:L.people.phone ?>"><?cs call:fact(p.phone) ?></td>
<td data-label="<?cs var:L.people.email ?>"><?cs if:p.email ?><a href="mailto:<?cs var:url_escape(p.email) ?>"><?cs var:p.email ?></a><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?></td><?cs /if ?>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.member.no_people ?></p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
