<?cs set:Mail.subject_line = L.mail.request_submitted.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.request_submitted.lead ?></p>
<ul>
<li><?cs var:L.request.title ?>: #<?cs var:Mail.request_id ?></li>
<li><?cs var:L.field.technopark ?>: <?cs var:Mail.technopark ?></li>
<li><?cs var:L.mail.what ?>: <?cs var:L.request["entity_" + Mail.entity] ?> <?cs var:L.request["action_" + Mail.action] ?></li>
<li><?cs var:L.mail.by ?>: <?cs var:Mail.submitter ?></li>
</ul>
<p><a href="<?cs var:Mail.request_url ?>"><?cs var:L.mail.request_submitted.action ?></a></p>
<?cs include:"mail/_foot.html.cs" ?>
