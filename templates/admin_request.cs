<?cs # admin_request.cs - one change request: the field-by-field diff, and the secretariat's decision. ?>
<?cs set:Page.Title = L.request.title + " #" + Req.id ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.request.title ?> #<?cs var:Req.id ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done == "submitted" ?><p class="ok" role="status"><?cs var:L.admin.submitted ?></p><?cs /if ?>
<?cs if:Page.Done == "withdrawn" ?><p class="ok" role="status"><?cs var:L.request.withdrawn_done ?></p><?cs /if ?>
<?cs if:Decide.problem == "decided" ?><p class="errors" role="alert"><?cs var:L.request.decided ?></p><?cs /if ?>
<?cs if:Decide.problem == "conflict" || Req.has_conflict ?><p class="errors" role="alert"><?cs var:L.save.request_conflict ?></p><?cs /if ?>
<dl class="facts">
<dt><?cs var:L.people.org ?></dt><dd><a href="/members/<?cs var:url_escape(Req.tp_slug) ?>"><?cs call:loc(Req.tp_name, Req.tp_name_en) ?></a></dd>
<dt><?cs var:L.form.field ?></dt><dd><?cs var:L.request["entity_" + Req.entity] ?><?cs if:Req.person_name ?> (<?cs call:ko(Req.person_name) ?>)<?cs /if ?> <?cs var:L.request["action_" + Req.action] ?></dd>
<dt><?cs var:L.request.state ?></dt><dd><span class="state state-<?cs var:Req.state ?>"><?cs var:L.request["state_" + Req.state] ?></span></dd>
<dt><?cs var:L.request.submitted_by ?></dt><dd><?cs call:ko(Req.submitted_by) ?>, <?cs var:Req.submitted_at ?></dd>
<?cs if:Req.reviewed_by ?><dt><?cs var:L.request.reviewed_by ?></dt><dd><?cs call:ko(Req.reviewed_by) ?>, <?cs var:Req.reviewed_at ?></dd><?cs /if ?>
<?cs if:Req.review_comment ?><dt><?cs var:L.request.comment ?></dt><dd><?cs call:ko(Req.review_comment) ?></dd><?cs /if ?>
</dl>
<div class="table-wrap">
<table class="diff">
<caption><?cs var:L.request.title ?> #<?cs var:Req.id ?></caption>
<thead><tr><th scope="col"><?cs var:L.request.field ?></th><th scope="col"><?cs var:L.request.old ?></th><th scope="col"><?cs var:L.request.new ?></th><th scope="col"><?cs var:L.request.current ?></th></tr></thead>
<tbody>
<?cs each:f = Fields ?><tr<?cs if:f.conflict ?> class="conflict-row"<?cs /if ?>>
<th scope="row" data-label="<?cs var:L.request.field ?>"><?cs var:L.field[f.name] ?></th>
<td class="old" data-label="<?cs var:L.request.old ?>"><?cs if:f.old ?><del><?cs call:ko(f.old) ?></del><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
<td class="new" data-label="<?cs var:L.request.new ?>"><?cs if:f.new ?><ins><?cs call:ko(f.new) ?></ins><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.request.current ?>"><?cs if:f.cur ?><?cs call:ko(f.cur) ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?><?cs if:f.conflict ?> <strong class="badge warn"><?cs var:L.request.changed_since ?></strong><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs if:Req.can_decide ?>
<form method="post" action="/admin/requests/<?cs var:Req.id ?>" class="stacked">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Req.version ?>">
<?cs each:c = Choices ?><fieldset class="conflict-field" id="conflict-<?cs var:c.field ?>">
<legend><?cs var:c.label ?></legend>
<div class="sides"><?cs call:conflict_side(c, "stored", L.request.current, c.stored, 1) ?>
<?cs call:conflict_side(c, "yours", L.request.new, c.yours, 0) ?></div>
</fieldset>
<?cs /each ?>
<?cs call:textarea("comment", L.request.comment, Form.comment, 0, "") ?>
<div class="actions">
<button type="submit" name="decision" value="approve"><?cs var:L.request.approve ?></button>
<button type="submit" name="decision" value="reject" class="secondary"><?cs var:L.request.reject ?></button>
</div>
</form>
<?cs /if ?>
<?cs if:Req.can_withdraw ?>
<form method="post" action="/admin/requests/<?cs var:Req.id ?>/withdraw" class="stacked">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Req.version ?>">
<p class="note"><?cs var:L.request.withdraw_text ?></p>
<div class="actions"><button type="submit" class="secondary"><?cs var:L.request.withdraw ?></button></div>
</form>
<?cs /if ?>
<p><a href="/admin/requests?mine=1"><?cs var:L.my_requests.title ?></a> ·
<a href="/admin/history?entity=change_request&amp;id=<?cs var:Req.id ?>"><?cs var:L.admin.record_history ?></a></p>
<?cs include:"footer.cs" ?>
