<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs if:Mail.ical_method == "CANCEL" ?><?cs var:L.mail.meeting.lead_cancel ?><?cs else ?><?cs var:L.mail.meeting.lead ?><?cs /if ?>
- <?cs var:Mail.committee ?>: <?cs var:Mail.title ?>
- <?cs var:L.mail.meeting.when ?>: <?cs var:Mail.when ?>
<?cs if:Mail.place ?>- <?cs var:L.mail.meeting.where ?>: <?cs var:Mail.place ?>
<?cs /if ?>
<?cs var:Mail.meeting_url ?>
<?cs include:"mail/_foot.txt.cs" ?>
