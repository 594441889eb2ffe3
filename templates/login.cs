<?cs # login.cs - the sign-in form. The password is never sent back into the page. ?>
<?cs set:Page.Title = L.login.title ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.login.title ?></h1>
<?cs call:form_errors() ?>
<form method="post" action="/login" class="stacked narrow">
<?cs if:Form.next.value ?><input type="hidden" name="next" value="<?cs var:Form.next.value ?>"><?cs /if ?>
<div class="field<?cs if:Form.login.error ?> invalid<?cs /if ?>">
<label for="f-login"><?cs var:L.login.login ?></label>
<input type="text" id="f-login" name="login" autocomplete="username" required value="<?cs var:Form.login.value ?>"<?cs if:Form.login.error ?> aria-invalid="true" aria-describedby="f-login-err"<?cs /if ?>>
<?cs call:field_msg("login", Form.login) ?>
</div>
<div class="field<?cs if:Form.password.error ?> invalid<?cs /if ?>">
<label for="f-password"><?cs var:L.login.password ?></label>
<input type="password" id="f-password" name="password" autocomplete="current-password" required<?cs if:Form.password.error ?> aria-invalid="true" aria-describedby="f-password-err"<?cs /if ?>>
<?cs call:field_msg("password", Form.password) ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.login.submit ?></button></div>
</form>
<p><a href="/password/forgot"><?cs var:L.login.forgot ?></a></p>
<?cs include:"footer.cs" ?>
