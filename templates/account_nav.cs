<?cs # account_nav.cs - the links between one's account pages (password, mail address, notifications). ?>
<nav class="subnav" aria-label="<?cs var:L.account_mail.nav ?>"><ul>
<li><a href="/account/password"<?cs if:Page.Account == "password" ?> aria-current="page"<?cs /if ?>><?cs var:L.password.title ?></a></li>
<li><a href="/account/email"<?cs if:Page.Account == "email" ?> aria-current="page"<?cs /if ?>><?cs var:L.account_mail.title ?></a></li>
<li><a href="/account/notifications"<?cs if:Page.Account == "notify" ?> aria-current="page"<?cs /if ?>><?cs var:L.notify.title ?></a></li>
</ul></nav>
