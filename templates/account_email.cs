<?cs # account_email.cs - one's mail address: the current one, the one waiting for confirmation, the form to change it. ?>
<?cs set:Page.Title = L.account_mail.title ?><?cs set:Page.Account = "email" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.account_mail.title ?></h1>
<?cs include:"account_nav.cs" ?>
<?cs if:Done ?><p class="ok" role="status"><?cs var:L.account_mail.sent ?></p><?cs /if ?>
<?cs include:"account_email_facts.cs" ?>
<?cs call:form_errors() ?>
<form method="post" action="/account/email" class="stacked narrow">
<?cs call:csrf() ?>
<?cs call:input("email", L.account_mail.new, Form.email, "email", 1, L.account_mail.new_hint) ?>
<div class="actions"><button type="submit"><?cs var:L.account_mail.submit ?></button></div>
</form>
<?cs include:"footer.cs" ?>
