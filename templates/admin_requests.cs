<?cs # admin_requests.cs - change requests: the secretariat's review queue, a member admin's own requests. ?>
<?cs set:Page.Title = L.request.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.request.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<form class="filters" method="get" action="/admin/requests">
<div class="field">
<label for="f-state"><?cs var:L.request.state ?></label>
<select id="f-state" name="state">
<?cs each:s = L.request.states ?><option value="<?cs var:name(s) ?>"<?cs if:Filter.state == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
<?cs /each ?></select>
</div>
<?cs if:Filter.tp ?><input type="hidden" name="tp" value="<?cs var:Filter.tp ?>"><?cs /if ?>
<div class="field actions"><button type="submit"><?cs var:L.apply ?></button></div>
</form>
<?cs if:subcount(Requests) == 0 ?><p role="status"><?cs var:L.request.empty ?></p><?cs else ?>
<div class="table-wrap">
<table>
<caption><?cs var:L.request.title ?></caption>
<thead><tr><th scope="col">#</th><th scope="col"><?cs var:L.people.org ?></th><th scope="col"><?cs var:L.form.field ?></th><th scope="col"><?cs var:L.request.state ?></th><th scope="col"><?cs var:L.request.submitted_by ?></th><th scope="col"><?cs var:L.request.submitted_at ?></th></tr></thead>
<tbody>
<?cs each:r = Requests ?><tr>
<th scope="row"><a href="/admin/requests/<?cs var:r.id ?>">#<?cs var:r.id ?></a></th>
<td><?cs var:r.tp_name ?></td>
<td><?cs var:L.request["entity_" + r.entity] ?> <?cs var:L.request["action_" + r.action] ?> (<?cs var:r.nfields ?>)</td>
<td><span class="state state-<?cs var:r.state ?>"><?cs var:L.request["state_" + r.state] ?></span></td>
<td><?cs var:r.submitted_by ?></td>
<td><?cs var:r.submitted_at ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs include:"footer.cs" ?>
