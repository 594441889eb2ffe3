[<?cs var:L.site.short ?>] <?cs var:L.mail.test.subject ?>
