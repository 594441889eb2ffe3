<?cs # admin_committee_form.cs - what the committee admin forms share: the page's navigation, the error summary
(field labels from L.committee_admin.field, or a line's own label), and the stale-action box. Included after header.cs and form.cs. ?>
<?cs def:cnav() ?><?cs if:User.admin ?><?cs include:"admin_nav.cs" ?><?cs /if ?><?cs /def ?>
<?cs def:cform_errors() ?><?cs if:Form.errors > 0 ?>
<div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul>
<?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs if:Form[e].label ?><?cs var:Form[e].label ?><?cs else ?><?cs var:L.committee_admin.field[e] ?><?cs /if ?>: <?cs var:Form[e].error ?></a></li>
<?cs /each ?></ul>
</div>
<?cs if:Form.meeting.error ?><p class="field-error" id="f-meeting"><?cs var:Form.meeting.error ?></p><?cs /if ?>
<?cs if:Form.seats.error ?><p class="field-error" id="f-seats"><?cs var:Form.seats.error ?></p><?cs /if ?>
<?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?><?cs /def ?>
<?cs def:done() ?><?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.committee_admin.done[Page.Done] ?></p><?cs /if ?><?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?><?cs /def ?>
<?cs def:stale() ?><?cs if:Page.StaleAction || Page.DeleteConflict ?>
<section class="conflict" role="alert" aria-labelledby="conflict-h">
<h2 id="conflict-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.committee_admin.stale_action ?></p>
</section>
<?cs /if ?><?cs /def ?>
<?cs # A select of fixed choices: the options are the children of words (value: child name, text: child value). ?>
<?cs def:cchoice(name, label, f, words, required, hint) ?><?cs if:!Conflict.fields[name] ?><div class="field<?cs if:f.error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
<select<?cs call:field_attrs(name, f, required) ?>>
<option value=""><?cs var:L.committee_admin.choose ?></option>
<?cs each:w = words ?><option value="<?cs name:w ?>"<?cs if:f.value == name(w) ?> selected<?cs /if ?>><?cs var:w ?></option>
<?cs /each ?></select>
<?cs call:field_msg(name, f) ?>
</div><?cs /if ?><?cs /def ?>
<?cs # A date or time input (type "date" or "time"); one that came back wrong is plain text, so the value
typed stays as typed (a date input would drop it, and its value would not be valid HTML). ?>
<?cs def:dtinput(name, label, f, type, required, hint) ?><?cs if:f.error ?><?cs call:input(name, label, f, "text", required, hint) ?><?cs else ?><?cs call:input(name, label, f, type, required, hint) ?><?cs /if ?><?cs /def ?>
<?cs # The fields of a meeting's details (admin_meeting_new.cs, admin_meeting.cs). ?>
<?cs def:meeting_fields() ?>
<?cs call:input("title", L.committee_admin.field.title, Form.title, "text", 1, L.committee_admin.hint_title) ?>
<?cs call:dtinput("date", L.committee_admin.field.date, Form.date, "date", 1, L.committee_dates.hint_date) ?>
<?cs call:dtinput("starts", L.committee_admin.field.starts, Form.starts, "time", 1, L.committee_admin.hint_time) ?>
<?cs call:dtinput("ends", L.committee_admin.field.ends, Form.ends, "time", 1, L.committee_admin.hint_time) ?>
<?cs call:dtinput("end_date", L.committee_admin.field.end_date, Form.end_date, "date", 0, L.committee_admin.hint_end_date) ?>
<?cs call:input("place", L.committee_admin.field.place, Form.place, "text", 0, "") ?>
<?cs call:input("online_url", L.committee_admin.field.online_url, Form.online_url, "text", 0, L.committee_dates.hint_url) ?>
<?cs call:cchoice("status", L.committee_admin.field.status, Form.status, L.committee.status, 1, "") ?>
<?cs call:textarea("note", L.committee_admin.field.note, Form.note, 0, "") ?>
<?cs /def ?>
