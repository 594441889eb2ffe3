<?cs set:Mail.subject_line = Mail.title ?><?cs include:"mail/_head.html.cs" ?>
<p><?cs var:Mail.to_name ?><?cs var:L.mail.dear ?></p>
<p><?cs var:L.mail.news_published.lead ?><?cs if:Mail.pinned == "1" ?> (<?cs var:L.mail.news_published.pinned ?>)<?cs /if ?></p>
<p><a href="<?cs var:Mail.article_url ?>"><strong><?cs var:Mail.title ?></strong></a><br><?cs var:Mail.category ?><?cs if:Mail.publisher ?>, <?cs var:Mail.publisher ?><?cs /if ?>, <?cs var:Mail.published_at ?></p>
<?cs include:"mail/_foot.html.cs" ?>
