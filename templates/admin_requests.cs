<?cs # admin_requests.cs - change requests: the secretariat's review queue, a member admin's own requests. ?>
<?cs if:Filter.mine ?><?cs set:Page.Title = L.my_requests.title ?><?cs else ?><?cs set:Page.Title = L.request.title ?><?cs /if ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:Page.Title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Filter.mine ?><p class="note"><?cs var:L.my_requests.intro ?> <a href="/admin/requests"><?cs var:L.my_requests.all ?></a></p><?cs else ?><p><a href="/admin/requests?mine=1"><?cs var:L.my_requests.title ?></a></p><?cs /if ?>
<form class="filters" method="get" action="/admin/requests">
<div class="field">
<label for="f-state"><?cs var:L.request.state ?></label>
<select id="f-state" name="state">
<?cs each:s = L.request.states ?><option value="<?cs var:name(s) ?>"<?cs if:Filter.state == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
<?cs /each ?></select>
</div>
<?cs if:Filter.mine ?><input type="hidden" name="mine" value="1"><?cs /if ?>
<?cs if:Filter.tp ?><input type="hidden" name="tp" value="<?cs var:Filter.tp ?>"><?cs /if ?>
<div class="field actions"><button type="submit"><?cs var:L.apply ?></button></div>
</form>
<?cs if:subcount(Requests) == 0 ?><p role="status"><?cs var:L.request.empty ?></p><?cs else ?>
<div class="table-wrap">
<table>
<caption><?cs var:Page.Title ?></caption>
<thead><tr><th scope="col">#</th><th scope="col"><?cs var:L.people.org ?></th><th scope="col"><?cs var:L.form.field ?></th><th scope="col"><?cs var:L.request.state ?></th><th scope="col"><?cs var:L.request.submitted_by ?></th><th scope="col"><?cs var:L.request.submitted_at ?></th><th scope="col"><?cs var:L.request.reviewed_at ?></th><th scope="col"><?cs var:L.request.comment ?></th></tr></thead>
<tbody>
<?cs each:r = Requests ?><tr>
<th scope="row" data-label="#"><a href="/admin/requests/<?cs var:r.id ?>">#<?cs var:r.id ?></a></th>
<td data-label="<?cs var:L.people.org ?>"><?cs call:loc(r.tp_name, r.tp_name_en) ?></td>
<td data-label="<?cs var:L.form.field ?>"><?cs var:L.request["entity_" + r.entity] ?> <?cs var:L.request["action_" + r.action] ?> (<?cs var:r.nfields ?>)</td>
<td data-label="<?cs var:L.request.state ?>"><span class="state state-<?cs var:r.state ?>"><?cs var:L.request["state_" + r.state] ?></span><?cs if:r.unseen == 1 ?> <strong class="badge"><?cs var:L.my_requests.new_decision ?></strong><?cs /if ?></td>
<td data-label="<?cs var:L.request.submitted_by ?>"><?cs call:ko(r.submitted_by) ?></td>
<td class="at" data-label="<?cs var:L.request.submitted_at ?>"><?cs var:r.submitted_at ?></td>
<td class="at" data-label="<?cs var:L.request.reviewed_at ?>"><?cs if:r.reviewed_at ?><?cs var:r.reviewed_at ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.request.comment ?>"><?cs if:r.review_comment ?><?cs call:ko(r.review_comment) ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs include:"footer.cs" ?>
