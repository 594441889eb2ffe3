[<?cs var:L.site.short ?>] <?cs var:L.mail.password_reset.subject ?>
