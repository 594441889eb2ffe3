<?cs # admin_users.cs - every account (secretariat only), filtered by role; links to each and to a new one. ?>
<?cs set:Page.Title = L.users.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.users.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<form class="filters" method="get" action="/admin/users">
<div class="field">
<label for="f-role"><?cs var:L.field.role ?></label>
<select id="f-role" name="role">
<option value=""><?cs var:L.all ?></option>
<?cs each:r = L.role ?><option value="<?cs var:name(r) ?>"<?cs if:Filter.role == name(r) ?> selected<?cs /if ?>><?cs var:r ?></option>
<?cs /each ?></select>
</div>
<div class="field actions"><button type="submit"><?cs var:L.apply ?></button></div>
</form>
<p class="actions"><a href="/admin/users/new"><?cs var:L.users.add ?></a></p>
<?cs if:subcount(Users) == 0 ?><p role="status"><?cs var:L.users.empty ?></p><?cs else ?>
<div class="table-wrap">
<table>
<caption><?cs var:L.users.title ?><?cs if:Filter.role ?> (<?cs var:L.role[Filter.role] ?>)<?cs /if ?></caption>
<thead><tr><th scope="col"><?cs var:L.field.login ?></th><th scope="col"><?cs var:L.field.display_name ?></th><th scope="col"><?cs var:L.field.role ?></th><th scope="col"><?cs var:L.field.technopark ?></th><th scope="col"><?cs var:L.field.active ?></th></tr></thead>
<tbody>
<?cs each:u = Users ?><tr>
<th scope="row" data-label="<?cs var:L.field.login ?>"><a href="/admin/users/<?cs var:u.id ?>"><?cs var:u.login ?></a><?cs if:u.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.users.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.field.display_name ?>"><?cs call:ko(u.display_name) ?></td>
<td data-label="<?cs var:L.field.role ?>"><?cs var:L.role[u.role] ?></td>
<td data-label="<?cs var:L.field.technopark ?>"><?cs if:u.tp_name ?><?cs call:loc(u.tp_name, u.tp_name_en) ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.field.active ?>"><?cs if:u.active == 1 ?><?cs var:L.users.active_yes ?><?cs else ?><span class="badge warn"><?cs var:L.users.active_no ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs include:"footer.cs" ?>
