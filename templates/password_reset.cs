<?cs # password_reset.cs - the page of a reset link: a new password, or why the link no longer works. ?>
<?cs set:Page.Title = L.reset.title ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.reset.title ?></h1>
<?cs if:Result == "done" ?><p class="ok" role="status"><?cs var:L.reset.done ?></p>
<p><a href="/login"><?cs var:L.login.title ?></a></p>
<?cs elif:Result == "invalid" ?><p class="errors" role="alert"><?cs var:L.reset.invalid ?></p>
<p><a href="/password/forgot"><?cs var:L.reset.again ?></a></p>
<?cs else ?><?cs call:form_errors() ?>
<form method="post" action="/password/reset" class="stacked narrow">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<?cs call:input("new", L.password.new, Form.new, "password", 1, L.password.new_hint) ?>
<?cs call:input("confirm", L.password.confirm, Form.confirm, "password", 1, "") ?>
<div class="actions"><button type="submit"><?cs var:L.reset.submit ?></button></div>
</form><?cs /if ?>
<?cs include:"footer.cs" ?>
