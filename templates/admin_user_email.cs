<?cs # admin_user_email.cs - the secretariat sets an account's mail address (page_admin_user_email.c). ?>
<?cs set:Page.Title = L.account_mail.admin_title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.account_mail.admin_title ?>: <?cs call:ko(Target.name) ?> (<?cs var:Target.login ?>)</h1>
<?cs include:"admin_nav.cs" ?>
<p><a href="/admin/users/<?cs var:Target.id ?>"><?cs var:L.account_mail.back_user ?></a></p>
<?cs if:Done ?><p class="ok" role="status"><?cs var:L.account_mail.sent ?></p><?cs /if ?>
<?cs include:"account_email_facts.cs" ?>
<p class="note"><?cs var:L.account_mail.admin_note ?></p>
<?cs call:form_errors() ?>
<form method="post" action="/admin/users/<?cs var:Target.id ?>/email" class="stacked narrow">
<?cs call:csrf() ?>
<?cs call:input("email", L.account_mail.new, Form.email, "email", 1, L.account_mail.new_hint) ?>
<div class="actions"><button type="submit"><?cs var:L.account_mail.submit ?></button></div>
</form>
<?cs include:"footer.cs" ?>
