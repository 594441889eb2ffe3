[<?cs var:L.site.short ?>] <?cs var:Mail.category ?>: <?cs var:Mail.title ?>
