<?cs set:Mail.subject_line = L.mail.test.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.test.body ?></p>
<?cs include:"mail/_foot.html.cs" ?>
