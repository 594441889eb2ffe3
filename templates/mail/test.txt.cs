<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.test.body ?>
<?cs include:"mail/_foot.txt.cs" ?>
