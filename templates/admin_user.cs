<?cs # admin_user.cs - a new account, or one account's name, role, technopark, state and password.
The password is never sent back into the page. ?>
<?cs if:Account.id ?><?cs set:Page.Title = L.users.edit_title + " " + Account.login ?><?cs else ?><?cs set:Page.Title = L.users.new_title ?><?cs /if ?>
<?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<p class="crumbs"><a href="/admin/users"><?cs var:L.users.title ?></a></p>
<h1><?cs if:Account.id ?><?cs var:L.users.edit_title ?> <?cs var:Account.login ?><?cs if:Account.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.users.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs else ?><?cs var:L.users.new_title ?><?cs /if ?></h1>
<?cs if:Account.id ?><p><a href="/admin/users/<?cs var:Account.id ?>/email"><?cs var:L.account_mail.admin_title ?></a></p><?cs /if ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.users_admin.done[Page.Done] ?></p><?cs /if ?>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs if:Account.id ?><p><a href="/admin/history?entity=user&amp;id=<?cs var:Account.id ?>"><?cs var:L.admin.record_history ?></a> ·
<a href="/admin/history?user=<?cs var:Account.id ?>"><?cs var:L.users.their_changes ?></a></p><?cs /if ?>

<?cs call:form_errors() ?>
<form method="post" action="<?cs if:Account.id ?>/admin/users/<?cs var:Account.id ?><?cs else ?>/admin/users<?cs /if ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs if:Account.id ?><?cs call:conflict() ?>
<dl class="facts"><dt><?cs var:L.field.login ?></dt><dd><?cs var:Account.login ?></dd></dl>
<?cs else ?><?cs call:input("login", L.field.login, Form.login, "text", 1, L.users.login_hint) ?><?cs /if ?>
<?cs call:input("display_name", L.field.display_name, Form.display_name, "text", 1, "") ?>
<?cs if:!Conflict.fields.role ?><div class="field<?cs if:Form.role.error ?> invalid<?cs /if ?>">
<label for="f-role"><?cs var:L.field.role ?> <span class="req"><?cs var:L.form.required ?></span></label>
<select<?cs call:field_attrs("role", Form.role, 1) ?>>
<option value=""><?cs var:L.users.choose ?></option>
<?cs each:r = L.role ?><option value="<?cs var:name(r) ?>"<?cs if:Form.role.value == name(r) ?> selected<?cs /if ?>><?cs var:r ?></option>
<?cs /each ?></select>
<?cs call:field_msg("role", Form.role) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.technopark ?><div class="field<?cs if:Form.technopark.error ?> invalid<?cs /if ?>">
<label for="f-technopark"><?cs var:L.field.technopark ?></label>
<span class="hint"><?cs var:L.users.technopark_hint ?></span>
<select<?cs call:field_attrs("technopark", Form.technopark, 0) ?>>
<option value=""><?cs var:L.none ?></option>
<?cs each:t = TPs ?><option value="<?cs var:t.slug ?>"<?cs if:Form.technopark.value == t.slug ?> selected<?cs /if ?><?cs call:loc_lang(t.name_en) ?>><?cs call:loc_text(t.name_ko, t.name_en) ?></option>
<?cs /each ?></select>
<?cs call:field_msg("technopark", Form.technopark) ?>
</div><?cs /if ?>
<?cs if:!Conflict.fields.person ?><div class="field<?cs if:Form.person.error ?> invalid<?cs /if ?>">
<label for="f-person"><?cs var:L.field.person ?></label>
<span class="hint"><?cs var:L.users.person_hint ?></span>
<select<?cs call:field_attrs("person", Form.person, 0) ?>>
<option value=""><?cs var:L.none ?></option>
<?cs set:Page.Org = "" ?><?cs each:o = Options.People ?><?cs if:o.org != Page.Org ?><?cs if:Page.Org != "" ?></optgroup>
<?cs /if ?><optgroup label="<?cs var:o.org ?>"<?cs call:ko_lang() ?>><?cs set:Page.Org = o.org ?><?cs /if ?>
<option value="<?cs var:o.id ?>"<?cs if:Form.person.value == o.id ?> selected<?cs /if ?><?cs call:ko_lang() ?>><?cs var:o.name ?><?cs if:o.title ?> (<?cs var:o.title ?>)<?cs /if ?><?cs if:o.is_demo == 1 ?> [<?cs var:L.demo ?>]<?cs /if ?><?cs if:o.linked && o.linked_id != Account.id ?> · <?cs var:L.users.person_linked_to ?> <?cs var:o.linked ?><?cs /if ?></option>
<?cs /each ?><?cs if:Page.Org != "" ?></optgroup><?cs /if ?>
</select>
<?cs call:field_msg("person", Form.person) ?>
</div><?cs /if ?>
<?cs call:checkbox("active", L.users.active_label, Form.active) ?>
<div class="field<?cs if:Form.password.error ?> invalid<?cs /if ?>">
<label for="f-password"><?cs var:L.field.password ?><?cs if:!Account.id ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<span class="hint"><?cs if:Account.id ?><?cs var:L.users.password_keep_hint ?><?cs else ?><?cs var:L.users.password_hint ?><?cs /if ?></span>
<?cs # new-password: a browser must not fill in the signed-in secretary's own password here ?>
<input type="password" autocomplete="new-password"<?cs if:Account.id ?><?cs call:field_attrs("password", Form.password, 0) ?><?cs else ?><?cs call:field_attrs("password", Form.password, 1) ?><?cs /if ?>>
<?cs call:field_msg("password", Form.password) ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/users"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
