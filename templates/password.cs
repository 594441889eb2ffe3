<?cs # password.cs - change one's own password. ?>
<?cs set:Page.Title = L.password.title ?><?cs set:Page.Account = "password" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.password.title ?></h1>
<?cs include:"account_nav.cs" ?>
<?cs if:Done ?><p class="ok" role="status"><?cs var:L.password.done ?></p><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="/account/password" class="stacked narrow">
<?cs call:csrf() ?>
<?cs call:input("current", L.password.current, Form.current, "password", 1, "") ?>
<?cs call:input("new", L.password.new, Form.new, "password", 1, L.password.new_hint) ?>
<?cs call:input("confirm", L.password.confirm, Form.confirm, "password", 1, "") ?>
<div class="actions"><button type="submit"><?cs var:L.password.submit ?></button></div>
</form>
<?cs include:"footer.cs" ?>
