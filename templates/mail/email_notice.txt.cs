<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs if:Mail.by_self == "1" ?><?cs var:L.mail.email_notice.by_self ?><?cs else ?><?cs var:L.mail.email_notice.by_secretariat ?><?cs /if ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)
<?cs var:Mail.new_email ?>

<?cs var:L.mail.email_notice.not_you ?>
<?cs include:"mail/_foot.txt.cs" ?>
