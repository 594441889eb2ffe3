<?cs set:Mail.subject_line = L.mail.email_confirm.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.email_confirm.lead ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)<br><strong><?cs var:Mail.new_email ?></strong></p>
<p><?cs var:L.mail.email_confirm.action ?><br><a href="<?cs var:Mail.confirm_url ?>"><?cs var:L.account_mail.confirm_submit ?></a></p>
<p><?cs var:L.mail.email_confirm.expiry ?></p>
<?cs include:"mail/_foot.html.cs" ?>
