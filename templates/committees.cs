<?cs # committees.cs - the committees: what each is for, how many sit on it now, the meetings ahead, the calendar feed. ?>
<?cs set:Page.Title = L.committee.title ?><?cs set:Page.Nav = "committees" ?>
<?cs include:"header.cs" ?>
<?cs include:"committee_macros.cs" ?>
<?cs include:"source_marks.cs" ?>
<h1><?cs var:L.committee.title ?></h1>
<p class="lead"><?cs var:L.committee.lead ?></p>
<?cs if:Page.CanManage ?><p><a href="/admin/committees"><?cs var:L.committee_admin.title ?></a></p><?cs /if ?>

<section aria-labelledby="list-h">
<h2 id="list-h"><?cs var:L.committee.list ?></h2>
<dl class="committees">
<?cs each:c = Committees ?><dt><a href="/committees/<?cs var:url_escape(c.slug) ?>"><?cs call:loc(c.name_ko, c.name_en) ?></a><?cs if:c.name_en ?> <?cs if:Page.Lang == "ko" ?><span class="en" lang="en">(<?cs var:c.name_en ?>)</span><?cs else ?><span class="en" lang="ko">(<?cs var:c.name_ko ?>)</span><?cs /if ?><?cs call:en_mark(c.name_en_derived) ?><?cs /if ?></dt>
<dd><?cs call:fact_loc(c.purpose, c.purpose_en) ?><?cs call:tr_mark(c.texts_en_derived, c.purpose_en) ?><br><span class="note"><?cs var:L.committee.seats_now ?> <?cs var:c.seats ?><?cs call:demo_count(c.demo_seats) ?> · <?cs var:L.committee.upcoming ?> <?cs var:c.upcoming ?></span></dd>
<?cs /each ?></dl>
</section>

<section aria-labelledby="up-h">
<h2 id="up-h"><?cs var:L.committee.upcoming ?></h2>
<?cs if:subcount(Upcoming) ?><?cs call:meeting_table(Upcoming, L.committee.upcoming, "", 1) ?><?cs else ?><p><?cs var:L.committee.no_upcoming ?></p><?cs /if ?>
</section>

<section aria-labelledby="cal-h">
<h2 id="cal-h"><?cs var:L.committee.calendar ?></h2>
<p><?cs var:L.committee.calendar_hint ?></p>
<p><a href="/committees.ics"><?cs var:L.committee.calendar_all ?></a> <span class="note">(<?cs var:Site.BaseUrl ?>/committees.ics)</span></p>
</section>
<?cs include:"footer.cs" ?>
