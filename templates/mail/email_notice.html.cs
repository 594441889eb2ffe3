<?cs set:Mail.subject_line = L.mail.email_notice.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs if:Mail.by_self == "1" ?><?cs var:L.mail.email_notice.by_self ?><?cs else ?><?cs var:L.mail.email_notice.by_secretariat ?><?cs /if ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)<br><strong><?cs var:Mail.new_email ?></strong></p>
<p><?cs var:L.mail.email_notice.not_you ?></p>
<?cs include:"mail/_foot.html.cs" ?>
