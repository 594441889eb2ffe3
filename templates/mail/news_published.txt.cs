<?cs var:Mail.to_name ?><?cs var:L.mail.dear ?>

<?cs var:L.mail.news_published.lead ?><?cs if:Mail.pinned == "1" ?> (<?cs var:L.mail.news_published.pinned ?>)<?cs /if ?>
- <?cs var:Mail.title ?>
- <?cs var:Mail.category ?><?cs if:Mail.publisher ?>, <?cs var:Mail.publisher ?><?cs /if ?>, <?cs var:Mail.published_at ?>

<?cs var:Mail.article_url ?>
<?cs include:"mail/_foot.txt.cs" ?>
