<?cs # email_confirm.cs - the page of the confirmation link: a button (GET changes nothing), then the outcome. ?>
<?cs set:Page.Title = L.account_mail.confirm_title ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.account_mail.confirm_title ?></h1>
<?cs if:Result == "confirmed" ?><p class="ok" role="status"><?cs var:L.account_mail.confirmed ?></p>
<?cs elif:Result == "invalid" ?><p class="errors" role="alert"><?cs var:L.account_mail.confirm_invalid ?></p>
<?cs else ?><p><?cs var:L.account_mail.confirm_lead ?></p>
<form method="post" action="/account/email/confirm" class="stacked narrow">
<input type="hidden" name="token" value="<?cs var:Form.token ?>">
<div class="actions"><button type="submit"><?cs var:L.account_mail.confirm_submit ?></button></div>
</form><?cs /if ?>
<?cs include:"footer.cs" ?>
