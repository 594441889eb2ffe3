<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.email_confirm.lead ?> (<?cs var:L.login.login ?>: <?cs var:Mail.login ?>)
<?cs var:Mail.new_email ?>

<?cs var:L.mail.email_confirm.action ?>
<?cs var:Mail.confirm_url ?>

<?cs var:L.mail.email_confirm.expiry ?>
<?cs include:"mail/_foot.txt.cs" ?>
