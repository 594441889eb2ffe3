<?cs # admin_nav.cs - the admin pages' own menu. ?>
<nav class="subnav" aria-label="<?cs var:L.admin.nav ?>">
<ul>
<li><a href="/admin"><?cs var:L.admin.home ?></a></li>
<?cs if:User.tp ?><li><a href="/admin/members/<?cs var:url_escape(User.tp) ?>"><?cs var:L.admin.profile ?></a></li>
<li><a href="/admin/members/<?cs var:url_escape(User.tp) ?>/people"><?cs var:L.admin.people ?></a></li><?cs /if ?>
<li><a href="/admin/news"><?cs var:L.news_admin.nav ?></a></li>
<li><a href="/admin/library"><?cs var:L.library_admin.nav ?></a></li>
<?cs if:User.committees ?><li><a href="/admin/committees"><?cs var:L.committee_admin.title ?></a></li><?cs /if ?>
<li><a href="/admin/requests"><?cs var:L.admin.requests ?></a></li>
<li><a href="/admin/history"><?cs var:L.admin.history ?></a></li>
<?cs if:User.role == "secretariat" ?><li><a href="/admin/users"><?cs var:L.admin.users ?></a></li>
<li><a href="/admin/stats"><?cs var:L.stats.nav ?></a></li>
<li><a href="/admin/about"><?cs var:L.about_admin.nav ?></a></li><?cs /if ?>
</ul>
</nav>
