<?cs set:Mail.subject_line = Mail.title ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs if:Mail.ical_method == "CANCEL" ?><?cs var:L.mail.meeting.lead_cancel ?><?cs else ?><?cs var:L.mail.meeting.lead ?><?cs /if ?></p>
<ul>
<li><?cs var:Mail.committee ?>: <a href="<?cs var:Mail.meeting_url ?>"><?cs var:Mail.title ?></a></li>
<li><?cs var:L.mail.meeting.when ?>: <?cs var:Mail.when ?></li>
<?cs if:Mail.place ?><li><?cs var:L.mail.meeting.where ?>: <?cs var:Mail.place ?></li><?cs /if ?>
</ul>
<?cs include:"mail/_foot.html.cs" ?>
