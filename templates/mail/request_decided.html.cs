<?cs set:Mail.subject_line = L.mail.request_decided.subject ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.request_decided.lead ?></p>
<ul>
<li><?cs var:L.request.title ?>: #<?cs var:Mail.request_id ?> (<?cs var:Mail.technopark ?>, <?cs var:L.request["entity_" + Mail.entity] ?> <?cs var:L.request["action_" + Mail.action] ?>)</li>
<li><?cs var:L.mail.decision ?>: <strong><?cs var:L.request["state_" + Mail.state] ?></strong></li>
<?cs if:Mail.reviewer ?><li><?cs var:L.mail.reviewer ?>: <?cs var:Mail.reviewer ?></li><?cs /if ?>
<li><?cs var:L.request.comment ?>: <?cs if:Mail.comment ?><?cs var:Mail.comment ?><?cs else ?><?cs var:L.none ?><?cs /if ?></li>
</ul>
<p><a href="<?cs var:Mail.request_url ?>"><?cs var:L.mail.request_decided.action ?></a></p>
<?cs include:"mail/_foot.html.cs" ?>
