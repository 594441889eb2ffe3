[<?cs var:L.site.short ?>] <?cs var:L.mail.request_decided.subject ?> #<?cs var:Mail.request_id ?>: <?cs var:L.request["state_" + Mail.state] ?>
