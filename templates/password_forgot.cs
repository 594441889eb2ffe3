<?cs # password_forgot.cs - ask for a reset link; the answer is the same whether or not an account has the address. ?>
<?cs set:Page.Title = L.reset.forgot_title ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.reset.forgot_title ?></h1>
<?cs if:Done ?><p class="ok" role="status"><?cs var:L.reset.sent ?></p><?cs /if ?>
<p><?cs var:L.reset.forgot_lead ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/password/forgot" class="stacked narrow">
<?cs call:input("email", L.field.email, Form.email, "email", 1, "") ?>
<div class="actions"><button type="submit"><?cs var:L.reset.forgot_submit ?></button></div>
</form>
<p class="note"><?cs var:L.reset.no_email ?></p>
<?cs include:"footer.cs" ?>
