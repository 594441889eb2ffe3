[<?cs var:L.site.short ?>] <?cs var:L.mail.email_confirm.subject ?>
