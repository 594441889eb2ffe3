<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.password_reset.lead ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)

<?cs var:Mail.reset_url ?>

<?cs var:Mail.minutes ?><?cs var:L.mail.password_reset.expiry ?>
<?cs var:L.mail.password_reset.not_you ?>
<?cs include:"mail/_foot.txt.cs" ?>
