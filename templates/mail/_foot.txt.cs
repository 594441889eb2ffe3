
-- 
<?cs var:L.site.name ?> <?cs var:L.site.portal ?>: <?cs var:Mail.base_url ?>/
<?cs var:L.mail.foot.auto ?>
<?cs if:Mail.unsubscribe_url ?><?cs var:L.mail.foot.why ?>
<?cs var:L.mail.foot.unsubscribe ?>: <?cs var:Mail.unsubscribe_url ?>
<?cs /if ?>
