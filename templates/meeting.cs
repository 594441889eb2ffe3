<?cs # meeting.cs - one meeting: when and where, its agenda, who attended, the resolutions, the published
minutes and the documents. ?>
<?cs set:Page.Title = Meeting.title ?><?cs set:Page.TitleKo = 1 ?><?cs set:Page.Nav = "committees" ?>
<?cs include:"header.cs" ?>
<?cs include:"committee_macros.cs" ?>
<p class="crumbs"><a href="/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?></a></p>
<h1><?cs call:ko(Meeting.title) ?><?cs call:demo_badge(Meeting) ?></h1>
<?cs if:Meeting.status == "cancelled" ?><p class="conflict" role="note"><?cs var:L.meeting.cancelled_note ?></p><?cs /if ?>
<dl class="facts">
<dt><?cs var:L.committee.committee ?></dt><dd><a href="/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?></a></dd>
<dt><?cs var:L.committee.when ?></dt><dd><?cs call:when(Meeting) ?></dd>
<?cs # an online meeting without a room is held 온라인, with its link; 장소 미정 only when neither is known ?>
<dt><?cs var:L.committee.where ?></dt><dd><?cs if:Meeting.place ?><?cs call:ko(Meeting.place) ?><?cs elif:Meeting.online_url ?><?cs var:L.committee.online ?>: <a href="<?cs var:Meeting.online_url ?>" rel="noopener noreferrer"><?cs var:Meeting.online_url ?></a><?cs else ?><span class="unknown"><?cs var:L.committee.place_unknown ?></span><?cs /if ?></dd>
<?cs if:Meeting.online_url && Meeting.place ?><dt><?cs var:L.committee.online ?></dt><dd><a href="<?cs var:Meeting.online_url ?>" rel="noopener noreferrer"><?cs var:Meeting.online_url ?></a></dd><?cs /if ?>
<dt><?cs var:L.committee.status_label ?></dt><dd><?cs call:status(Meeting) ?></dd>
<?cs if:Meeting.note ?><dt><?cs var:L.meeting.note ?></dt><dd><?cs call:ko(Meeting.note) ?></dd><?cs /if ?>
</dl>
<?cs if:Page.CanManage ?><p><a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs var:L.committee.manage ?></a></p><?cs /if ?>

<section aria-labelledby="agenda-h">
<h2 id="agenda-h"><?cs var:L.meeting.agenda ?></h2>
<?cs if:subcount(Agenda) ?><ol class="agenda">
<?cs each:a = Agenda ?><li value="<?cs var:a.position ?>"><strong><?cs call:ko(a.title) ?></strong><?cs if:a.description ?><br><span class="note"><?cs call:ko(a.description) ?></span><?cs /if ?></li>
<?cs /each ?></ol><?cs else ?><p><?cs var:L.meeting.no_agenda ?></p><?cs /if ?>
</section>

<section aria-labelledby="res-h">
<h2 id="res-h"><?cs var:L.meeting.resolutions ?></h2>
<?cs if:subcount(Resolutions) ?>
<div class="table-wrap">
<table class="resolutions">
<caption><?cs call:ko(Meeting.title) ?> <?cs var:L.meeting.resolutions ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.agenda_item ?></th><th scope="col"><?cs var:L.committee.resolution ?></th><th scope="col"><?cs var:L.committee.outcome_label ?></th><th scope="col"><?cs var:L.committee.votes ?></th></tr></thead>
<tbody>
<?cs each:r = Resolutions ?><tr>
<td data-label="<?cs var:L.committee.agenda_item ?>"><?cs each:a = Agenda ?><?cs if:a.id == r.agenda_item_id ?><?cs var:a.position ?>. <?cs call:ko(a.title) ?><?cs /if ?><?cs /each ?></td>
<th scope="row" data-label="<?cs var:L.committee.resolution ?>"><?cs call:ko(r.body) ?><?cs call:demo_row(Meeting, r) ?></th>
<td data-label="<?cs var:L.committee.outcome_label ?>"><?cs call:outcome(r) ?></td>
<td class="votes" data-label="<?cs var:L.committee.votes ?>"><?cs call:votes(r) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.meeting.no_resolutions ?></p><?cs /if ?>
</section>

<section aria-labelledby="att-h">
<h2 id="att-h"><?cs var:L.meeting.attendance ?></h2>
<?cs if:Counts.recorded > 0 ?>
<p class="count"><?cs var:L.meeting.seats_total ?> <?cs var:subcount(Attendance) ?> · <?cs var:L.meeting.attendance.present ?> <?cs var:Counts.present ?> · <?cs var:L.meeting.attendance.proxy ?> <?cs var:Counts.proxy ?> · <?cs var:L.meeting.attendance.absent ?> <?cs var:Counts.absent ?></p>
<div class="table-wrap">
<table class="attendance">
<caption><?cs call:ko(Meeting.title) ?> <?cs var:L.meeting.attendance ?></caption>
<thead><tr><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.meeting.attendance ?></th></tr></thead>
<tbody>
<?cs each:s = Attendance ?><tr>
<th scope="row" data-label="<?cs var:L.committee.member ?>"><?cs call:seat_name(s) ?><?cs call:demo_row(Meeting, s) ?></th>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<td data-label="<?cs var:L.meeting.attendance ?>"><?cs if:s.status ?><?cs var:L.meeting.attendance[s.status] ?><?cs if:s.proxy_name ?> (<?cs var:L.meeting.proxy_by ?>: <?cs call:ko(s.proxy_name) ?>)<?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.meeting.attendance_none ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs else ?><p><?cs var:L.meeting.no_attendance ?></p><?cs /if ?>
</section>

<section aria-labelledby="min-h">
<h2 id="min-h"><?cs var:L.meeting.minutes ?></h2>
<?cs if:Minutes.html ?>
<?cs if:Minutes.published_on ?><p class="note"><?cs var:L.meeting.minutes_published ?>: <?cs var:Minutes.published_on ?></p><?cs /if ?>
<div class="minutes"<?cs call:ko_lang() ?>>
<?cs # uvar: the minutes' HTML, made by cmark in safe mode (markdown.c: raw HTML and unsafe links dropped) when they were saved. ?>
<?cs uvar:Minutes.html ?>
</div>
<?cs else ?><p><?cs var:L.meeting.minutes_none ?></p><?cs /if ?>
</section>

<section aria-labelledby="doc-h">
<h2 id="doc-h"><?cs var:L.meeting.documents ?></h2>
<?cs if:subcount(Documents) ?><ul>
<?cs each:d = Documents ?><li><a href="/files/<?cs var:d.id ?>"><?cs call:ko(d.filename) ?></a> <span class="note">(<?cs var:d.label ?>, <?cs var:d.size ?>)</span></li>
<?cs /each ?></ul><?cs else ?><p><?cs var:L.meeting.no_documents ?></p><?cs /if ?>
</section>
<?cs include:"footer.cs" ?>
