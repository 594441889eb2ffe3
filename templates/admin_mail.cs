<?cs # admin_mail.cs - /admin/mail: what the local development sink received, newest first (page_admin_mail.c). ?>
<?cs set:Page.Title = L.mail_admin.sink_title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.mail_admin.sink_title ?></h1>
<?cs include:"admin_nav.cs" ?>
<p class="note"><span class="badge demo"><?cs var:L.demo ?></span> <?cs var:L.mail_admin.sink_note ?> <code class="break"><?cs var:Page.Maildir ?></code></p>
<?cs if:subcount(Mails) == 0 ?><p><?cs var:L.mail_admin.sink_empty ?></p><?cs /if ?>
<?cs each:m = Mails ?><article class="mail" aria-labelledby="mail-<?cs var:name(m) ?>">
<h2 id="mail-<?cs var:name(m) ?>"><?cs call:ko(m.subject) ?></h2>
<dl class="facts">
<dt><?cs var:L.mail_admin.from ?></dt><dd class="break"<?cs call:ko_lang() ?>><?cs var:m.from ?></dd>
<dt><?cs var:L.mail_admin.to ?></dt><dd class="break"<?cs call:ko_lang() ?>><?cs var:m.to ?></dd>
<dt><?cs var:L.mail_admin.date ?></dt><dd><?cs var:m.date ?></dd>
<dt>Message-ID</dt><dd class="break"><?cs var:m.message_id ?></dd>
<?cs if:m.calendar ?><dt><?cs var:L.mail_admin.calendar ?></dt><dd>text/calendar; method=<?cs var:m.calendar ?></dd><?cs /if ?>
</dl>
<pre class="mail-text"><?cs call:ko(m.text) ?></pre>
</article>
<?cs /each ?>
<?cs include:"footer.cs" ?>
