<?cs set:Mail.subject_line = L.mail.password_reset.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.password_reset.lead ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)</p>
<p><a href="<?cs var:Mail.reset_url ?>"><?cs var:L.reset.title ?></a></p>
<p><?cs var:Mail.minutes ?><?cs var:L.mail.password_reset.expiry ?> <?cs var:L.mail.password_reset.not_you ?></p>
<?cs include:"mail/_foot.html.cs" ?>
