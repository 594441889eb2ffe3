[<?cs var:L.site.short ?>] <?cs var:L.mail.request_submitted.subject ?> #<?cs var:Mail.request_id ?> <?cs var:Mail.technopark ?>
