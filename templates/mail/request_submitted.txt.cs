<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.request_submitted.lead ?>
- <?cs var:L.request.title ?>: #<?cs var:Mail.request_id ?>
- <?cs var:L.field.technopark ?>: <?cs var:Mail.technopark ?>
- <?cs var:L.mail.what ?>: <?cs var:L.request["entity_" + Mail.entity] ?> <?cs var:L.request["action_" + Mail.action] ?>
- <?cs var:L.mail.by ?>: <?cs var:Mail.submitter ?>

<?cs var:L.mail.request_submitted.action ?>
<?cs var:Mail.request_url ?>
<?cs include:"mail/_foot.txt.cs" ?>
