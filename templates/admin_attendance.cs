<?cs # admin_attendance.cs - who attended a meeting: one line per seat held on its day (and any seat already
recorded), present, absent or by proxy with the proxy's name. A stale save merges line by line; a line
both people changed shows both records, the stored one chosen. ?>
<?cs set:Page.Title = Meeting.title + " " + L.committee_admin.attendance ?><?cs set:Page.TitleKo = 1 ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<?cs # One line's record as a person reads it: the state in words, a proxy's name; none: not recorded. ?>
<?cs def:att_record(st, proxy) ?><?cs if:st ?><?cs var:L.meeting.attendance[st] ?><?cs if:st == "proxy" && proxy ?> (<?cs var:proxy ?>)<?cs /if ?><?cs else ?><?cs var:L.committee_admin.unrecorded ?><?cs /if ?><?cs /def ?>
<p class="crumbs"><a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs call:ko(Meeting.title) ?></a></p>
<h1><?cs call:ko(Meeting.title) ?> <?cs var:L.committee_admin.attendance ?></h1>
<?cs call:cnav() ?>
<?cs if:Meeting.not_started ?><p class="conflict" role="note"><?cs var:L.committee_admin.not_started_note ?></p><?cs /if ?>
<?cs call:done() ?>
<?cs if:Page.TooManySeats ?><p class="errors" role="alert"><?cs var:L.committee_admin.too_many_seats ?> (<?cs var:L.committee_admin.seats_max ?>: <?cs var:Page.SeatsMax ?>)</p><?cs /if ?>
<?cs if:User.admin ?><p><a href="/admin/history?entity=attendance&amp;id=<?cs var:Meeting.id ?>"><?cs var:L.admin.record_history ?></a></p><?cs /if ?>
<?cs if:Conflict.shown ?>
<section class="conflict" role="alert" aria-labelledby="conflict-h">
<h2 id="conflict-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.save.attendance_conflict ?></p>
</section>
<?cs /if ?>
<?cs call:cform_errors() ?>
<?cs if:subcount(Seats) ?>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>/attendance">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<input type="hidden" name="key" value="<?cs var:Form.key.value ?>">
<div class="table-wrap">
<table class="attendance">
<caption><?cs call:ko(Meeting.title) ?> <?cs var:L.committee_admin.attendance ?> (<?cs var:subcount(Seats) ?>)</caption>
<thead><tr><th scope="col"><?cs var:L.committee.member ?></th><th scope="col"><?cs var:L.committee.role_label ?></th><th scope="col"><?cs var:L.meeting.attendance ?></th><th scope="col"><?cs var:L.committee_admin.field.proxy ?></th></tr></thead>
<tbody>
<?cs each:s = Seats ?><tr<?cs if:s.error ?> class="invalid"<?cs /if ?>>
<th scope="row" id="seat-<?cs var:s.id ?>" data-label="<?cs var:L.committee.member ?>"><?cs if:s.tp_name ?><?cs call:loc(s.tp_name, s.tp_name_en) ?> <span class="note">(<?cs var:L.committee.representative ?>)</span><?cs elif:s.person ?><?cs call:ko(s.person) ?><?cs if:s.org ?> <span class="note">(<?cs call:loc(s.org, s.org_en) ?>)</span><?cs /if ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs if:s.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.committee.role_label ?>"><?cs var:L.committee.role[s.role] ?></td>
<td data-label="<?cs var:L.meeting.attendance ?>"><select name="seat" id="f-seat_<?cs var:s.id ?>" aria-labelledby="seat-<?cs var:s.id ?> att-h-state">
<option value="<?cs var:s.id ?>:"><?cs var:L.committee_admin.unrecorded ?></option>
<?cs each:w = L.meeting.attendance ?><option value="<?cs var:s.id ?>:<?cs name:w ?>"<?cs if:s.form_status == name(w) ?> selected<?cs /if ?>><?cs var:w ?></option>
<?cs /each ?></select><input type="hidden" name="was" value="<?cs var:s.was ?>">
<?cs if:s.conflict ?><p class="conflict-line" id="conflict-seat-<?cs var:s.id ?>"><?cs var:L.form.conflict_current ?>: <?cs call:att_record(s.stored_status, s.stored_proxy) ?> · <?cs var:L.form.conflict_yours ?>: <?cs call:att_record(s.yours_status, s.yours_proxy) ?></p><?cs /if ?></td>
<td data-label="<?cs var:L.committee_admin.field.proxy ?>"><input type="text" name="proxy" id="f-proxy_<?cs var:s.id ?>" value="<?cs var:s.form_proxy ?>" maxlength="60" aria-labelledby="seat-<?cs var:s.id ?> att-h-proxy"<?cs if:s.error ?> aria-invalid="true" aria-describedby="f-proxy_<?cs var:s.id ?>-err"<?cs /if ?>>
<?cs if:s.error ?><p class="field-error" id="f-proxy_<?cs var:s.id ?>-err"><?cs var:s.error ?></p><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<p class="hint"><span id="att-h-state"><?cs var:L.meeting.attendance ?></span> · <span id="att-h-proxy"><?cs var:L.committee_admin.field.proxy ?></span>: <?cs var:L.committee_admin.attendance_hint ?></p>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs else ?><p><?cs var:L.committee_admin.attendance_no_seats ?></p><?cs /if ?>
<?cs include:"footer.cs" ?>
