<?cs # home.cs - the association in brief; the dated lists (the latest notices, pinned first; the next meeting
of every committee; the latest member news), each entry with its date; the 19 members, key figures. ?>
<?cs set:Page.Title = L.home.title ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<?cs include:"committee_macros.cs" ?>
<h1><?cs var:L.home.heading ?></h1>
<section class="intro" aria-labelledby="intro-h">
<h2 id="intro-h"><?cs call:loc(Assoc.name_ko, Assoc.name_en) ?><?cs if:Assoc.name_en ?> <?cs if:Page.Lang == "ko" ?><span class="en" lang="en">(<?cs var:Assoc.name_en ?>)</span><?cs else ?><span class="en" lang="ko">(<?cs var:Assoc.name_ko ?>)</span><?cs /if ?><?cs call:en_mark(Assoc.name_en_derived) ?><?cs /if ?></h2>
<?cs if:Assoc.legal_form ?><p class="meta"><?cs call:loc(Assoc.legal_form, Assoc.legal_form_en) ?></p><?cs /if ?>
<?cs if:Assoc.summary ?><p><?cs call:loc(Assoc.summary, Assoc.summary_en) ?><?cs call:tr_mark(Assoc.texts_en_derived, Assoc.summary_en) ?><?cs call:as_of(Assoc.src_year) ?></p><?cs /if ?>
<p><a href="/about"><?cs var:L.home.more_about ?></a></p>
</section>

<div class="home-lists">
<section aria-labelledby="notices-h">
<h2 id="notices-h"><?cs var:L.home.notices ?></h2>
<?cs if:subcount(Notices) ?><ul class="dated">
<?cs each:a = Notices ?><li><time class="date" datetime="<?cs var:a.date ?>"><?cs var:a.date ?></time> <a href="/news/<?cs var:a.id ?>"><?cs call:ko(a.title) ?></a><?cs if:a.pinned == 1 ?> <span class="badge pin"><?cs var:L.news.pinned_badge ?></span><?cs /if ?><?cs if:a.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?> <span class="meta"><?cs if:a.tp_name ?><?cs call:loc(a.tp_name, a.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?></span></li>
<?cs /each ?></ul><?cs else ?><p><?cs var:L.home.no_notices ?></p><?cs /if ?>
<p><a href="/news?category=notice"><?cs var:L.home.all_notices ?></a></p>
</section>
<section aria-labelledby="meetings-h">
<h2 id="meetings-h"><?cs var:L.home.meetings ?></h2>
<ul class="dated">
<?cs each:m = Meetings ?><li><a href="/committees/<?cs var:url_escape(m.committee_slug) ?>"><?cs call:loc(m.committee, m.committee_en) ?></a>: <?cs if:m.id ?><a href="/committees/<?cs var:url_escape(m.committee_slug) ?>/meetings/<?cs var:m.id ?>"><?cs call:ko(m.title) ?></a><?cs call:demo_badge(m) ?> <span class="meta"><time class="date" datetime="<?cs var:m.date ?>"><?cs call:when(m) ?></time></span><?cs else ?><span class="meta"><?cs var:L.home.no_meeting ?></span><?cs /if ?></li>
<?cs /each ?></ul>
<p><a href="/committees"><?cs var:L.home.all_meetings ?></a></p>
</section>
<section aria-labelledby="member-news-h">
<h2 id="member-news-h"><?cs var:L.home.member_news ?></h2>
<?cs if:subcount(MemberNews) ?><ul class="dated">
<?cs each:a = MemberNews ?><li><time class="date" datetime="<?cs var:a.date ?>"><?cs var:a.date ?></time> <a href="/news/<?cs var:a.id ?>"><?cs call:ko(a.title) ?></a><?cs if:a.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?> <span class="meta"><?cs call:loc(a.tp_name, a.tp_name_en) ?> · <?cs call:loc(a.category_name, a.category_name_en) ?></span></li>
<?cs /each ?></ul><?cs else ?><p><?cs var:L.home.no_member_news ?></p><?cs /if ?>
<p><a href="/news"><?cs var:L.home.all_news ?></a></p>
</section>
</div>

<section aria-labelledby="members-h">
<h2 id="members-h"><?cs var:L.home.members ?></h2>
<p><?cs var:MemberCount ?><?cs var:L.home.members_count ?></p>
<ul class="tiles">
<?cs each:m = Members ?><li><a href="/members/<?cs var:url_escape(m.slug) ?>"><span class="tile-name"><?cs call:loc(m.name_ko, m.name_en) ?></span> <span class="tile-meta"><?cs call:loc(m.region, m.region_en) ?></span></a></li>
<?cs /each ?></ul>
<p><a href="/members"><?cs var:L.home.all_members ?></a></p>
</section>

<?cs if:subcount(Figures) ?>
<section aria-labelledby="figures-h">
<h2 id="figures-h"><?cs var:L.home.figures ?></h2>
<div class="table-wrap">
<table>
<caption><?cs var:L.home.figures_caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.home.year ?></th><th scope="col"><?cs var:L.home.companies ?></th><th scope="col"><?cs var:L.home.employees ?></th><th scope="col"><?cs var:L.home.revenue ?></th></tr></thead>
<tbody>
<?cs each:f = Figures ?><tr><th scope="row" data-label="<?cs var:L.home.year ?>"><?cs var:f.year ?><?cs if:f.is_demo ?> <span class="badge demo" title="<?cs var:L.stats.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th><td class="num" data-label="<?cs var:L.home.companies ?>"><?cs call:fact(f.companies) ?></td><td class="num" data-label="<?cs var:L.home.employees ?>"><?cs call:fact(f.employees) ?></td><td class="num" data-label="<?cs var:L.home.revenue ?>"><?cs call:fact(f.revenue) ?></td></tr>
<?cs /each ?></tbody>
</table>
</div>
<p><a href="/stats"><?cs var:L.stats.link ?></a></p>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
