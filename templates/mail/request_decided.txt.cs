<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.request_decided.lead ?>
- <?cs var:L.request.title ?>: #<?cs var:Mail.request_id ?> (<?cs var:Mail.technopark ?>, <?cs var:L.request["entity_" + Mail.entity] ?> <?cs var:L.request["action_" + Mail.action] ?>)
- <?cs var:L.mail.decision ?>: <?cs var:L.request["state_" + Mail.state] ?>
<?cs if:Mail.reviewer ?>- <?cs var:L.mail.reviewer ?>: <?cs var:Mail.reviewer ?>
<?cs /if ?>- <?cs var:L.request.comment ?>: <?cs if:Mail.comment ?><?cs var:Mail.comment ?><?cs else ?><?cs var:L.none ?><?cs /if ?>

<?cs var:Mail.request_url ?>
<?cs include:"mail/_foot.txt.cs" ?>
